import { HttpClient, HttpParams, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateRegistrationRequest,
  DeclinedRegistration,
  DeclineRequest,
  ImportRegistrationsReport,
  ListRegistrationsRequest,
  InvitationDeclineView,
  ManageView,
  InvitationPrefill,
  Page,
  Question,
  QuestionView,
  Registration,
  RegistrationCreated,
  StaffCreateRegistrationRequest,
  UpdateManagedRegistrationRequest,
} from '@gfmd/contracts';
import type { FilterQuery } from '@gfmd/web-shared-util-http';
import type { Observable } from 'rxjs';

/** The registrations list query as the table's filters hold it ('' for "any"). */
export type RegistrationQuery = FilterQuery<ListRegistrationsRequest>;

export function toParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params = params.set(key, String(value));
    }
  }
  return params;
}

/** HTTP edge of the registrations domain (public registration, manage link, staff lists). */
@Injectable({ providedIn: 'root' })
export class RegistrationsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/v1';

  /** What an invitation link fills in (public; 404 for an unknown or used invitation). */
  invitationPrefill(token: string): Observable<InvitationPrefill> {
    return this.http.get<InvitationPrefill>(`${this.base}/invitations/by-token/${encodeURIComponent(token)}`);
  }

  register(dialogueId: string, input: CreateRegistrationRequest): Observable<RegistrationCreated> {
    return this.http.post<RegistrationCreated>(
      `${this.base}/dialogues/${encodeURIComponent(dialogueId)}/registrations`,
      input,
    );
  }

  /** An organizer registers someone: no approval step, confirmed when a seat is free, else waitlisted. */
  registerByStaff(dialogueId: string, input: StaffCreateRegistrationRequest): Observable<RegistrationCreated> {
    return this.http.post<RegistrationCreated>(
      `${this.base}/dialogues/${encodeURIComponent(dialogueId)}/registrations/staff`,
      input,
    );
  }

  /** A CSV import: `dryRun` previews what would happen to each row; otherwise the rows are registered. */
  importCsv(dialogueId: string, csv: string, dryRun: boolean): Observable<ImportRegistrationsReport> {
    return this.http.post<ImportRegistrationsReport>(
      `${this.base}/dialogues/${encodeURIComponent(dialogueId)}/registrations/import`,
      csv,
      { params: { dryRun: String(dryRun) }, headers: { 'Content-Type': 'text/csv' } },
    );
  }

  list(dialogueId: string, query: RegistrationQuery): Observable<Page<Registration>> {
    return this.http.get<Page<Registration>>(`${this.base}/dialogues/${encodeURIComponent(dialogueId)}/registrations`, {
      params: toParams(query),
    });
  }

  /** The CSV export with its headers (Content-Disposition names the file). */
  csv(dialogueId: string, query: RegistrationQuery): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.base}/dialogues/${encodeURIComponent(dialogueId)}/registrations.csv`, {
      // The whole filtered list: no page, no cursor.
      params: toParams({ ...query, page: undefined, pageSize: undefined, after: undefined, before: undefined }),
      responseType: 'blob',
      observe: 'response',
    });
  }

  approve(id: string, spaceId?: string): Observable<Registration> {
    return this.http.post<Registration>(
      `${this.base}/registrations/${encodeURIComponent(id)}/approve`,
      spaceId ? { spaceId } : {},
    );
  }

  /** Declines (a seat, or the registration); `undoUntil` in the answer says until when it may be undone. */
  decline(id: string, spaceId?: string, reason?: string): Observable<DeclinedRegistration> {
    const body: DeclineRequest = { ...(spaceId ? { spaceId } : {}), ...(reason ? { reason } : {}) };
    return this.http.post<DeclinedRegistration>(`${this.base}/registrations/${encodeURIComponent(id)}/decline`, body);
  }

  /** Undoes a decline within its window (409 `undo-expired` after, `seat-taken` when the seat is gone). */
  undoDecline(id: string): Observable<Registration> {
    return this.http.post<Registration>(`${this.base}/registrations/${encodeURIComponent(id)}/undo-decline`, {});
  }

  /** Approves one pending seat request in a space (a coordinator of that space, or an organizer). */
  approveSpace(id: string, spaceId: string): Observable<Registration> {
    return this.http.post<Registration>(
      `${this.base}/registrations/${encodeURIComponent(id)}/spaces/${encodeURIComponent(spaceId)}/approve`,
      {},
    );
  }

  /** Declines one pending seat request in a space; the email waits until `undoUntil` in the answer. */
  declineSpace(id: string, spaceId: string): Observable<DeclinedRegistration> {
    return this.http.post<DeclinedRegistration>(
      `${this.base}/registrations/${encodeURIComponent(id)}/spaces/${encodeURIComponent(spaceId)}/decline`,
      {},
    );
  }

  /** Undoes the decline of a seat request within its window (409 `undo-expired` after, `seat-taken`). */
  undoDeclineSpace(id: string, spaceId: string): Observable<Registration> {
    return this.http.post<Registration>(
      `${this.base}/registrations/${encodeURIComponent(id)}/spaces/${encodeURIComponent(spaceId)}/undo-decline`,
      {},
    );
  }

  checkIn(id: string): Observable<Registration> {
    return this.http.post<Registration>(`${this.base}/registrations/${encodeURIComponent(id)}/check-in`, {});
  }

  manage(token: string): Observable<ManageView> {
    return this.http.get<ManageView>(`${this.base}/registrations/manage/${encodeURIComponent(token)}`);
  }

  updateManaged(token: string, patch: UpdateManagedRegistrationRequest): Observable<ManageView> {
    return this.http.patch<ManageView>(`${this.base}/registrations/manage/${encodeURIComponent(token)}`, patch);
  }

  cancelManaged(token: string): Observable<ManageView> {
    return this.http.post<ManageView>(`${this.base}/registrations/manage/${encodeURIComponent(token)}/cancel`, {});
  }

  /** What the invitation decline page shows (changes nothing). */
  invitationDecline(token: string): Observable<InvitationDeclineView> {
    return this.http.get<InvitationDeclineView>(`${this.base}/invitations/decline/${encodeURIComponent(token)}`);
  }

  /** Declines the invitation of the link, once the invitee confirms. */
  declineInvitation(token: string): Observable<{ status: 'declined' }> {
    return this.http.post<{ status: 'declined' }>(`${this.base}/invitations/decline/${encodeURIComponent(token)}`, {});
  }

  /** The organizer's own questions of a dialogue, in order (public once the dialogue is). */
  questions(dialogueId: string): Observable<QuestionView[]> {
    return this.http.get<QuestionView[]>(`${this.base}/dialogues/${encodeURIComponent(dialogueId)}/questions`);
  }

  /** Replaces a dialogue's questions (organizers); answers already given stay as they were. */
  putQuestions(dialogueId: string, questions: Question[]): Observable<QuestionView[]> {
    return this.http.put<QuestionView[]>(
      `${this.base}/dialogues/${encodeURIComponent(dialogueId)}/questions`,
      questions,
    );
  }

  manageIcsUrl(token: string): string {
    return `${this.base}/registrations/manage/${encodeURIComponent(token)}/agenda.ics`;
  }
}
