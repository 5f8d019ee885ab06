import { Module } from '@nestjs/common';
import { UsersCoreModule } from '@gfmd/api-auth';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/**
 * The retention job (no routes): runs in the worker on the outbox sweep. Needs MailModule and
 * the domains whose personal data it erases (they register with PersonalDataHooks).
 */
@Module({
  imports: [UsersCoreModule, DialoguesModule],
  providers: [RetentionRepository, RetentionService],
  exports: [RetentionService, RetentionRepository],
})
export class RetentionModule {}
