import { Module } from '@nestjs/common';
import { AgendaModule } from '@gfmd/api-agenda';
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { InvitationsModule } from '@gfmd/api-invitations';
import { MailModule, QueueBoardModule } from '@gfmd/api-mail';
import { OutcomesModule } from '@gfmd/api-outcomes';
import { PlatformModule } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { StaffModule } from '@gfmd/api-staff';
import { SynthesesModule } from '@gfmd/api-syntheses';

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
    OutcomesModule,
    SynthesesModule,
  ],
})
export class AppModule {}
