import { Module } from '@nestjs/common';
import { RetainedDialogues } from './retained-dialogues';
import { RetentionRepository } from './retention.repository';

/** The retention reads alone (no job, no mail): for the API's reports. */
@Module({
  providers: [RetentionRepository, RetainedDialogues],
  exports: [RetentionRepository, RetainedDialogues],
})
export class RetentionReadsModule {}
