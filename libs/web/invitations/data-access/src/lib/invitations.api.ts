import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Invitation,
  InvitationBatchResult,
  InvitationStatus,
  Language,
  Page,
  SendPreview,
  StakeholderGroup,
} from '@gfmd/contracts';
import type { Observable } from 'rxjs';
import { toParams } from '@gfmd/web-registrations-data-access';

export interface InvitationRecipient {
  email: string;
  name?: string;
  stakeholderGroup?: StakeholderGroup;
  preferredLanguage?: Language;
}

export interface InvitationBatch {
  recipients: InvitationRecipient[];
  spaceIds?: string[];
  message?: string;
}

@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  send(dialogueId: string, batch: InvitationBatch): Observable<InvitationBatchResult> {
    return this.http.post<InvitationBatchResult>(
      `/api/v1/dialogues/${encodeURIComponent(dialogueId)}/invitations`,
      batch,
    );
  }

  /** Who `send` would email, without sending (`?dryRun=true`). */
  preview(dialogueId: string, batch: InvitationBatch): Observable<SendPreview> {
    return this.http.post<SendPreview>(
      `/api/v1/dialogues/${encodeURIComponent(dialogueId)}/invitations?dryRun=true`,
      batch,
    );
  }

  list(
    dialogueId: string,
    query: { status?: InvitationStatus | ''; page?: number; pageSize?: number },
  ): Observable<Page<Invitation>> {
    return this.http.get<Page<Invitation>>(`/api/v1/dialogues/${encodeURIComponent(dialogueId)}/invitations`, {
      params: toParams(query),
    });
  }

  resend(id: string): Observable<unknown> {
    return this.http.post(`/api/v1/invitations/${encodeURIComponent(id)}/resend`, {});
  }
}
