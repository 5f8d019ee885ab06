import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@gfmd/api-auth';
import { DialoguesService } from '@gfmd/api-dialogues';
import { forbidden, notFound, msg } from '@gfmd/api-platform';
import { SpacesService } from '@gfmd/api-spaces';
import { RegistrationReadsRepository } from './registration-reads.repository';
import type { RegistrationView } from './registration.mapper';
import type { RegistrationRow, RegistrationSpaceRow } from './registration.rows';

/**
 * What a staff member may reach: organizers every registration, coordinators only those with a
 * seat request in a space they coordinate (docs/architecture.md, "Request path"). `scope` undefined
 * means everything.
 */
@Injectable()
export class StaffAccess {
  constructor(
    private readonly reads: RegistrationReadsRepository,
    private readonly dialogues: DialoguesService,
    private readonly spaces: SpacesService,
  ) {}

  /** The spaces of a dialogue a staff member may see: undefined for all (404 unknown dialogue, 403 none). */
  async scope(dialogueId: string, user: AuthUser): Promise<string[] | undefined> {
    await this.dialogues.findRecord(dialogueId);
    if (user.role !== 'coordinator') return undefined;
    const mine = await this.spaces.spaceIdsCoordinatedBy(user.id, dialogueId);
    if (!mine.length) throw forbidden(msg('registrations.noSpaceOfDialogue'));
    return mine;
  }

  /** The registration a staff member acts on; coordinators only reach those in their spaces (404 otherwise). */
  async target(id: string, user: AuthUser): Promise<{ reg: RegistrationRow; scope?: string[] }> {
    const reg = await this.reads.byId(id);
    if (!reg || reg.erasedAt) throw notFound('Registration');
    if (user.role !== 'coordinator') return { reg };
    const scope = await this.spaces.spaceIdsCoordinatedBy(user.id, reg.dialogueId);
    const rows = await this.reads.spacesOfOne(id);
    if (!rows.some((r) => scope.includes(r.spaceId))) throw notFound('Registration');
    return { reg, scope };
  }

  /** A registration as a staff member sees it (a coordinator: only the seat requests in their spaces). */
  async view(id: string, user: AuthUser): Promise<RegistrationView> {
    const { reg, scope } = await this.target(id, user);
    const [view] = await this.reads.views([reg], scope);
    return view;
  }

  /** The seat requests a staff member acts on: one space (checked against a coordinator's spaces) or all they may. */
  seatTargets(rows: RegistrationSpaceRow[], scope: string[] | undefined, spaceId?: string): RegistrationSpaceRow[] {
    if (spaceId) {
      const row = rows.find((r) => r.spaceId === spaceId);
      if (!row) throw notFound('Space request');
      if (scope && !scope.includes(spaceId)) throw forbidden(msg('registrations.notCoordinator'));
      return [row];
    }
    return rows.filter((r) => !scope || scope.includes(r.spaceId));
  }
}
