import { Injectable, inject, signal } from '@angular/core';
import type { SendPreview } from '@gfmd/contracts';
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
 * `send` sends exactly the message that was checked. Provide it in the page.
 */
@Injectable()
export class SpaceMessageStore {
  private readonly api = inject(SpaceMessagesApi);
  private readonly pendingState = signal<PendingSpaceMessage | null>(null);

  /** the checked message awaiting confirmation (null when there is none) */
  readonly pending = this.pendingState.asReadonly();

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
