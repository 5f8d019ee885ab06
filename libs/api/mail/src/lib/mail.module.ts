import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboundEmailEntity } from './outbox/outbound-email.entity';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxService } from './outbox/outbox.service';
import { MailQueue } from './queue/mail-queue';
import { TemplateRenderer } from './templates/template-renderer';

/** The outbox, the templates and the producer side of the mail queue (API and worker). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboundEmailEntity])],
  providers: [OutboxRepository, OutboxService, TemplateRenderer, MailQueue],
  exports: [OutboxRepository, OutboxService, TemplateRenderer, MailQueue],
})
export class MailModule {}
