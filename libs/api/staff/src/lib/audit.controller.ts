import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  type AuditAction,
  type AuditEntityType,
  type AuditEvent,
  type ListAuditRequest,
  type Page,
} from '@gfmd/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { AuditService, OptionalButNotNull } from '@gfmd/api-platform';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { AuthService, Roles } from '@gfmd/api-auth';

export class ListAuditQuery implements ListAuditRequest {
  @ApiPropertyOptional({ description: 'a staff user id' }) @OptionalButNotNull() @IsUUID() actor?: string;
  @ApiPropertyOptional({ enum: AUDIT_ENTITY_TYPES })
  @OptionalButNotNull()
  @IsIn(AUDIT_ENTITY_TYPES)
  entityType?: AuditEntityType;
  @ApiPropertyOptional({ description: 'an entity id' }) @OptionalButNotNull() @IsUUID() entity?: string;
  @ApiPropertyOptional() @OptionalButNotNull() @IsUUID() dialogueId?: string;
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS }) @OptionalButNotNull() @IsIn(AUDIT_ACTIONS) action?: AuditAction;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional() @OptionalButNotNull() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

/** The audit log: admins read who did what, when (newest first). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  @Roles('admin')
  @Get()
  async list(@Query() q: ListAuditQuery): Promise<Page<AuditEvent>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const { items, total, totalIsEstimate } = await this.audit.list({
      actorUserId: q.actor,
      entityType: q.entityType,
      entityId: q.entity,
      dialogueId: q.dialogueId,
      action: q.action,
      page,
      pageSize,
    });
    const actorIds = [...new Set(items.map((i) => i.actorUserId).filter((id): id is string => !!id))];
    const names = new Map((await this.auth.usersByIds(actorIds)).map((u) => [u.id, u.name]));
    return {
      items: items.map((i) => ({
        id: i.id,
        at: new Date(i.at).toISOString(),
        actorUserId: i.actorUserId,
        actorName: i.actorUserId ? (names.get(i.actorUserId) ?? null) : null,
        action: i.action,
        entityType: i.entityType,
        entityId: i.entityId,
        dialogueId: i.dialogueId,
        details: i.details,
      })),
      total,
      page,
      pageSize,
      ...(totalIsEstimate ? { totalIsEstimate } : {}),
    };
  }
}
