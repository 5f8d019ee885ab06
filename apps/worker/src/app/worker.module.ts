import { Module } from '@nestjs/common';
import { CertificateNoticesModule } from '@gfmd/api-check-in';
import { StaffLinksModule } from '@gfmd/api-staff';
import { ContributionsCoreModule } from '@gfmd/api-documents';
import { InvitationsCoreModule } from '@gfmd/api-invitations';
import { MailModule, MailWorkerModule } from '@gfmd/api-mail';
import { PlatformCoreModule } from '@gfmd/api-platform';
import { RegistrationsCoreModule } from '@gfmd/api-registrations';
import { RetentionModule } from '@gfmd/api-retention';
import { DelegationsCoreModule } from '@gfmd/api-delegations';
import { SubscribersCoreModule } from '@gfmd/api-syntheses';
import { WebhooksWorkerModule } from '@gfmd/api-webhooks';

/**
 * The worker's modules: the platform (config, logs, database, Redis), the outbox and queues,
 * the BullMQ consumers, and the domains that follow delivery (invitation status) or write
 * emails that come due (reminders), the staff links' minter (invitation and reset emails), the
 * synthesis subscribers' minter, the daily retention job (erasure of personal data
 * RETENTION_DAYS after a dialogue ends), the hourly certificate notices (checked-in
 * participants told, once, that their certificate of attendance is on their manage page) and
 * the webhook deliveries (docs/webhooks.md).
 */
@Module({
  imports: [
    PlatformCoreModule,
    MailModule,
    MailWorkerModule.forRoot(),
    InvitationsCoreModule,
    RegistrationsCoreModule,
    DelegationsCoreModule,
    StaffLinksModule,
    RetentionModule,
    CertificateNoticesModule,
    ContributionsCoreModule,
    SubscribersCoreModule,
    WebhooksWorkerModule,
  ],
})
export class WorkerModule {}
