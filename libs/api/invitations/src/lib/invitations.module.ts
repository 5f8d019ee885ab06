import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { InvitationPrefillController } from './invitation-prefill.controller';
import { InvitationDeclineController } from './invitation-decline.controller';
import { InvitationDeliveryListener } from './invitation-delivery.listener';
import { InvitationEntity } from './invitation.entity';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';

/** The invitations table and the delivery listener: what the worker needs (no routes). Needs MailModule. */
@Module({
  imports: [TypeOrmModule.forFeature([InvitationEntity])],
  providers: [InvitationsRepository, InvitationDeliveryListener],
  exports: [InvitationsRepository],
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
