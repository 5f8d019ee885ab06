import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StaffDirectory } from '@gfmd/api-auth';
import { OutboxService } from '@gfmd/api-mail';
import { AppConfig, inTransaction } from '@gfmd/api-platform';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type { StoredPayload } from './webhook-events';
import { type ClaimedDelivery, WebhookOutboxRepository } from './webhook-outbox.repository';
import type { DeliverWebhookJob } from './webhook-queue';
import { postWebhook, type SendResult } from './webhook-sender';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from './webhook-signature';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';

/** The receiver's origin alone (a path or query may hold a token): what emails and logs name. */
const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid URL';
  }
};

/** The body sent: the envelope, the same bytes on every try of a delivery. */
export function deliveryBody(d: Pick<ClaimedDelivery, 'id' | 'eventId' | 'event' | 'payload'>): string {
  const payload = d.payload as unknown as StoredPayload;
  return JSON.stringify({
    id: d.id,
    eventId: d.eventId,
    event: d.event,
    occurredAt: payload.occurredAt,
    data: payload.data,
  });
}

/**
 * One try of one delivery (a BullMQ job): claim the row, POST the signed body, record the
 * outcome. A failure with tries left throws, so BullMQ retries with backoff; the last failure
 * counts against the subscription, which is disabled (and the admins emailed, through the
 * outbox, in the same transaction) after WEBHOOKS_DISABLE_AFTER in a row. Logs hold ids only.
 */
@Injectable()
export class WebhookDeliveryHandler {
  private readonly logger = new Logger(WebhookDeliveryHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: WebhookOutboxRepository,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly staff: StaffDirectory,
    private readonly mail: OutboxService,
    private readonly config: AppConfig,
  ) {}

  async handle(job: Job<DeliverWebhookJob>): Promise<string> {
    const id = job.data.deliveryId;
    const { timeoutMs, allowPrivate } = this.config.webhooks;
    const d = await this.outbox.claim(id, timeoutMs + 30_000);
    if (!d) {
      if ((await this.outbox.status(id)) === 'sending') throw new Error('delivery in hand elsewhere');
      return 'done already';
    }
    if (!d.subscriptionActive && d.event !== 'ping') {
      await this.outbox.record(id, 'cancelled', { status: null, durationMs: null, error: 'subscription disabled' });
      return 'cancelled';
    }
    const body = deliveryBody(d);
    const timestamp = Math.floor(Date.now() / 1000);
    const result = await postWebhook(
      d.url,
      body,
      {
        [SIGNATURE_HEADER]: signatureHeader(d.secret, timestamp, body),
        [EVENT_HEADER]: d.event,
        [DELIVERY_HEADER]: d.id,
        'user-agent': 'GFMD-Dialogues-Webhooks/1',
      },
      { timeoutMs, allowPrivate },
    );
    if (result.ok) {
      await inTransaction(this.dataSource, async () => {
        await this.outbox.record(id, 'delivered', result);
        if (d.event !== 'ping') await this.subscriptions.recordSuccess(d.subscriptionId);
      });
      return 'delivered';
    }
    const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (!last) {
      await this.outbox.record(id, 'retrying', result);
      throw new Error(`webhook delivery failed: ${result.error}`);
    }
    await this.finalFailure(d, result);
    return 'failed';
  }

  /** The last try failed: the delivery is failed, the subscription's count grows, and at the limit it is disabled. */
  private async finalFailure(d: ClaimedDelivery, result: SendResult): Promise<void> {
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      await this.outbox.record(d.id, 'failed', result);
      if (d.event === 'ping') return;
      const counted = await this.subscriptions.recordFailure(d.subscriptionId, this.config.webhooks.disableAfter);
      if (!counted?.disabled) return;
      await this.outbox.cancelUnfinished(d.subscriptionId);
      const admins = await this.staff.contacts([], ['admin']);
      await this.mail.write(
        afterCommit,
        admins.map((a) => ({
          kind: 'webhook_disabled' as const,
          to: a.email,
          language: a.language,
          idempotencyKey: `webhook-disabled:${d.id}:${a.id}`,
          params: { recipientName: a.name, webhookUrl: originOf(counted.url), failures: counted.failures },
        })),
      );
      this.logger.warn(
        { subscriptionId: d.subscriptionId, failures: counted.failures },
        'webhook subscription disabled after failed deliveries; admins told',
      );
    });
  }
}
