import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gfmd/api-auth';
import { AuditService, domainRule, inTransaction, notFound } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { RegistrationReadsRepository } from './registration-reads.repository';
import type { RegistrationView } from './registration.mapper';
import type { RegistrationRow, RegistrationSpaceRow } from './registration.rows';
import { RegistrationsRepository } from './registrations.repository';
import { Notices, SeatKeeper } from './seat-keeper.service';
import { SeatLedgerRepository } from './seat-ledger.repository';
import { ACTIVE_STATUSES, fitsDialogue, takeDialogueSeat } from './seat-rules.util';
import { StaffAccess } from './staff-access.service';

/**
 * Staff decisions on a registration: approve, decline (the whole registration, or seat requests
 * in spaces), check-in. Coordinators act only on the spaces they coordinate. Seats move in one
 * transaction under the dialogue row lock; the emails go through the outbox in it.
 */
@Injectable()
export class StaffDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: StaffAccess,
    private readonly reads: RegistrationReadsRepository,
    private readonly writes: RegistrationsRepository,
    private readonly ledger: SeatLedgerRepository,
    private readonly seats: SeatKeeper,
    private readonly audit: AuditService,
  ) {}

  /**
   * Organizers approve a pending registration (a dialogue seat if one is free, else the waiting
   * list); organizers and coordinators approve pending seat requests in spaces.
   */
  async approve(id: string, user: AuthUser, spaceId?: string): Promise<RegistrationView> {
    const { reg: found, scope } = await this.access.target(id, user);
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const { reg, rows, d } = await this.lockedTarget(found);
      const notices = new Notices();
      if (!spaceId && !scope && reg.status === 'pending') {
        const seats = await this.ledger.dialogueSeats(d);
        const candidate = { stakeholderGroup: reg.stakeholderGroup, invited: !!reg.invitationId };
        if (fitsDialogue(seats, candidate)) {
          takeDialogueSeat(seats, candidate);
          await this.writes.setStatus([id], 'confirmed');
          await this.ledger.bumpCounts(d.id, 1, new Map());
          await this.seats.allocateSpaces(d.id, [reg], notices);
          notices.forRegistration(id, 'approved');
        } else {
          await this.writes.setStatus([id], 'waitlisted');
          await this.writes.setSpaceStatuses(
            rows
              .filter((r) => r.status === 'pending')
              .map((r) => ({ registrationId: id, spaceId: r.spaceId, status: 'waitlisted' })),
          );
          notices.forRegistration(id, 'waitlisted');
        }
      } else {
        const targets = this.access.seatTargets(rows, scope, spaceId).filter((r) => r.status === 'pending');
        if (reg.status === 'pending') {
          throw domainRule('registration-pending', 'The registration itself awaits approval by an organizer first.');
        }
        if (reg.status !== 'confirmed' || !targets.length) {
          throw domainRule('nothing-to-approve', 'There is no pending seat to approve.');
        }
        await this.writes.setSpaceStatuses(
          targets.map((r) => ({ registrationId: id, spaceId: r.spaceId, status: 'waitlisted' })),
        );
        await this.seats.fillSpaces(
          d.id,
          targets.map((r) => r.spaceId),
          notices,
        );
        const after = await this.reads.spacesOfOne(id);
        for (const t of targets) {
          const now = after.find((r) => r.spaceId === t.spaceId);
          notices.replaceSpace(id, t.spaceId, now?.status === 'confirmed' ? 'approved' : 'waitlisted');
        }
      }
      await this.audit.record({
        actorUserId: user.id,
        action: 'registration.approved',
        entityType: 'registration',
        entityId: id,
        dialogueId: d.id,
        details:
          spaceId || scope ? { spaceIds: this.access.seatTargets(rows, scope, spaceId).map((r) => r.spaceId) } : {},
      });
      await this.seats.notify(afterCommit, d.id, notices);
    });
    return this.access.view(id, user);
  }

  /** Organizers decline a registration (its seats go to the next in line); coordinators decline seat requests. */
  async decline(id: string, user: AuthUser, spaceId?: string): Promise<RegistrationView> {
    const { reg: found, scope } = await this.access.target(id, user);
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const { reg, rows, d } = await this.lockedTarget(found);
      const notices = new Notices();
      let spaceIds: string[] | undefined;
      if (!spaceId && !scope) {
        if (!ACTIVE_STATUSES.includes(reg.status)) {
          throw domainRule('invalid-transition', `A ${reg.status} registration cannot be declined.`);
        }
        await this.seats.release(reg, 'declined', notices, { notify: true });
      } else {
        const targets = this.access.seatTargets(rows, scope, spaceId).filter((r) => ACTIVE_STATUSES.includes(r.status));
        if (!targets.length) throw domainRule('nothing-to-decline', 'There is no active seat request to decline.');
        for (const t of targets) {
          await this.seats.releaseSpace(reg, t.spaceId, 'declined', notices);
          notices.replaceSpace(id, t.spaceId, 'declined');
        }
        spaceIds = targets.map((t) => t.spaceId);
      }
      await this.audit.record({
        actorUserId: user.id,
        action: 'registration.declined',
        entityType: 'registration',
        entityId: id,
        dialogueId: d.id,
        details: spaceIds ? { spaceIds } : {},
      });
      await this.seats.notify(afterCommit, d.id, notices);
    });
    return this.access.view(id, user);
  }

  async checkIn(id: string, user: AuthUser): Promise<RegistrationView> {
    const { reg, scope } = await this.access.target(id, user);
    if (reg.status !== 'confirmed')
      throw domainRule('not-confirmed', `A ${reg.status} registration cannot be checked in.`);
    if (scope) {
      const rows = await this.reads.spacesOfOne(id);
      if (!rows.some((r) => scope.includes(r.spaceId) && r.status === 'confirmed')) {
        throw domainRule('not-confirmed', 'This person holds no confirmed seat in your spaces.');
      }
    }
    await inTransaction(this.dataSource, async () => {
      await this.writes.checkIn(id);
      await this.audit.record({
        actorUserId: user.id,
        action: 'registration.checked_in',
        entityType: 'registration',
        entityId: id,
        dialogueId: reg.dialogueId,
      });
    });
    return this.access.view(id, user);
  }

  /** Locks the registration's dialogue and reads the registration and its seat requests again under the lock. */
  private async lockedTarget(found: RegistrationRow) {
    const d = await this.seats.lockDialogue(found.dialogueId);
    const reg = await this.reads.byId(found.id);
    if (!reg) throw notFound('Registration');
    const rows: RegistrationSpaceRow[] = await this.reads.spacesOfOne(found.id);
    return { d, reg, rows };
  }
}
