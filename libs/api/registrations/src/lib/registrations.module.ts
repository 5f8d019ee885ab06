import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { InvitationsCoreModule } from '@gfmd/api-invitations';
import { SpacesModule } from '@gfmd/api-spaces';
import { DialogueChangesListener } from './dialogue-changes.listener';
import { ManageLinkService } from './manage-link.service';
import { ManageLinks } from './manage-links';
import { ManageTokensRepository } from './manage-tokens.repository';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';
import { RegistrationAdmission } from './registration-admission.service';
import { RegistrationMailer } from './registration-mailer';
import { RegistrationReadsRepository } from './registration-reads.repository';
import { ReminderRound } from './reminder-round.service';
import { ReminderRoundsRepository } from './reminder-rounds.repository';
import { RegistrationSettings } from './registration-settings';
import { RegistrationSpaceEntity } from './registration-space.entity';
import { RegistrationEntity } from './registration.entity';
import { ManageController, RegistrationsController } from './registrations.controller';
import { RegistrationsRepository } from './registrations.repository';
import { RegistrationsService } from './registrations.service';
import { SeatKeeper } from './seat-keeper.service';
import { SeatLedgerRepository } from './seat-ledger.repository';
import { SpaceSeatsListener } from './space-seats.listener';
import { SpaceMessagesController } from './space-messages.controller';
import { SpaceMessagesRepository } from './space-messages.repository';
import { SpaceMessagesService } from './space-messages.service';
import { StaffAccess } from './staff-access.service';
import { StaffDecisionsService } from './staff-decisions.service';

const REPOSITORIES = [
  SeatLedgerRepository,
  RegistrationReadsRepository,
  RegistrationsRepository,
  ManageTokensRepository,
  ReminderRoundsRepository,
];

/**
 * What the worker needs of registrations, and the API too: the repositories, manage links, the
 * participant mailer, and the reminder round (run on the outbox sweep's clock, so only where the sweep runs).
 */
@Module({
  imports: [TypeOrmModule.forFeature([RegistrationEntity, RegistrationSpaceEntity])],
  providers: [...REPOSITORIES, ManageLinks, RegistrationMailer, ReminderRound],
  exports: [...REPOSITORIES, ManageLinks, RegistrationMailer, ReminderRound],
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
    StaffAccess,
    RegistrationsService,
    StaffDecisionsService,
    ManageLinkService,
    DialogueChangesListener,
    ParticipantsService,
    SpaceSeatsListener,
    SpaceMessagesRepository,
    SpaceMessagesService,
  ],
  exports: [RegistrationsCoreModule, RegistrationsService, RegistrationSettings],
})
export class RegistrationsModule {}
