import { Module } from '@nestjs/common';
import { AgendaModule } from '@gfmd/api-agenda';
import { AuthModule } from '@gfmd/api-auth';
import { CheckInModule } from '@gfmd/api-check-in';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { DocumentsModule } from '@gfmd/api-documents';
import { InvitationsModule } from '@gfmd/api-invitations';
import { MailModule, QueueBoardModule } from '@gfmd/api-mail';
import { OutcomesModule } from '@gfmd/api-outcomes';
import { DelegationsModule } from '@gfmd/api-delegations';
import { QuestionsModule } from '@gfmd/api-questions';
import { PlatformModule } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { ReportsModule } from '@gfmd/api-reports';
import { SpacesModule } from '@gfmd/api-spaces';
import { StaffModule } from '@gfmd/api-staff';
import { SynthesesModule } from '@gfmd/api-syntheses';
import { WebhooksModule } from '@gfmd/api-webhooks';

/** The HTTP API: every domain module on the shared platform. */
@Module({
  imports: [
    PlatformModule,
    AuthModule,
    StaffModule,
    MailModule,
    QueueBoardModule,
    DialoguesModule,
    SpacesModule,
    AgendaModule,
    InvitationsModule,
    RegistrationsModule,
    DelegationsModule,
    QuestionsModule,
    OutcomesModule,
    CheckInModule,
    DocumentsModule,
    SynthesesModule,
    ReportsModule,
    WebhooksModule,
  ],
})
export class AppModule {}
