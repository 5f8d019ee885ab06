import { Module } from '@nestjs/common';
import { StaffLinksModule } from '@gfmd/api-staff';
import { InvitationsCoreModule } from '@gfmd/api-invitations';
import { MailModule, MailWorkerModule } from '@gfmd/api-mail';
import { PlatformCoreModule } from '@gfmd/api-platform';
import { RegistrationsCoreModule } from '@gfmd/api-registrations';
import { SubscribersCoreModule } from '@gfmd/api-syntheses';

/**
 * The worker's modules: the platform (config, logs, database, Redis), the outbox and queues,
 * the BullMQ consumers, and the domains that follow delivery (invitation status) or write
 * emails that come due (reminders), the staff links' minter (invitation and reset emails) and the synthesis subscribers' minter.
 */
@Module({
  imports: [
    PlatformCoreModule,
    MailModule,
    MailWorkerModule.forRoot(),
    InvitationsCoreModule,
    RegistrationsCoreModule,
    StaffLinksModule,
    SubscribersCoreModule,
  ],
})
export class WorkerModule {}
