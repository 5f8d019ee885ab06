import { Injectable } from '@nestjs/common';
import type { EmailKind } from '@gfmd/contracts';

export interface DeliveryEvent {
  outboxId: string;
  kind: EmailKind;
  dialogueId: string | null;
  registrationId: string | null;
  invitationId: string | null;
  /** Set when the delivery failed for good. */
  error?: string;
}

/** Called with every outcome recorded by one transaction (the current one), which the listener joins. */
type Listener = (events: DeliveryEvent[]) => Promise<void>;

/**
 * Lets other domains follow delivery (an invitation becomes `sent` or `failed`) without the
 * mail domain depending on them. Listeners run inside the transaction that records the outcome;
 * the worker records outcomes in batches, so a listener gets them as a list.
 */
@Injectable()
export class MailDeliveryHooks {
  private readonly sent: Listener[] = [];
  private readonly failed: Listener[] = [];

  onSent(listener: Listener) {
    this.sent.push(listener);
  }
  onFailed(listener: Listener) {
    this.failed.push(listener);
  }
  async emitSent(events: DeliveryEvent[]) {
    if (!events.length) return;
    for (const l of this.sent) await l(events);
  }
  async emitFailed(events: DeliveryEvent[]) {
    if (!events.length) return;
    for (const l of this.failed) await l(events);
  }
}
