import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { MailDeliveryHooks } from './delivery/mail-delivery-hooks';
import { MailHealth } from './health/mail-health';
import { OutboundEmailEntity } from './outbox/outbound-email.entity';
import { OutboxController } from './outbox/outbox.controller';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxService } from './outbox/outbox.service';
import { MailQueue } from './queue/mail-queue';
import { ReminderScheduler } from './reminders/reminder-scheduler';
import { TemplateRenderer } from './templates/template-renderer';

/**
 * The outbox, the templates, the producer side of the mail queue, scheduled reminders and the
 * admin outbox routes (API and worker). The consumers are in MailWorkerModule.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboundEmailEntity]), DialoguesModule],
  controllers: [OutboxController],
  providers: [OutboxRepository, OutboxService, TemplateRenderer, MailQueue, MailDeliveryHooks, ReminderScheduler, MailHealth],
  exports: [OutboxRepository, OutboxService, TemplateRenderer, MailQueue, MailDeliveryHooks, ReminderScheduler],
})
export class MailModule {}
