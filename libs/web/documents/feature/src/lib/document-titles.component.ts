import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { ContentTranslations, DocumentView, ProblemDetails, ReaderLanguage } from '@gfmd/contracts';
import { DocumentsApi } from '@gfmd/web-documents-data-access';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { TranslationFieldsComponent, type TranslatedField } from '@gfmd/web-shared-ui/translation-fields';
import { toProblem } from '@gfmd/web-shared-util-http';
import { I18n, TranslatePipe } from '@gfmd/web-shared-util-i18n';

let nextId = 0;

/**
 * A document's title in the dialogue's languages (docs/documents.md): the first language's title,
 * then one tab per other language with the first one's words under the field and "Not translated
 * yet" where a title is missing (text and sign, on the tab too). Saving sends the listed
 * languages (`""` removes one; the others are kept) and emits the document as saved.
 */
@Component({
  selector: 'gfmd-document-titles',
  imports: [
    MatButton,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    ProblemAlertComponent,
    TranslationFieldsComponent,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .full {
      width: 100%;
    }
  `,
  template: `
    <form (submit)="save($event)" [attr.aria-labelledby]="id + '-heading'">
      <h4 [id]="id + '-heading'">{{ 'documents.titles.heading' | t: { file: document().fileName } }}</h4>
      <mat-form-field class="full">
        <mat-label>{{ 'documents.titles.title' | t }} ({{ name(source()) }})</mat-label>
        <input
          matInput
          [name]="id + '-source'"
          maxlength="300"
          [attr.lang]="source()"
          [attr.dir]="source() === 'ar' ? 'rtl' : null"
          [value]="sourceTitle()"
          (input)="sourceTitle.set($any($event.target).value)"
        />
        <mat-hint align="end">{{ sourceTitle().length }} / 300</mat-hint>
      </mat-form-field>
      <gfmd-translation-fields
        [languages]="languages()"
        [source]="source()"
        [fields]="fields()"
        [sourceValues]="{ title: sourceTitle() }"
        [value]="others()"
        (valueChange)="others.set($event)"
      />
      <gfmd-problem-alert [problem]="problem()" [listFieldErrors]="true" />
      <p class="gfmd-visually-hidden" role="status" aria-live="polite">{{ message() }}</p>
      <button mat-stroked-button type="submit" [disabled]="busy()">
        {{ (busy() ? 'common.saving' : 'documents.titles.save') | t }}
      </button>
    </form>
  `,
})
export class DocumentTitlesComponent {
  private readonly api = inject(DocumentsApi);
  private readonly i18n = inject(I18n);
  protected readonly id = `gfmd-doc-titles-${nextId++}`;

  readonly document = input.required<DocumentView>();
  /** The dialogue's languages, the first the one whose title the others translate. */
  readonly languages = input.required<readonly ReaderLanguage[]>();
  readonly saved = output<DocumentView>();

  protected readonly source = computed<ReaderLanguage>(() => this.languages()[0] ?? 'en');
  protected readonly sourceTitle = signal('');
  protected readonly others = signal<ContentTranslations>({});
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly message = signal('');
  protected readonly fields = computed<TranslatedField[]>(() => [
    { key: 'title', label: this.i18n.t('documents.titles.title'), max: 300 },
  ]);
  private readonly names = computed(() => new Intl.DisplayNames([this.i18n.language()], { type: 'language' }));

  constructor() {
    // The stored titles, again whenever another document (or a saved one) comes in.
    effect(() => {
      const title = this.document().title;
      const source = this.source();
      this.sourceTitle.set(title[source] ?? '');
      this.others.set(
        Object.fromEntries(
          Object.entries(title)
            .filter(([l]) => l !== source)
            .map(([l, text]) => [l, { title: text }]),
        ),
      );
    });
  }

  protected name(language: ReaderLanguage): string {
    return this.names().of(language) ?? language.toUpperCase();
  }

  protected save(event: Event): void {
    event.preventDefault();
    this.problem.set(null);
    this.message.set('');
    this.busy.set(true);
    const title = titlesToSend(this.languages(), this.sourceTitle(), this.others());
    this.api.retitle(this.document().id, title).subscribe({
      next: (doc) => {
        this.busy.set(false);
        this.message.set(this.i18n.t('documents.titles.saved'));
        this.saved.emit(doc);
      },
      error: (error) => {
        this.busy.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }
}

/** The titles to send: one per listed language, trimmed (`""` removes it on the server). */
export function titlesToSend(
  languages: readonly ReaderLanguage[],
  sourceTitle: string,
  others: ContentTranslations,
): Partial<Record<ReaderLanguage, string>> {
  const [source, ...rest] = languages;
  const out: Partial<Record<ReaderLanguage, string>> = {};
  if (source) out[source] = sourceTitle.trim();
  for (const language of rest) out[language] = (others[language]?.['title'] ?? '').trim();
  return out;
}
