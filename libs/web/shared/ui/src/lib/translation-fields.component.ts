import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { ContentTranslations, ReaderLanguage } from '@gfmd/contracts';
import { ContentLangDirective, I18n, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { inject } from '@angular/core';

/** One translated field of a record: its key, its label and its length limit (the server's). */
export interface TranslatedField {
  key: string;
  label: string;
  max: number;
  multiline?: boolean;
}

let nextId = 0;

/**
 * The other languages' words of a record (docs/i18n.md, "Content in several languages"): one tab
 * per listed language other than the source (the record's own fields, above, are the source's),
 * each with the source text under every field and the fields written in the source but not in
 * that language marked "Not translated yet" (text and icon, on the tab too). Emits the whole
 * `translations` object to send (`""` for an emptied field removes it on the server).
 */
@Component({
  selector: 'gfmd-translation-fields',
  imports: [MatFormField, MatLabel, MatHint, MatInput, TranslatePipe, ContentLangDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
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
      margin-bottom: -1px;
    }
    .lang-tab__missing,
    .missing {
      display: block;
      font-weight: 600;
      font-size: 0.9em;
    }
    .source,
    .missing {
      margin: -0.75rem 0 1rem;
      overflow-wrap: anywhere;
    }
    .full {
      width: 100%;
    }
  `,
  template: `
    @if (others().length) {
      <p class="gfmd-muted">{{ 'editor.translationsIntro' | t: { language: name(source()) } }}</p>
      <div class="lang-tabs" role="tablist" [attr.aria-label]="'editor.languageTabs' | t">
        @for (l of others(); track l) {
          <button
            type="button"
            role="tab"
            class="lang-tab"
            [id]="id + '-tab-' + l"
            [attr.aria-selected]="tab() === l"
            [attr.aria-controls]="id + '-panel-' + l"
            [attr.tabindex]="tab() === l ? 0 : -1"
            (click)="chosen.set(l)"
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
            <mat-form-field class="full">
              <mat-label>{{ f.label }} ({{ name(l) }})</mat-label>
              @if (f.multiline) {
                <textarea
                  matInput
                  rows="4"
                  [id]="id + '-' + l + '-' + f.key"
                  [value]="valueOf(l, f.key)"
                  [attr.maxlength]="f.max"
                  [attr.lang]="l"
                  [attr.dir]="l === 'ar' ? 'rtl' : null"
                  [attr.aria-describedby]="
                    id + '-' + l + '-' + f.key + '-source ' + id + '-' + l + '-' + f.key + '-missing'
                  "
                  (input)="set(l, f.key, $any($event.target).value)"
                ></textarea>
              } @else {
                <input
                  matInput
                  [id]="id + '-' + l + '-' + f.key"
                  [value]="valueOf(l, f.key)"
                  [attr.maxlength]="f.max"
                  [attr.lang]="l"
                  [attr.dir]="l === 'ar' ? 'rtl' : null"
                  [attr.aria-describedby]="
                    id + '-' + l + '-' + f.key + '-source ' + id + '-' + l + '-' + f.key + '-missing'
                  "
                  (input)="set(l, f.key, $any($event.target).value)"
                />
              }
              <mat-hint align="end">{{ valueOf(l, f.key).length }} / {{ f.max }}</mat-hint>
            </mat-form-field>
            @if (sourceOf(f.key); as text) {
              <p class="source gfmd-muted" [id]="id + '-' + l + '-' + f.key + '-source'">
                {{ 'editor.sourceText' | t: { language: name(source()) } }}
                <span [gfmdContentLang]="source()">{{ text }}</span>
              </p>
            }
            @if (missing().get(l)?.includes(f.key)) {
              <p class="missing" [id]="id + '-' + l + '-' + f.key + '-missing'">
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
  /** The dialogue's languages, the source first. */
  readonly languages = input.required<readonly ReaderLanguage[]>();
  readonly fields = input.required<readonly TranslatedField[]>();
  /** The record's own words (in the source language), as typed so far. */
  readonly source = input.required<ReaderLanguage>();
  readonly sourceValues = input.required<Record<string, string | null | undefined>>();
  /** The translations as stored (reset when a record is opened). */
  readonly value = input<ContentTranslations>({});
  readonly valueChange = output<ContentTranslations>();

  private readonly edited = signal<ContentTranslations | null>(null);
  private lastValue: ContentTranslations | null = null;
  protected readonly chosen = signal<ReaderLanguage | null>(null);

  protected readonly others = computed(() => this.languages().filter((l) => l !== this.source()));
  protected readonly tab = computed(() => {
    const chosen = this.chosen();
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
        .filter((k) => (this.sourceValues()[k] ?? '').trim() && !(this.current()[l]?.[k] ?? '').trim());
      if (keys.length) out.set(l, keys);
    }
    return out;
  });
  private readonly names = computed(() => new Intl.DisplayNames([this.i18n.language()], { type: 'language' }));

  protected name(language: ReaderLanguage): string {
    return this.names().of(language) ?? language.toUpperCase();
  }

  protected valueOf(language: ReaderLanguage, key: string): string {
    return this.current()[language]?.[key] ?? '';
  }

  protected sourceOf(key: string): string {
    return (this.sourceValues()[key] ?? '').trim();
  }

  protected set(language: ReaderLanguage, key: string, text: string): void {
    const next: ContentTranslations = { ...this.current(), [language]: { ...this.current()[language], [key]: text } };
    this.edited.set(next);
    this.lastValue = this.value();
    this.valueChange.emit(next);
  }

  /** Arrow keys, Home and End move between the tabs (the tablist pattern). */
  protected onKey(event: KeyboardEvent): void {
    const tabs = this.others();
    const at = tabs.indexOf(this.tab() as ReaderLanguage);
    const step = ({ ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 } as Record<string, number>)[event.key];
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
    this.chosen.set(tabs[next]);
    const list = (event.currentTarget as HTMLElement).closest('[role=tablist]');
    const tab = list?.querySelector<HTMLElement>(`#${this.id}-tab-${tabs[next]}`);
    tab?.focus();
  }
}

/**
 * The translations to send for the listed languages other than the source: every field, trimmed
 * (`""` removes one on the server); languages not listed are left as stored.
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
