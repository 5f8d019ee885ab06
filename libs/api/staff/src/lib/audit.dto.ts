import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  type AuditAction,
  type AuditEntityType,
  type ListAuditRequest,
} from '@gfmd/contracts';
import { Type } from 'class-transformer';
import { CursorQueryDto, OptionalButNotNull } from '@gfmd/api-platform';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';

/** The audit log's filters and page; the keyset cursor comes from CursorQueryDto. */
class AuditFilters {
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
}

export class ListAuditQuery
  extends CursorQueryDto(AuditFilters, {
    after: 'The lines after it, newest first',
    before: 'The lines just before it, newest first',
  })
  implements ListAuditRequest {}
