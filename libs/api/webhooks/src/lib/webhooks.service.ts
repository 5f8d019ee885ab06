import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, WebhookCreated, WebhookDelivery, WebhookSubscription } from '@gfmd/contracts';
import { AppConfig, AuditService, badRequest, domainRule, inTransaction, notFound, msg } from '@gfmd/api-platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { newWebhookSecret } from './webhook-signature';
import { refuseWebhookUrl } from './webhook-url';
import type { CreateWebhookDto, ListDeliveriesQuery, UpdateWebhookDto } from './webhook.dto';
import { toDelivery, toSubscription } from './webhook.mapper';
import { WebhookOutboxRepository } from './webhook-outbox.repository';
import { WebhookQueue } from './webhook-queue';
import { type SubscriptionPatch, WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';

/** Admin's webhook subscriptions: URL checks, the secret shown once, enable/disable, the delivery log, replay and test. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly outbox: WebhookOutboxRepository,
    private readonly queue: WebhookQueue,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<WebhookSubscription[]> {
    return (await this.subscriptions.list()).map(toSubscription);
  }

  async get(id: string): Promise<WebhookSubscription> {
    return toSubscription(await this.found(id));
  }

  async create(dto: CreateWebhookDto, actorUserId: string): Promise<WebhookCreated> {
    await this.checkUrl(dto.url);
    const secret = newWebhookSecret();
    const row = await inTransaction(this.dataSource, async () => {
      const saved = await this.subscriptions.insert({
        url: dto.url,
        description: dto.description ?? null,
        events: dto.events,
        includePersonalData: dto.includePersonalData ?? false,
        secret,
        createdById: actorUserId,
      });
      await this.audit.record({ actorUserId, action: 'webhook.created', entityType: 'webhook', entityId: saved.id });
      return saved;
    });
    return { ...toSubscription(row), secret };
  }

  async update(id: string, dto: UpdateWebhookDto, actorUserId: string): Promise<WebhookSubscription> {
    if (dto.url !== undefined) await this.checkUrl(dto.url);
    const row = await inTransaction(this.dataSource, async () => {
      const before = await this.found(id, true);
      const patch: SubscriptionPatch = {
        url: dto.url,
        description: dto.description,
        events: dto.events,
        includePersonalData: dto.includePersonalData,
      };
      const enabling = dto.active === true && !before.active;
      const disabling = dto.active === false && before.active;
      if (enabling) Object.assign(patch, { active: true, disabledReason: null });
      if (disabling) Object.assign(patch, { active: false, disabledReason: 'admin' });
      const saved = (await this.subscriptions.update(id, patch, enabling)) ?? before;
      if (disabling) await this.outbox.cancelUnfinished(id);
      const fields = Object.keys(dto).filter((k) => dto[k as keyof UpdateWebhookDto] !== undefined);
      await this.audit.record({
        actorUserId,
        action: 'webhook.changed',
        entityType: 'webhook',
        entityId: id,
        details: { fields },
      });
      return saved;
    });
    return toSubscription(row);
  }

  async remove(id: string, actorUserId: string): Promise<void> {
    await inTransaction(this.dataSource, async () => {
      if (!(await this.subscriptions.delete(id))) throw notFound('Webhook');
      await this.audit.record({ actorUserId, action: 'webhook.deleted', entityType: 'webhook', entityId: id });
    });
  }

  /** A new secret, shown this once; the old one stops signing at once. */
  async rotateSecret(id: string, actorUserId: string): Promise<WebhookCreated> {
    const secret = newWebhookSecret();
    const row = await inTransaction(this.dataSource, async () => {
      await this.found(id, true);
      const saved = await this.subscriptions.update(id, { secret });
      await this.audit.record({ actorUserId, action: 'webhook.secret_rotated', entityType: 'webhook', entityId: id });
      return saved;
    });
    if (!row) throw notFound('Webhook');
    return { ...toSubscription(row), secret };
  }

  async deliveries(id: string, query: ListDeliveriesQuery): Promise<Page<WebhookDelivery>> {
    await this.found(id);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const { rows, total } = await this.outbox.page(id, query.status, (page - 1) * pageSize, pageSize);
    return { items: rows.map(toDelivery), total, page, pageSize };
  }

  /** Sends a delivery's payload again, as a new delivery (a new X-GFMD-Delivery) that names the one it replays. */
  async replay(id: string, deliveryId: string): Promise<WebhookDelivery> {
    const sub = await this.found(id);
    const original = await this.outbox.byId(deliveryId);
    if (!original || original.subscriptionId !== id) throw notFound('Delivery');
    if (!sub.active && original.event !== 'ping') throw domainRule('invalid-transition', msg('webhooks.enableFirst'));
    return this.deliver(() =>
      this.outbox.insert([
        {
          subscriptionId: id,
          eventId: original.eventId,
          event: original.event,
          payload: original.payload,
          replayOf: original.id,
        },
      ]),
    );
  }

  /** A `ping` delivery (tried once, also to a disabled subscription: check the receiver before enabling it). */
  async test(id: string): Promise<WebhookDelivery> {
    await this.found(id);
    return this.deliver(
      () =>
        this.outbox.insert([
          {
            subscriptionId: id,
            eventId: randomUUID(),
            event: 'ping',
            payload: { occurredAt: new Date().toISOString(), data: { subscriptionId: id } },
          },
        ]),
      true,
    );
  }

  private async deliver(insert: () => Promise<string[]>, once = false): Promise<WebhookDelivery> {
    const [deliveryId] = await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const ids = await insert();
      afterCommit.add(() => this.queue.enqueueQuietly(ids, { once }));
      return ids;
    });
    const row = await this.outbox.byId(deliveryId);
    if (!row) throw notFound('Delivery');
    return toDelivery(row);
  }

  private async found(id: string, lock = false) {
    const row = await this.subscriptions.byId(id, lock);
    if (!row) throw notFound('Webhook');
    return row;
  }

  private async checkUrl(url: string): Promise<void> {
    const refusal = await refuseWebhookUrl(url, this.config.webhooks);
    if (refusal)
      throw badRequest(msg('webhooks.urlRefused'), [{ field: 'url', message: refusal, code: 'isPublicUrl' }]);
  }
}
