import { Injectable } from '@nestjs/common';
import type { WebhookEvent } from '@gfmd/contracts';
import type { AfterCommit } from '../db/transaction';

/**
 * One occurrence of a domain event: `data` holds ids and non-personal fields; `personal` the
 * fields about a person (names, email, organization), sent only to subscriptions marked for
 * personal data.
 */
export interface DomainEventItem {
  data: Record<string, unknown>;
  personal?: Record<string, unknown>;
}

/** What records the events (the webhooks domain: one outbox row per matching subscription). */
export type DomainEventSink = (
  event: WebhookEvent,
  items: DomainEventItem[],
  afterCommit: AfterCommit | undefined,
) => Promise<void>;

/**
 * The port through which domains announce their changes (docs/webhooks.md): they call
 * `record()` at the change point, inside the change's transaction (the current one of the async
 * context), so the event is written — or rolled back — with the change. The webhooks domain
 * implements it; without it (the worker, tools, tests of one domain) `record()` does nothing.
 */
@Injectable()
export class DomainEvents {
  private sink?: DomainEventSink;

  /** Called once by the module that records events. */
  implement(sink: DomainEventSink): void {
    this.sink = sink;
  }

  /** Records `event` for each item in the current transaction; `afterCommit` lets the delivery start at once. */
  async record(
    event: WebhookEvent,
    items: DomainEventItem | DomainEventItem[],
    afterCommit?: AfterCommit,
  ): Promise<void> {
    if (!this.sink) return;
    const list = Array.isArray(items) ? items : [items];
    if (list.length) await this.sink(event, list, afterCommit);
  }
}
