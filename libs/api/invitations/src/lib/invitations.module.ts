import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { SpacesModule, SpacesService } from '@gfmd/api-spaces';
import { InvitationPrefillController } from './invitation-prefill.controller';
import { InvitationDeclineController } from './invitation-decline.controller';
import { InvitationDeliveryListener } from './invitation-delivery.listener';
import { InvitationLinks } from './invitation-links';
import { INVITATION_SPACES } from './invitation-spaces';
import { InvitationEntity } from './invitation.entity';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsRetention } from './invitations-retention';
import { InvitationsService } from './invitations.service';
import { RegistrationInvitations } from './registration-invitations';

/**
 * The invitations table, the delivery listener, the invitation links minted when an email is
 * sent (what the worker needs; no routes) and the port the registrations domain uses
 * (`RegistrationInvitations`). Needs MailModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([InvitationEntity])],
  providers: [
    InvitationsRepository,
    InvitationDeliveryListener,
    InvitationLinks,
    RegistrationInvitations,
    InvitationsRetention,
  ],
  exports: [InvitationsRepository, RegistrationInvitations],
})
export class InvitationsCoreModule {}

/** Invitation routes (docs/http-contract.md) on top of the core. Needs MailModule. */
@Module({
  imports: [InvitationsCoreModule, DialoguesModule, SpacesModule],
  controllers: [InvitationsController, InvitationDeclineController, InvitationPrefillController],
  providers: [InvitationsService, { provide: INVITATION_SPACES, useExisting: SpacesService }],
  exports: [InvitationsCoreModule, InvitationsService],
})
export class InvitationsModule {}
