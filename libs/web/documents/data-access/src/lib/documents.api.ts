import { HttpClient, HttpEvent, HttpHeaders, HttpRequest, HttpXhrBackend } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ContributionPage,
  ContributionView,
  DocumentKind,
  DocumentLanguage,
  DocumentOwnerType,
  DocumentView,
  DocumentVisibility,
  ReaderLanguage,
  StakeholderGroup,
} from '@gfmd/contracts';
import { AuthStore } from '@gfmd/web-auth-data-access';
import type { Observable } from 'rxjs';

/** The fields of an upload besides the file (titles per language as `title.<lang>`). */
export interface DocumentUploadFields {
  ownerType: DocumentOwnerType;
  ownerId: string;
  kind: DocumentKind;
  visibility: DocumentVisibility;
  language: DocumentLanguage;
  title?: string;
}

export interface ContributionWindow {
  contributionsCloseAt: string | null;
  open: boolean;
}

export interface ContributionInput {
  title: string;
  text: string;
  organization?: string;
  stakeholderGroup: StakeholderGroup;
  email: string;
  name: string;
  language?: string;
  consentToPublish: boolean;
  consent: boolean;
}

const enc = encodeURIComponent;

/** Documents and written contributions (docs/documents.md). */
@Injectable({ providedIn: 'root' })
export class DocumentsApi {
  private readonly http = inject(HttpClient);
  /**
   * Uploads go through XMLHttpRequest: the app's client uses fetch (withFetch), which reports no
   * upload progress. This client has no interceptors, so the sign-in is added here.
   */
  private readonly xhr = new HttpClient(inject(HttpXhrBackend));
  private readonly auth = inject(AuthStore);

  listForDialogue(dialogueId: string): Observable<DocumentView[]> {
    return this.http.get<DocumentView[]>(`/api/v1/dialogues/${enc(dialogueId)}/documents`);
  }

  listForRegistrant(token: string): Observable<DocumentView[]> {
    return this.http.get<DocumentView[]>(`/api/v1/registrations/manage/${enc(token)}/documents`);
  }

  /** Multipart upload with progress events (unsubscribe to cancel: the request is aborted). */
  upload(fields: DocumentUploadFields, file: File): Observable<HttpEvent<DocumentView>> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') form.append(k, String(v));
    form.append('file', file, file.name);
    const token = this.auth.token();
    return this.xhr.request(
      new HttpRequest<FormData>('POST', '/api/v1/documents', form, {
        reportProgress: true,
        responseType: 'json',
        headers: token ? new HttpHeaders({ Authorization: `Bearer ${token}` }) : undefined,
      }),
    );
  }

  /** The title in some languages (`""` removes one; languages not sent are kept). */
  retitle(id: string, title: Partial<Record<ReaderLanguage, string | null>>): Observable<DocumentView> {
    return this.http.patch<DocumentView>(`/api/v1/documents/${enc(id)}`, { title });
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/api/v1/documents/${enc(id)}`);
  }

  /** The file as a Blob (staff: the request carries the sign-in; saved by the caller). */
  fetchFile(id: string): Observable<Blob> {
    return this.http.get(`/api/v1/documents/${enc(id)}/file`, { responseType: 'blob' });
  }

  /** A plain link: public documents, and a registrant's through their manage link. */
  fileUrl(id: string, manageToken?: string): string {
    return documentFileUrl(id, manageToken);
  }

  contributionWindow(dialogueId: string): Observable<ContributionWindow> {
    return this.http.get<ContributionWindow>(`/api/v1/dialogues/${enc(dialogueId)}/contribution-window`);
  }

  setContributionWindow(dialogueId: string, contributionsCloseAt: string | null): Observable<ContributionWindow> {
    return this.http.put<ContributionWindow>(`/api/v1/dialogues/${enc(dialogueId)}/contribution-window`, {
      contributionsCloseAt,
    });
  }

  contributions(dialogueId: string): Observable<ContributionView[]> {
    return this.http.get<ContributionView[]>(`/api/v1/dialogues/${enc(dialogueId)}/contributions`);
  }

  submitContribution(dialogueId: string, input: ContributionInput): Observable<{ id: string; status: string }> {
    return this.http.post<{ id: string; status: string }>(`/api/v1/dialogues/${enc(dialogueId)}/contributions`, input);
  }

  /** A contribution's page: accepted ones for anyone, with the published recommendations citing it. */
  contribution(id: string): Observable<ContributionPage> {
    return this.http.get<ContributionPage>(`/api/v1/contributions/${enc(id)}`);
  }

  confirmContribution(token: string): Observable<{ id: string; dialogueId: string; status: string }> {
    return this.http.post<{ id: string; dialogueId: string; status: string }>(
      `/api/v1/contributions/confirm/${enc(token)}`,
      {},
    );
  }

  decide(id: string, verdict: 'accept' | 'reject', reason?: string): Observable<ContributionView> {
    return this.http.post<ContributionView>(`/api/v1/contributions/${enc(id)}/${verdict}`, reason ? { reason } : {});
  }
}

/** "1.2 MB" style sizes (decimal units, as file managers show them). */
export function formatSize(bytes: number, locale = 'en'): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}

/** A short type label from a content type: PDF, DOCX, PNG… */
export function typeLabel(contentType: string, fileName: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1];
  if (ext) return ext.toUpperCase();
  return contentType.split('/')[1]?.split(/[;+.]/)[0]?.toUpperCase() ?? contentType;
}

/** A plain link to a document's file: public ones by id, a registrant's through their manage token. */
export function documentFileUrl(id: string, manageToken?: string): string {
  return manageToken
    ? `/api/v1/registrations/manage/${enc(manageToken)}/documents/${enc(id)}/file`
    : `/api/v1/documents/${enc(id)}/file`;
}

/** A document's title in the page's language, else in the file's, else any, else its file name. */
export function documentTitle(doc: DocumentView, language: string): string {
  return doc.title[language] ?? doc.title[doc.language] ?? Object.values(doc.title)[0] ?? doc.fileName;
}

/** A link to a document beside an agenda item (what the agenda views show). */
export interface ItemDocumentLink {
  id: string;
  title: string;
  href: string;
  /** the file name to save under, or null for PDF and images (opened in the browser) */
  download: string | null;
  /** "PDF · 1.2 MB" */
  details: string;
  language: string;
}

/**
 * The documents of agenda items as plain links, by item id: for the public page (`public` ones
 * only) or a participant's page (through their manage token, which reads public and registrants'
 * ones). Staff documents are never linked this way.
 */
export function itemDocumentLinks(
  docs: readonly DocumentView[],
  language: string,
  manageToken?: string,
): Map<string, ItemDocumentLink[]> {
  const out = new Map<string, ItemDocumentLink[]>();
  for (const doc of docs) {
    if (doc.ownerType !== 'agenda_item') continue;
    if (doc.visibility === 'staff' || (!manageToken && doc.visibility !== 'public')) continue;
    const link: ItemDocumentLink = {
      id: doc.id,
      title: documentTitle(doc, language),
      href: documentFileUrl(doc.id, manageToken),
      download: /^(application\/pdf|image\/)/.test(doc.contentType) ? null : doc.fileName,
      details: `${typeLabel(doc.contentType, doc.fileName)} · ${formatSize(doc.size, language)}`,
      language: doc.language,
    };
    out.set(doc.ownerId, [...(out.get(doc.ownerId) ?? []), link]);
  }
  return out;
}
