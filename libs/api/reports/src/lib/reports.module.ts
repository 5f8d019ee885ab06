import { Module } from '@nestjs/common';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { RegistrationsCoreModule } from '@gfmd/api-registrations';
import { RetentionReadsModule } from '@gfmd/api-retention';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Reports across a process (docs/reports.md): no table of its own, only the owning domains' ports. */
@Module({
  imports: [DialoguesModule, RegistrationsCoreModule, RetentionReadsModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
