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
import { CursorQueryDto, OptionalButNotNull } from '@gfmd/api-platform';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';

/** The outbox list's filters and page; the keyset cursor comes from CursorQueryDto. */
class OutboxFilters {
  @ApiPropertyOptional({ enum: EMAIL_STATUSES }) @OptionalButNotNull() @IsIn(EMAIL_STATUSES) status?: EmailStatus;
  @ApiPropertyOptional({ enum: EMAIL_KINDS }) @OptionalButNotNull() @IsIn(EMAIL_KINDS) kind?: EmailKind;
  @ApiPropertyOptional() @OptionalButNotNull() @IsUUID() dialogueId?: string;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class ListOutboxQuery
  extends CursorQueryDto(OutboxFilters, {
    after: 'The rows after it, newest first',
    before: 'The rows just before it, newest first',
  })
  implements ListOutboxRequest {}

export class OutboxSummaryQuery implements OutboxSummaryRequest {
  @ApiPropertyOptional({ enum: EMAIL_KINDS }) @OptionalButNotNull() @IsIn(EMAIL_KINDS) kind?: EmailKind;
  @ApiPropertyOptional() @OptionalButNotNull() @IsUUID() dialogueId?: string;
}
