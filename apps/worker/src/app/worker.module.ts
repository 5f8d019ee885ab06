import { Module } from '@nestjs/common';
import { InvitationsCoreModule } from '@gfmd/api-invitations';
import { MailModule, MailWorkerModule } from '@gfmd/api-mail';
import { PlatformCoreModule } from '@gfmd/api-platform';

/**
 * The worker's modules: the platform (config, logs, database, Redis), the outbox and queues,
 * the BullMQ consumers, and the domains that follow delivery (invitation status).
 */
@Module({
  imports: [PlatformCoreModule, MailModule, MailWorkerModule.forRoot(), InvitationsCoreModule],
})
export class WorkerModule {}
