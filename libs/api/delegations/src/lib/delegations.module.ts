import { Module } from '@nestjs/common';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { DelegationLinks } from './delegation-links';
import { DelegationMailer } from './delegation-mailer';
import { DelegationsController, FocalPointController } from './delegations.controller';
import { DelegationsRetention } from './delegations-retention';
import { DelegationRoles } from './delegation-roles';
import { DelegationsRepository } from './delegations.repository';
import { DelegationsService } from './delegations.service';
import { FocalPointData } from './focal-point-data';
import { FocalPointService } from './focal-point.service';

/** What the worker needs: the focal points' link minter. Needs MailModule (global). */
@Module({
  providers: [DelegationsRepository, DelegationLinks, DelegationsRetention, DelegationRoles],
  exports: [DelegationsRepository, DelegationLinks, DelegationRoles],
})
export class DelegationsCoreModule {}

/** Delegations: seats held for a government or organization, run by its focal point. */
@Module({
  imports: [DelegationsCoreModule, RegistrationsModule, DialoguesModule],
  controllers: [DelegationsController, FocalPointController],
  providers: [DelegationsService, FocalPointService, DelegationMailer, FocalPointData],
  exports: [DelegationsCoreModule, DelegationsService],
})
export class DelegationsModule {}
