import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { InvitationsCoreModule } from '@gfmd/api-invitations';
import { SpacesModule } from '@gfmd/api-spaces';
import { CheckInPort } from './check-in.port';
import { DialogueChangesListener } from './dialogue-changes.listener';
import { ManageLinkService } from './manage-link.service';
import { ManageLinks } from './manage-links';
import { ManageTokensRepository } from './manage-tokens.repository';
import { ParticipantDirectory } from './participant-directory';
import { ParticipationAggregates } from './participation-aggregates';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';
import { RegistrationAnswers } from './registration-answers';
import { RegistrationAdmission } from './registration-admission.service';
import { RegistrationImport } from './registration-import.service';
import { RegistrationMailer } from './registration-mailer';
import { RegistrationsRetention } from './registrations-retention';
import { RegistrationReadsRepository } from './registration-reads.repository';
import { RegistrationCountsRepository } from './registration-counts.repository';
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
import { SeatHolds } from './seat-holds.service';
import { SeatHoldsRepository } from './seat-holds.repository';
import { SpaceSeatsListener } from './space-seats.listener';
import { SpaceMessagesController } from './space-messages.controller';
import { SpaceMessagesRepository } from './space-messages.repository';
import { SpaceMessagesService } from './space-messages.service';
import { StaffAccess } from './staff-access.service';
import { StaffDecisionsService } from './staff-decisions.service';

const REPOSITORIES = [
  SeatLedgerRepository,
  RegistrationReadsRepository,
  RegistrationCountsRepository,
  RegistrationsRepository,
  ManageTokensRepository,
  ReminderRoundsRepository,
  SeatHoldsRepository,
];

/**
 * What the worker needs of registrations, and the API too: the repositories, manage links, the
 * participant mailer, and the reminder round (run on the outbox sweep's clock, so only where the sweep runs).
 */
@Module({
  imports: [TypeOrmModule.forFeature([RegistrationEntity, RegistrationSpaceEntity])],
  providers: [
    ...REPOSITORIES,
    ManageLinks,
    ParticipantDirectory,
    ParticipationAggregates,
    RegistrationMailer,
    ReminderRound,
    RegistrationsRetention,
  ],
  exports: [
    ...REPOSITORIES,
    ManageLinks,
    ParticipantDirectory,
    ParticipationAggregates,
    RegistrationMailer,
    ReminderRound,
  ],
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
    RegistrationImport,
    StaffAccess,
    RegistrationsService,
    StaffDecisionsService,
    ManageLinkService,
    DialogueChangesListener,
    ParticipantsService,
    SpaceSeatsListener,
    SpaceMessagesRepository,
    SpaceMessagesService,
    SeatHolds,
    RegistrationAnswers,
    CheckInPort,
  ],
  exports: [
    RegistrationsCoreModule,
    RegistrationsService,
    RegistrationSettings,
    SeatHolds,
    RegistrationAnswers,
    CheckInPort,
  ],
})
export class RegistrationsModule {}
