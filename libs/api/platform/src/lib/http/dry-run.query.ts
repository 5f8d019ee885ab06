import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/**
 * `?dryRun=true` on a route that sends in bulk: answers how many people the call would email
 * (`{wouldSend, skipped: {reason: count}}`) and writes nothing.
 */
export class DryRunQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: count the recipients, send nothing' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
