import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateInvitationsRequest,
  DeliverySummary,
  Invitation,
  InvitationBatchResult,
  ListInvitationsRequest,
  Page,
  SendPreview,
} from '@gfmd/contracts';
import type { FilterQuery } from '@gfmd/web-shared-util-http';
import type { Observable } from 'rxjs';
import { toParams } from '@gfmd/web-registrations-data-access';

@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  send(dialogueId: string, batch: CreateInvitationsRequest): Observable<InvitationBatchResult> {
    return this.http.post<InvitationBatchResult>(
      `/api/v1/dialogues/${encodeURIComponent(dialogueId)}/invitations`,
      batch,
    );
  }

  /** Who `send` would email, without sending (`?dryRun=true`). */
  preview(dialogueId: string, batch: CreateInvitationsRequest): Observable<SendPreview> {
    return this.http.post<SendPreview>(
      `/api/v1/dialogues/${encodeURIComponent(dialogueId)}/invitations?dryRun=true`,
      batch,
    );
  }

  list(dialogueId: string, query: FilterQuery<ListInvitationsRequest>): Observable<Page<Invitation>> {
    return this.http.get<Page<Invitation>>(`/api/v1/dialogues/${encodeURIComponent(dialogueId)}/invitations`, {
      params: toParams(query),
    });
  }

  /** Where the dialogue's invitations stand: counts by delivery status (cheap enough to poll). */
  summary(dialogueId: string): Observable<DeliverySummary> {
    return this.http.get<DeliverySummary>(`/api/v1/dialogues/${encodeURIComponent(dialogueId)}/invitations/summary`);
  }

  resend(id: string): Observable<unknown> {
    return this.http.post(`/api/v1/invitations/${encodeURIComponent(id)}/resend`, {});
  }
}
