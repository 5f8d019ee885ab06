import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMAIL_KINDS,
  EMAIL_STATUSES,
  type EmailKind,
  type EmailStatus,
  type ListOutboxRequest,
  type OutboxSummaryRequest,
} from '@gfmd/contracts';
import { Type } from 'class-transformer';
import { OptionalButNotNull } from '@gfmd/api-platform';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';

export class ListOutboxQuery implements ListOutboxRequest {
  @ApiPropertyOptional({ enum: EMAIL_STATUSES }) @OptionalButNotNull() @IsIn(EMAIL_STATUSES) status?: EmailStatus;
  @ApiPropertyOptional({ enum: EMAIL_KINDS }) @OptionalButNotNull() @IsIn(EMAIL_KINDS) kind?: EmailKind;
  @ApiPropertyOptional() @OptionalButNotNull() @IsUUID() dialogueId?: string;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class OutboxSummaryQuery implements OutboxSummaryRequest {
  @ApiPropertyOptional({ enum: EMAIL_KINDS }) @OptionalButNotNull() @IsIn(EMAIL_KINDS) kind?: EmailKind;
  @ApiPropertyOptional() @OptionalButNotNull() @IsUUID() dialogueId?: string;
}
