import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  type AuditAction,
  type AuditEntityType,
  type ListAuditRequest,
} from '@gfmd/contracts';
import { Type } from 'class-transformer';
import { OptionalButNotNull } from '@gfmd/api-platform';
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class ListAuditQuery implements ListAuditRequest {
  @ApiPropertyOptional({ description: 'a staff user id' }) @OptionalButNotNull() @IsUUID() actor?: string;
  @ApiPropertyOptional({ enum: AUDIT_ENTITY_TYPES })
  @OptionalButNotNull()
  @IsIn(AUDIT_ENTITY_TYPES)
  entityType?: AuditEntityType;
  @ApiPropertyOptional({ description: 'an entity id' }) @OptionalButNotNull() @IsUUID() entity?: string;
  @ApiPropertyOptional() @OptionalButNotNull() @IsUUID() dialogueId?: string;
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS }) @OptionalButNotNull() @IsIn(AUDIT_ACTIONS) action?: AuditAction;
  @ApiPropertyOptional({
    description: '1-based; its cost grows with the page (OFFSET). With after or before it only labels the answer.',
  })
  @OptionalButNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
  @ApiPropertyOptional({
    description:
      'Keyset paging: the nextCursor of the previous page (opaque). The lines after it, newest first, with the same filters; `page` then only labels the answer. A cursor not made by this list: 400.',
    maxLength: 400,
  })
  @OptionalButNotNull()
  @IsString()
  @MaxLength(400)
  after?: string;
  @ApiPropertyOptional({
    description:
      'Keyset paging backwards: the prevCursor of the next page (opaque). The lines just before it, newest first, with the same filters; `page` then only labels the answer. Not with after; a cursor not made by this list: 400.',
    maxLength: 400,
  })
  @OptionalButNotNull()
  @IsString()
  @MaxLength(400)
  before?: string;
}
