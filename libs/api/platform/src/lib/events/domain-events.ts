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

/**
 * Who an event goes to, read ahead of a change's transaction (`DomainEvents.audience`); opaque to
 * the domains, which only hand it back to `record`.
 */
export interface EventAudience {
  readonly event: WebhookEvent;
  readonly recipients: unknown;
}

/** What records the events (the webhooks domain: one outbox row per matching subscription). */
export type DomainEventSink = (
  event: WebhookEvent,
  items: DomainEventItem[],
  afterCommit: AfterCommit | undefined,
  audience: EventAudience | undefined,
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
  private reader?: (event: WebhookEvent) => Promise<EventAudience>;

  /** Called once by the module that records events; `audience` reads who an event goes to. */
  implement(sink: DomainEventSink, audience?: (event: WebhookEvent) => Promise<EventAudience>): void {
    this.sink = sink;
    this.reader = audience;
  }

  /**
   * Who `event` goes to, read now: a change that holds a hot lock (the registration rush's
   * dialogue row) reads it before taking the lock and hands it to `record`, one statement less
   * under the lock. A subscription made meanwhile is as if made just after the change.
   */
  async audience(event: WebhookEvent): Promise<EventAudience | undefined> {
    return this.reader?.(event);
  }

  /**
   * Records `event` for each item in the current transaction; `afterCommit` lets the delivery
   * start at once; `audience` (from `audience(event)`) saves reading the subscriptions again.
   */
  async record(
    event: WebhookEvent,
    items: DomainEventItem | DomainEventItem[],
    afterCommit?: AfterCommit,
    audience?: EventAudience,
  ): Promise<void> {
    if (!this.sink) return;
    const list = Array.isArray(items) ? items : [items];
    if (audience && audience.event !== event) throw new Error(`an audience of ${audience.event} given for ${event}`);
    if (list.length) await this.sink(event, list, afterCommit, audience);
  }
}
