import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DeliverySummary, SendPreview } from '@gfmd/contracts';
import type { Observable } from 'rxjs';

/** What POST /spaces/:id/messages did: emails queued, and how many participants were left out and why. */
export interface SpaceMessageResult {
  /** the message, whose delivery `summary` follows (null when nobody was written to) */
  messageId?: string | null;
  queued: number;
  skipped: number;
  skippedBy?: Record<string, number>;
}

/** A coordinator's message to the confirmed participants of a space. */
@Injectable({ providedIn: 'root' })
export class SpaceMessagesApi {
  private readonly http = inject(HttpClient);

  send(spaceId: string, message: string): Observable<SpaceMessageResult> {
    return this.http.post<SpaceMessageResult>(`/api/v1/spaces/${encodeURIComponent(spaceId)}/messages`, { message });
  }

  /** Where one message's emails stand: counts by delivery status (cheap enough to poll). */
  summary(spaceId: string, messageId: string): Observable<DeliverySummary> {
    return this.http.get<DeliverySummary>(
      `/api/v1/spaces/${encodeURIComponent(spaceId)}/messages/${encodeURIComponent(messageId)}/summary`,
    );
  }

  /** Who `send` would email, and how many messages the space has left today, without sending (`?dryRun=true`). */
  preview(spaceId: string, message: string): Observable<SendPreview> {
    return this.http.post<SendPreview>(`/api/v1/spaces/${encodeURIComponent(spaceId)}/messages?dryRun=true`, {
      message,
    });
  }
}
