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
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class ListOutboxQuery implements ListOutboxRequest {
  @ApiPropertyOptional({ enum: EMAIL_STATUSES }) @OptionalButNotNull() @IsIn(EMAIL_STATUSES) status?: EmailStatus;
  @ApiPropertyOptional({ enum: EMAIL_KINDS }) @OptionalButNotNull() @IsIn(EMAIL_KINDS) kind?: EmailKind;
  @ApiPropertyOptional() @OptionalButNotNull() @IsUUID() dialogueId?: string;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
  @ApiPropertyOptional({
    description:
      'Keyset paging: the nextCursor of the previous page (opaque). The rows after it, newest first, with the same filters; `page` then only labels the answer. A cursor not made by this list: 400.',
    maxLength: 400,
  })
  @OptionalButNotNull()
  @IsString()
  @MaxLength(400)
  after?: string;
  @ApiPropertyOptional({
    description:
      'Keyset paging backwards: the prevCursor of the next page (opaque). The rows just before it, newest first, with the same filters; `page` then only labels the answer. Not with after; a cursor not made by this list: 400.',
    maxLength: 400,
  })
  @OptionalButNotNull()
  @IsString()
  @MaxLength(400)
  before?: string;
}

export class OutboxSummaryQuery implements OutboxSummaryRequest {
  @ApiPropertyOptional({ enum: EMAIL_KINDS }) @OptionalButNotNull() @IsIn(EMAIL_KINDS) kind?: EmailKind;
  @ApiPropertyOptional() @OptionalButNotNull() @IsUUID() dialogueId?: string;
}
