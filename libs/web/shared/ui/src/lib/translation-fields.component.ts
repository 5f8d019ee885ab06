import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  model,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { ContentTranslations, ProblemDetails, ReaderLanguage } from '@gfmd/contracts';
import { ContentLangDirective, I18n, TranslatePipe } from '@gfmd/web-shared-util-i18n';

/** One translated field of a record: its key, its label and its length limit (the server's). */
export interface TranslatedField {
  key: string;
  label: string;
  max: number;
  /** a textarea (summaries, descriptions) rather than a one-line input */
  multiline?: boolean;
}

/** Languages written right to left among the six content languages. */
const RTL: readonly string[] = ['ar'];

let nextId = 0;

/**
 * The one editor of a record's words in other languages (docs/i18n.md, "Content in several
 * languages"), used by every staff editor: one tab per listed language other than the source (the
 * record's own fields, above it, are the source's), in a keyboard tablist (arrows, Home, End; one
 * tab stop). Each tab shows every field with `lang` and `dir` of its language, the source text
 * beside it (`lang` of the source), and the fields written in the source but not in that language
 * marked "Not translated yet" in words and with a sign (on the tab too). Server errors of a field
 * (`translations.fr.title`) are shown under it, and bring its tab forward. Emits the whole
 * `translations` object to send (`""` for an emptied field removes it on the server).
 *
 * ```html
 * <gfmd-translation-fields [languages]="['en', 'fr']" source="en" [fields]="fields"
 *   [sourceValues]="{ title: form.value.title }" [value]="stored()" (valueChange)="typed = $event" />
 * ```
 */
