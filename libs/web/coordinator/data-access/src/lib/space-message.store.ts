import { Injectable, inject, signal } from '@angular/core';
import type { DeliverySummary, SendPreview } from '@gfmd/contracts';
import { backoffPoll } from '@gfmd/web-shared-util-state';
import { firstValueFrom } from 'rxjs';
import { type SpaceMessageResult, SpaceMessagesApi } from './space-messages.api';

/** A message checked with the API and what sending it would do, awaiting the coordinator's confirmation. */
export interface PendingSpaceMessage {
  spaceId: string;
  message: string;
  preview: SendPreview;
}

/**
 * The two steps of a space message: `check` asks the API who it would reach (nothing is sent),
 * `send` sends exactly the message that was checked; `followDelivery` then polls where its
 * emails stand (`delivery`, with backoff, until none is queued). Provide it in the page: polling
 * ends with it.
 */
@Injectable()
export class SpaceMessageStore {
  private readonly api = inject(SpaceMessagesApi);
  private readonly pendingState = signal<PendingSpaceMessage | null>(null);

  /** the checked message awaiting confirmation (null when there is none) */
  readonly pending = this.pendingState.asReadonly();

  private followed: { spaceId: string; messageId: string } | null = null;

  /** Live delivery counts of the message sent last (see `followDelivery`). */
  readonly delivery = backoffPoll<DeliverySummary>({
    load: () => {
      const followed = this.followed;
      if (!followed) return Promise.reject(new Error('no message followed'));
      return firstValueFrom(this.api.summary(followed.spaceId, followed.messageId));
    },
    done: (s) => s.queued + s.sending === 0,
  });

  /** Follows a sent message's delivery until none of its emails is queued or sending. */
  followDelivery(spaceId: string, messageId: string): void {
    this.followed = { spaceId, messageId };
    this.delivery.start();
  }

  async check(spaceId: string, message: string): Promise<PendingSpaceMessage> {
    this.pendingState.set(null);
    const preview = await firstValueFrom(this.api.preview(spaceId, message));
    const pending = { spaceId, message, preview };
    this.pendingState.set(pending);
    return pending;
  }

  /** Sends the checked message; the pending one is kept if this fails, so it can be sent again. */
  async send(): Promise<SpaceMessageResult | null> {
    const pending = this.pendingState();
    if (!pending) {
      return null;
    }
    const result = await firstValueFrom(this.api.send(pending.spaceId, pending.message));
    this.pendingState.set(null);
    return result;
  }

  /** Forgets the checked message (the text changed, or the coordinator cancelled). */
  discard(): void {
    this.pendingState.set(null);
  }
}
