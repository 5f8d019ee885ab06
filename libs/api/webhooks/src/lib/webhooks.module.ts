import { Module } from '@nestjs/common';
import { UsersCoreModule } from '@gfmd/api-auth';
import { WebhookDeliveryHandler } from './webhook-delivery.handler';
import { WebhookEvents } from './webhook-events';
import { WebhookOutboxRepository } from './webhook-outbox.repository';
import { WebhookPersonalData } from './webhook-personal-data';
import { WebhookQueue } from './webhook-queue';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';
import { WebhooksWorker } from './webhooks-worker';

/**
 * The tables, the queue's producer and the DomainEvents implementation (every app whose domains
 * change things: the API, and the worker whose sweeps change registrations).
 */
@Module({
  providers: [
    WebhookSubscriptionsRepository,
    WebhookOutboxRepository,
    WebhookQueue,
    WebhookEvents,
    WebhookPersonalData,
  ],
  exports: [WebhookSubscriptionsRepository, WebhookOutboxRepository, WebhookQueue, WebhookEvents],
})
export class WebhooksCoreModule {}

/** The admin routes (apps/api; docs/webhooks.md). */
@Module({
  imports: [WebhooksCoreModule],
  controllers: [WebhooksController],
  providers: [WebhooksService],
})
export class WebhooksModule {}

/** The delivery worker and its sweep (apps/worker). Needs MailModule (admins' email, the sweep's clock). */
@Module({
  imports: [WebhooksCoreModule, UsersCoreModule],
  providers: [WebhookDeliveryHandler, WebhooksWorker],
  exports: [WebhooksWorker],
})
export class WebhooksWorkerModule {}
