import { Injectable } from '@nestjs/common';
import type { EmailKind } from '@gfmd/contracts';
import type { EntityManager } from 'typeorm';

export interface DeliveryEvent {
  outboxId: string;
  kind: EmailKind;
  dialogueId: string | null;
  registrationId: string | null;
  invitationId: string | null;
  /** The same transaction that marks the outbox row sent or failed. */
  manager: EntityManager;
  /** Set when the delivery failed for good. */
  error?: string;
}

type Listener = (event: DeliveryEvent) => Promise<void>;

/**
 * Lets other domains follow delivery (an invitation becomes `sent` or `failed`) without the
 * mail domain depending on them. Listeners run inside the transaction that records the outcome.
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
  async emitSent(event: DeliveryEvent) {
    for (const l of this.sent) await l(event);
  }
  async emitFailed(event: DeliveryEvent) {
    for (const l of this.failed) await l(event);
  }
}
