import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { PasswordResetController, StaffUsersController } from './staff-accounts.controller';
import { StaffAccountsService } from './staff-accounts.service';
import { StaffLinksModule } from './staff-links';

/** Staff accounts from the console (invitations, password links) and the audit log's route. */
@Module({
  imports: [StaffLinksModule],
  controllers: [StaffUsersController, PasswordResetController, AuditController],
  providers: [StaffAccountsService],
  exports: [StaffAccountsService],
})
export class StaffModule {}
