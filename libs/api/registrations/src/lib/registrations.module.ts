import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { SpacesModule } from '@gfmd/api-spaces';
import { ManageLinks } from './manage-links';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';
import { RegistrationAdmission } from './registration-admission.service';
import { RegistrationMailer } from './registration-mailer';
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
 * Registration that never overbooks: capacity, waiting list, approval, stakeholder quotas,
 * manage links, staff lists and exports, and data-subject requests. Needs MailModule (global)
 * for the outbox.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RegistrationEntity, RegistrationSpaceEntity]), DialoguesModule, SpacesModule],
  controllers: [RegistrationsController, ManageController, ParticipantsController, SpaceMessagesController],
  providers: [
    RegistrationsRepository,
    RegistrationSettings,
    RegistrationMailer,
    SeatKeeper,
    RegistrationAdmission,
    RegistrationsService,
    ParticipantsService,
    SpaceSeatsListener,
    SpaceMessagesService,
    ManageLinks,
  ],
  exports: [RegistrationsService, RegistrationSettings, ManageLinks],
})
export class RegistrationsModule {}
