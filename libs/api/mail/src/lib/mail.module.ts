import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailDeliveryHooks } from './delivery/mail-delivery-hooks';
import { MailLinkHooks } from './delivery/mail-link-hooks';
import { OutboxRetention } from './outbox/outbox-retention';
import { MailSweepHooks } from './delivery/mail-sweep-hooks';
import { MailHealth } from './health/mail-health';
import { OutboundEmailEntity } from './outbox/outbound-email.entity';
import { EmailComposer } from './outbox/email-composer';
import { OutboxController } from './outbox/outbox.controller';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxService } from './outbox/outbox.service';
import { MailQueue } from './queue/mail-queue';
import { TemplateRenderer } from './templates/template-renderer';

/**
 * The outbox, the templates, the producer side of the mail queue, the hooks through which other
 * domains follow delivery and write emails that come due, and the admin outbox routes (API and
 * worker). The consumers are in MailWorkerModule.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboundEmailEntity])],
  controllers: [OutboxController],
  providers: [
    OutboxRepository,
    OutboxService,
    EmailComposer,
    TemplateRenderer,
    MailQueue,
    MailDeliveryHooks,
    MailSweepHooks,
    MailLinkHooks,
    MailHealth,
    OutboxRetention,
  ],
  // OutboxRepository is exported for the worker module of this lib only: the package does not export
  // the class, so other domains reach the outbox table through OutboxService alone.
  exports: [
    OutboxRepository,
    OutboxService,
    EmailComposer,
    TemplateRenderer,
    MailQueue,
    MailDeliveryHooks,
    MailSweepHooks,
    MailLinkHooks,
  ],
})
export class MailModule {}
