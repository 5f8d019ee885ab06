import { Module } from '@nestjs/common';
import { UsersCoreModule } from '@gfmd/api-auth';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { MaintenanceRuns } from './maintenance-runs';
import { OutboxPruning } from './outbox-pruning';
import { RetentionReadsModule } from './retention-reads.module';
import { RetentionService } from './retention.service';

/**
 * The retention job (no routes): runs in the worker on the outbox sweep. Needs MailModule and
 * the domains whose personal data it erases (they register with PersonalDataHooks).
 */
@Module({
  imports: [UsersCoreModule, DialoguesModule, RetentionReadsModule],
  providers: [RetentionService, MaintenanceRuns, OutboxPruning],
  exports: [RetentionService, RetentionReadsModule, MaintenanceRuns, OutboxPruning],
})
export class RetentionModule {}
