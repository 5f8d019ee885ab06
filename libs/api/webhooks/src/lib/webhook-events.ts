import { Injectable, OnModuleInit } from '@nestjs/common';
import type { WebhookEvent } from '@gfmd/contracts';
import { type AfterCommit, type DomainEventItem, DomainEvents, type EventAudience } from '@gfmd/api-platform';
import { randomUUID } from 'node:crypto';
import { WebhookOutboxRepository } from './webhook-outbox.repository';
import { WebhookQueue } from './webhook-queue';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';

/** What a delivery's row keeps of its event: when it happened and the data this subscription may see. */
export interface StoredPayload {
  occurredAt: string;
  data: Record<string, unknown>;
}

/**
 * The webhooks side of the DomainEvents port: in the change's transaction, one outbox row per
 * event and active subscription to it (the personal fields only for a subscription marked for
 * them); after commit, one job per row. A rolled-back change leaves no row.
 */
@Injectable()
export class WebhookEvents implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly outbox: WebhookOutboxRepository,
    private readonly queue: WebhookQueue,
  ) {}

  onModuleInit(): void {
    this.events.implement(
      async (event, items, afterCommit, audience) => void (await this.record(event, items, afterCommit, audience)),
      async (event) => ({ event, recipients: await this.subscriptions.matching(event) }),
    );
  }

  async record(
    event: WebhookEvent,
    items: DomainEventItem[],
    afterCommit?: AfterCommit,
    audience?: EventAudience,
  ): Promise<string[]> {
    const subscribers = audience
      ? (audience.recipients as Awaited<ReturnType<WebhookSubscriptionsRepository['matching']>>)
      : await this.subscriptions.matching(event);
    if (!subscribers.length) return [];
    const occurredAt = new Date().toISOString();
    const ids = await this.outbox.insert(
      items.flatMap((item) => {
        const eventId = randomUUID();
        return subscribers.map((s) => ({
          subscriptionId: s.id,
          eventId,
          event,
          payload: {
            occurredAt,
            data: s.includePersonalData && item.personal ? { ...item.data, ...item.personal } : item.data,
          } satisfies StoredPayload,
        }));
      }),
    );
    afterCommit?.add(() => this.queue.enqueueQuietly(ids));
    return ids;
  }
}
