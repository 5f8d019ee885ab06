import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { DocumentView, ReaderLanguage } from '@gfmd/contracts';
import { DocumentsApi, formatSize, typeLabel } from '@gfmd/web-documents-data-access';
import { saveBlob } from '@gfmd/web-shared-util-http';
import { ContentLangDirective, I18n, LabelPipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';

/**
 * A list of documents: title, type, size, language (and visibility for staff), each with its
 * download. Public and registrants' files are plain links (the manage token in the path); staff
 * downloads go through HttpClient, which carries the sign-in.
 */
@Component({
  selector: 'gfmd-document-list',
  imports: [MatButton, TranslatePipe, LabelPipe, ContentLangDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    ul {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.75rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--gfmd-border, #d9e2ec);
    }
    .name {
      flex: 1 1 12rem;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
  `,
  template: `
    @if (rows().length) {
      <ul>
        @for (row of rows(); track row.doc.id) {
          <li>
            <span class="name">
              @if (staff()) {
                <a href="" (click)="$event.preventDefault(); download(row.doc)" [gfmdContentLang]="row.titleLang">{{
                  row.title
                }}</a>
              } @else {
                <a
                  [href]="api.fileUrl(row.doc.id, manageToken())"
                  [attr.download]="row.inline ? null : row.doc.fileName"
                  [gfmdContentLang]="row.titleLang"
                  >{{ row.title }}</a
                >
              }
              <br /><small class="gfmd-muted">{{ row.doc.kind | label: 'documentKind' }}</small>
            </span>
            <span class="meta">
              <span class="gfmd-chip" [attr.aria-label]="'documents.type' | t">{{ row.type }}</span>
              <span class="gfmd-chip" [attr.aria-label]="'documents.size' | t">{{ row.size }}</span>
              <span class="gfmd-chip" [attr.aria-label]="'documents.language' | t" [attr.lang]="row.doc.language">{{
                row.doc.language.toUpperCase()
              }}</span>
              @if (showVisibility()) {
                <span class="gfmd-chip">{{ row.doc.visibility | label: 'documentVisibility' }}</span>
              }
            </span>
            @if (canDelete()) {
              <button mat-stroked-button type="button" (click)="remove.emit(row.doc)">
                {{ 'documents.delete' | t }}<span class="cdk-visually-hidden">: {{ row.title }}</span>
              </button>
            }
          </li>
        }
      </ul>
    } @else {
      <p class="gfmd-muted">{{ 'documents.none' | t }}</p>
    }
  `,
})
export class DocumentListComponent {
  protected readonly api = inject(DocumentsApi);
  private readonly i18n = inject(I18n);

  readonly documents = input.required<DocumentView[]>();
  /** Links through a participant's manage link. */
  readonly manageToken = input<string>();
  /** Staff: downloads carry the sign-in. */
  readonly staff = input(false);
  readonly showVisibility = input(false);
  readonly canDelete = input(false);
  readonly remove = output<DocumentView>();

  protected readonly rows = computed(() => {
    const lang = this.i18n.language();
    return this.documents().map((doc) => ({
      doc,
      ...documentTitle(doc, lang),
      type: typeLabel(doc.contentType, doc.fileName),
      size: formatSize(doc.size, lang),
      inline: /^(application\/pdf|image\/)/.test(doc.contentType),
    }));
  });

  protected download(doc: DocumentView) {
    this.api.fetchFile(doc.id).subscribe((blob) => saveBlob(blob, doc.fileName));
  }
}

/**
 * The title to show and its language: the page's where written, else the server's choice (the
 * dialogue's first language, `titleText`/`titleLang`), else the file's language, else any, else
 * the file name; the language is marked on the link where it is not the page's.
 */
export function documentTitle(doc: DocumentView, language: string): { title: string; titleLang: string | null } {
  const own = doc.title[language]?.trim();
  if (own) return { title: own, titleLang: language };
  if (doc.titleText?.trim()) return { title: doc.titleText, titleLang: doc.titleLang ?? null };
  const [lang, text] =
    Object.entries(doc.title).find(([l, t]) => l === doc.language && t.trim()) ??
    Object.entries(doc.title).find(([, t]) => t.trim()) ??
    [];
  return text ? { title: text, titleLang: lang as ReaderLanguage } : { title: doc.fileName, titleLang: null };
}