@Component({
  selector: 'gfmd-translation-fields',
  imports: [MatFormField, MatLabel, MatHint, MatInput, TranslatePipe, ContentLangDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .lang-tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      margin: 0.5rem 0 1rem;
      border-bottom: 1px solid var(--gfmd-border);
    }
    .lang-tab {
      font: inherit;
      color: inherit;
      background: none;
      border: 1px solid transparent;
      border-bottom: none;
      border-radius: 8px 8px 0 0;
      padding: 0.5rem 0.75rem;
      min-height: 44px;
      cursor: pointer;
    }
    .lang-tab[aria-selected='true'] {
      border-color: var(--gfmd-border);
      font-weight: 600;
      background: var(--mat-sys-surface, #fff);
      margin-bottom: -1px;
    }
    .lang-tab__missing,
    .missing,
    .error {
      display: block;
      font-weight: 600;
      font-size: 0.9em;
    }
    .source,
    .missing,
    .error {
      margin: -0.75rem 0 1rem;
      overflow-wrap: anywhere;
    }
    .error {
      color: var(--mat-sys-error, #b3261e);
    }
    .full {
      width: 100%;
    }
  `,
  template: `
    @if (others().length) {
      <p class="gfmd-muted">{{ 'editor.translationsOther' | t: { language: name(source()) } }}</p>
      <div class="lang-tabs" role="tablist" [attr.aria-label]="label() || ('editor.translations.languages' | t)">
        @for (l of others(); track l) {
          <button
            type="button"
            role="tab"
            class="lang-tab"
            [id]="id + '-tab-' + l"
            [attr.aria-selected]="tab() === l"
            [attr.aria-controls]="id + '-panel-' + l"
            [attr.tabindex]="tab() === l ? 0 : -1"
            (click)="selected.set(l)"
            (keydown)="onKey($event)"
          >
            {{ name(l) }}
            @if (missing().get(l)) {
              <span class="lang-tab__missing"><span aria-hidden="true">⚠</span> {{ 'editor.tabMissing' | t }}</span>
            }
          </button>
        }
      </div>
      @if (tab(); as l) {
        <div role="tabpanel" [id]="id + '-panel-' + l" [attr.aria-labelledby]="id + '-tab-' + l">
          @for (f of fields(); track f.key) {
            @let fid = id + '-' + l + '-' + f.key;
            @let error = errorOf(l, f.key);
            <mat-form-field class="full">
              <mat-label>{{ f.label }} ({{ name(l) }})</mat-label>
              @if (f.multiline) {
                <textarea
                  matInput
                  rows="4"
                  [id]="fid"
                  [value]="valueOf(l, f.key)"
                  [attr.maxlength]="f.max"
                  [attr.lang]="l"
                  [attr.dir]="dirOf(l)"
                  [attr.aria-invalid]="error ? true : null"
                  [attr.aria-describedby]="fid + '-error ' + fid + '-source ' + fid + '-missing'"
                  (input)="set(l, f.key, $any($event.target).value)"
                ></textarea>
              } @else {
                <input
                  matInput
                  [id]="fid"
                  [value]="valueOf(l, f.key)"
                  [attr.maxlength]="f.max"
                  [attr.lang]="l"
                  [attr.dir]="dirOf(l)"
                  [attr.aria-invalid]="error ? true : null"
                  [attr.aria-describedby]="fid + '-error ' + fid + '-source ' + fid + '-missing'"
                  (input)="set(l, f.key, $any($event.target).value)"
                />
              }
              <mat-hint align="end">{{ valueOf(l, f.key).length }} / {{ f.max }}</mat-hint>
            </mat-form-field>
            @if (error) {
              <p class="error" [id]="fid + '-error'">{{ error }}</p>
            }
            @if (sourceOf(f.key); as text) {
              <p class="source gfmd-muted" [id]="fid + '-source'">
                {{ 'editor.sourceText' | t: { language: name(source()) } }}
                <span [gfmdContentLang]="source()">{{ text }}</span>
              </p>
            }
            @if (missing().get(l)?.includes(f.key)) {
              <p class="missing" [id]="fid + '-missing'">
                <span aria-hidden="true">⚠</span> {{ 'editor.notTranslated' | t }}
              </p>
            }
          }
        </div>
      }
    }
  `,
})
export class TranslationFieldsComponent {
  private readonly i18n = inject(I18n);
  protected readonly id = `gfmd-tr-${nextId++}`;
  /** The record's languages (the source among them; its tab is the record's own fields, above). */
  readonly languages = input.required<readonly ReaderLanguage[]>();
  readonly fields = input.required<readonly TranslatedField[]>();
  /** The language of the record's own fields. */
  readonly source = input.required<ReaderLanguage>();
  /** The record's own words, as typed so far: e.g. its form's value (other keys ignored). */
  readonly sourceValues = input.required<Readonly<Record<string, unknown>>>();
  /** The translations as stored (reset when a record is opened). */
  readonly value = input<ContentTranslations>({});
  readonly valueChange = output<ContentTranslations>();
  /** The tablist's accessible name (default: "Languages of the content"). */
  readonly label = input('');
  /** The last save's problem: its `translations.<lang>.<field>` errors are shown under their fields. */
  readonly problem = input<ProblemDetails | null>(null);
  /** The language on screen (null: the first); two-way. */
  readonly selected = model<ReaderLanguage | null>(null);

  private readonly edited = signal<ContentTranslations | null>(null);
  private lastValue: ContentTranslations | null = null;

  protected readonly others = computed(() => this.languages().filter((l) => l !== this.source()));
  protected readonly tab = computed(() => {
    const chosen = this.selected();
    return chosen && this.others().includes(chosen) ? chosen : (this.others()[0] ?? null);
  });
  protected readonly current = computed(() => {
    const edited = this.edited();
    const value = this.value();
    // A new value from outside (another record opened) replaces what was typed.
    if (value !== this.lastValue) {
      this.lastValue = value;
      return value;
    }
    return edited ?? value;
  });
  protected readonly missing = computed(() => {
    const out = new Map<ReaderLanguage, string[]>();
    for (const l of this.others()) {
      const keys = this.fields()
        .map((f) => f.key)
        .filter((k) => this.sourceOf(k) && !(this.current()[l]?.[k] ?? '').trim());
      if (keys.length) out.set(l, keys);
    }
    return out;
  });
  /** The server's words per `<lang>.<field>`. */
  private readonly errors = computed(() => {
    const out = new Map<string, string>();
    for (const e of this.problem()?.errors ?? []) {
      const path = /^translations\.([a-z]{2})\.(\w+)$/.exec(e.field ?? '');
      if (path) out.set(`${path[1]}.${path[2]}`, e.message);
    }
    return out;
  });
  private readonly names = computed(() => new Intl.DisplayNames([this.i18n.language()], { type: 'language' }));

  constructor() {
    // A refused save shows the first language with an error.
    effect(() => {
      const first = [...this.errors().keys()][0]?.split('.')[0] as ReaderLanguage | undefined;
      if (first) untracked(() => this.selected.set(first));
    });
  }

  protected name(language: ReaderLanguage): string {
    return this.names().of(language) ?? language.toUpperCase();
  }

  /** Each field in its language's direction, whatever the interface's (French typed on an Arabic page). */
  protected dirOf(language: ReaderLanguage): 'rtl' | 'ltr' {
    return RTL.includes(language) ? 'rtl' : 'ltr';
  }

  protected valueOf(language: ReaderLanguage, key: string): string {
    return this.current()[language]?.[key] ?? '';
  }

  protected sourceOf(key: string): string {
    const text = this.sourceValues()[key];
    return typeof text === 'string' ? text.trim() : '';
  }

  protected errorOf(language: ReaderLanguage, key: string): string | null {
    return this.errors().get(`${language}.${key}`) ?? null;
  }

  protected set(language: ReaderLanguage, key: string, text: string): void {
    const next: ContentTranslations = { ...this.current(), [language]: { ...this.current()[language], [key]: text } };
    this.edited.set(next);
    this.lastValue = this.value();
    this.valueChange.emit(next);
  }

  /** Arrow keys, Home and End move between the tabs (the tablist pattern); arrows follow the page's direction. */
  protected onKey(event: KeyboardEvent): void {
    const tabs = this.others();
    const at = tabs.indexOf(this.tab() as ReaderLanguage);
    const forward = this.i18n.direction() === 'rtl' ? -1 : 1;
    const step = ({ ArrowRight: forward, ArrowDown: 1, ArrowLeft: -forward, ArrowUp: -1 } as Record<string, number>)[
      event.key
    ];
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? tabs.length - 1
          : step
            ? (at + step + tabs.length) % tabs.length
            : -1;
    if (next < 0) return;
    event.preventDefault();
    this.selected.set(tabs[next]);
    const list = (event.currentTarget as HTMLElement).closest('[role=tablist]');
    list?.querySelector<HTMLElement>(`#${this.id}-tab-${tabs[next]}`)?.focus();
  }
}

/**
 * The translations to send for the listed languages other than the source (the first): every
 * field, trimmed (`""` removes one on the server); languages not listed are left as stored.
 */
export function translationsToSend(
  value: ContentTranslations,
  languages: readonly ReaderLanguage[],
  keys: readonly string[],
): ContentTranslations {
  const out: ContentTranslations = {};
  for (const language of languages.slice(1)) {
    out[language] = Object.fromEntries(keys.map((k) => [k, (value[language]?.[k] ?? '').trim()]));
  }
  return out;
}

/**
 * A form's translations beside its reactive fields: `stored` goes to `[value]` (set when a record
 * is opened, or emptied for a new one), `typed` takes `(valueChange)`, `toSend` builds the body's.
 */
export class TranslationDraft {
  readonly stored = signal<ContentTranslations>({});
  private typed: ContentTranslations = {};

  /** A record opened (its stored translations), or a new one (none). */
  open(value: ContentTranslations | null | undefined = {}): void {
    this.typed = value ?? {};
    this.stored.set({ ...this.typed });
  }

  readonly type = (value: ContentTranslations): void => {
    this.typed = value;
  };

  /**
   * `translationsToSend` for the languages stored or typed only: a record in six languages does
   * not send five empty ones that were never written (nothing stored to remove).
   */
  toSend(languages: readonly ReaderLanguage[], keys: readonly string[]): ContentTranslations {
    return translationsToSend(this.typed, [languages[0], ...languages.slice(1).filter((l) => this.typed[l])], keys);
  }
}
