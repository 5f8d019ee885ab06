import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { InvitationPrefillController } from './invitation-prefill.controller';
import { InvitationDeclineController } from './invitation-decline.controller';
import { InvitationDeliveryListener } from './invitation-delivery.listener';
import { InvitationLinks } from './invitation-links';
import { InvitationEntity } from './invitation.entity';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { RegistrationInvitations } from './registration-invitations';

/**
 * The invitations table, the delivery listener, the invitation links minted when an email is
 * sent (what the worker needs; no routes) and the port the registrations domain uses
 * (`RegistrationInvitations`). Needs MailModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([InvitationEntity])],
  providers: [InvitationsRepository, InvitationDeliveryListener, InvitationLinks, RegistrationInvitations],
  exports: [InvitationsRepository, RegistrationInvitations],
})
export class InvitationsCoreModule {}

/** Invitation routes (docs/http-contract.md) on top of the core. Needs MailModule. */
@Module({
  imports: [InvitationsCoreModule, DialoguesModule],
  controllers: [InvitationsController, InvitationDeclineController, InvitationPrefillController],
  providers: [InvitationsService],
  exports: [InvitationsCoreModule, InvitationsService],
})
export class InvitationsModule {}
