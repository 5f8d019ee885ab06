import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { InvitationsCoreModule } from '@gfmd/api-invitations';
import { SpacesModule } from '@gfmd/api-spaces';
import { ManageLinks } from './manage-links';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';
import { RegistrationAdmission } from './registration-admission.service';
import { RegistrationMailer } from './registration-mailer';
import { ReminderRound } from './reminder-round.service';
import { RegistrationSettings } from './registration-settings';
import { RegistrationSpaceEntity } from './registration-space.entity';
import { RegistrationEntity } from './registration.entity';
import { ManageController, RegistrationsController } from './registrations.controller';
import { RegistrationsRepository } from './registrations.repository';
import { RegistrationsService } from './registrations.service';
import { SeatKeeper } from './seat-keeper.service';
import { SpaceSeatsListener } from './space-seats.listener';
import { SpaceMessagesController } from './space-messages.controller';
import { SpaceMessagesService } from './space-messages.service';

/**
 * What the worker needs of registrations, and the API too: the repository, manage links, the
 * participant mailer, and the reminder round (run on the outbox sweep's clock, so only where the sweep runs).
 */
@Module({
  imports: [TypeOrmModule.forFeature([RegistrationEntity, RegistrationSpaceEntity])],
  providers: [RegistrationsRepository, ManageLinks, RegistrationMailer, ReminderRound],
  exports: [RegistrationsRepository, ManageLinks, RegistrationMailer, ReminderRound],
})
export class RegistrationsCoreModule {}

/**
 * Registration that never overbooks: capacity, waiting list, approval, stakeholder quotas,
 * manage links, staff lists and exports, and data-subject requests. Needs MailModule (global)
 * for the outbox.
 */
@Module({
  imports: [RegistrationsCoreModule, InvitationsCoreModule, DialoguesModule, SpacesModule],
  controllers: [RegistrationsController, ManageController, ParticipantsController, SpaceMessagesController],
  providers: [
    RegistrationSettings,
    SeatKeeper,
    RegistrationAdmission,
    RegistrationsService,
    ParticipantsService,
    SpaceSeatsListener,
    SpaceMessagesService,
  ],
  exports: [RegistrationsCoreModule, RegistrationsService, RegistrationSettings],
})
export class RegistrationsModule {}
