import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuditEvent, Page } from '@gfmd/contracts';
import { AuditService } from '@gfmd/api-platform';
import { AuthService, Roles } from '@gfmd/api-auth';
import { ListAuditQuery } from './audit.dto';

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
  @ApiOkResponse({
    description:
      "{items, total, page, pageSize, totalIsEstimate?, nextCursor, prevCursor}: AuditEvent lines, newest first (at, then id). total is exact up to 1,000 matching lines; beyond, the database's estimate with totalIsEstimate: true. nextCursor (null on the last page) is the after of the next page, prevCursor (null on the first) the before of the previous one: keyset pages cost the same however deep.",
  })
  @ApiBadRequestResponse({
    description: 'A filter is invalid, after or before is not a cursor of this list, or both are sent.',
  })
  async list(@Query() q: ListAuditQuery): Promise<Page<AuditEvent>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const { items, total, totalIsEstimate, nextCursor, prevCursor } = await this.audit.list({
      actorUserId: q.actor,
      entityType: q.entityType,
      entityId: q.entity,
      dialogueId: q.dialogueId,
      action: q.action,
      page,
      pageSize,
      after: q.after,
      before: q.before,
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
      nextCursor,
      prevCursor,
    };
  }
}
