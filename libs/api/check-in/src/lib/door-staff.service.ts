import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthService, type AuthUser } from '@gfmd/api-auth';
import { DialoguesService } from '@gfmd/api-dialogues';
import { AuditService, domainRule, forbidden, inTransaction, msg } from '@gfmd/api-platform';
import type { DoorDialogues, DoorStaff } from '@gfmd/contracts';
import { DataSource } from 'typeorm';
import { DoorAssignmentsRepository } from './door-assignments.repository';

/**
 * Door staff bound to dialogues (docs/check-in.md, "The door role"): organizers assign `door`
 * users to a dialogue; a door user may scan, search, undo and read the counts only for the
 * dialogues they are assigned to. Organizers and coordinators keep their own rules.
 */
@Injectable()
export class DoorStaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: DoorAssignmentsRepository,
    private readonly auth: AuthService,
    private readonly dialogues: DialoguesService,
    private readonly audit: AuditService,
  ) {}

  async get(dialogueId: string): Promise<DoorStaff> {
    await this.dialogues.findRecord(dialogueId);
    return this.view(dialogueId, await this.repo.userIds(dialogueId));
  }

  /** Replaces the dialogue's door staff: each id an active user with the `door` role (else 422 naming it). */
  async put(dialogueId: string, userIds: string[], actor: AuthUser): Promise<DoorStaff> {
    await this.dialogues.findRecord(dialogueId);
    const ids = [...new Set(userIds.map((id) => id.toLowerCase()))];
    const users = new Map((await this.auth.usersByIds(ids)).map((u) => [u.id, u]));
    const bad = ids.filter((id) => {
      const u = users.get(id);
      return !u || u.role !== 'door' || u.active === false;
    });
    if (bad.length) {
      throw domainRule(
        'not-door-staff',
        msg('checkIn.notDoorStaff'),
        bad.map((id) => ({ field: 'userIds', message: msg('checkIn.notDoorStaff.field', { id }) })),
      );
    }
    await inTransaction(this.dataSource, async () => {
      const { added, removed } = await this.repo.replace(dialogueId, ids);
      if (!added.length && !removed.length) return;
      await this.audit.record({
        actorUserId: actor.id,
        action: 'dialogue.door_staff_changed',
        entityType: 'dialogue',
        entityId: dialogueId,
        dialogueId,
        details: { added, removed },
      });
    });
    return this.view(dialogueId, await this.repo.userIds(dialogueId));
  }

  /** 403 for a door user not assigned to this dialogue; anyone else passes (their own rules apply). */
  async assertAtDoor(dialogueId: string, user: AuthUser): Promise<void> {
    if (user.role !== 'door') return;
    if (!(await this.repo.isAssigned(dialogueId, user.id))) throw forbidden(msg('checkIn.notAssigned'));
  }

  /** The dialogues this staff member may open at the door. */
  async dialoguesOf(user: AuthUser): Promise<DoorDialogues> {
    if (user.role !== 'door') return { all: true, dialogueIds: [] };
    return { all: false, dialogueIds: await this.repo.dialogueIds(user.id) };
  }

  private async view(dialogueId: string, ids: string[]): Promise<DoorStaff> {
    const users = new Map((await this.auth.usersByIds(ids)).map((u) => [u.id, u]));
    return {
      dialogueId,
      users: ids
        .map((id) => users.get(id))
        .filter((u) => !!u)
        .map((u) => ({ id: u.id, name: u.name, email: u.email, active: u.active !== false })),
    };
  }
}
