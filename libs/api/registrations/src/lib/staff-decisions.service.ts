import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gfmd/api-auth';
import {
  type AfterCommit,
  AuditService,
  conflict,
  DomainEvents,
  domainRule,
  inTransaction,
  msg,
  notFound,
} from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { registrationEvent } from './registration-events';
import { RegistrationReadsRepository } from './registration-reads.repository';
import { RegistrationMailer } from './registration-mailer';
import type { RegistrationView } from './registration.mapper';
import type { RegistrationRow, RegistrationSpaceRow } from './registration.rows';
import { RegistrationsRepository, type SpaceStatusChange } from './registrations.repository';
import { Notices, SeatKeeper, spaceNoticeKey } from './seat-keeper.service';
import { SeatLedgerRepository } from './seat-ledger.repository';
import { seatDeltas, seatModeOf } from './attendance.util';
import { ACTIVE_STATUSES, fitsDialogue, takeDialogueSeat } from './seat-rules.util';

/** The bumpCounts arguments after the dialogue id for `n` seats in a registration's mode. */
const seatDelta = (reg: { attendance?: RegistrationRow['attendance'] }, n: number) => {
  const [inPerson, online] = seatDeltas(seatModeOf(reg), n);
  return [inPerson, new Map<string, number>(), online] as const;
};
import { StaffAccess } from './staff-access.service';
import { assertCheckInAllowed } from './check-in.rule';

const noPendingRequest = () => domainRule('no-pending-space-request', msg('registrations.noPendingSpaceRequest'));
/** How long an organizer may undo a decline (POST /registrations/:id/undo-decline). */
export const DECLINE_UNDO_MS = 15_000;
/** The decline email waits this much longer than the undo window, so no undo ever races its sending. */
const DECLINE_EMAIL_MARGIN_MS = 5_000;

export type DeclinedView = RegistrationView & { undoUntil: string | null };

/** A decline's email waits past the undo window; its key is tagged with the decline's time (a new decline, a new email). */
const heldFor = (declinedAt: Date) => ({
  sendAfter: new Date(declinedAt.getTime() + DECLINE_UNDO_MS + DECLINE_EMAIL_MARGIN_MS),
  tag: String(declinedAt.getTime()),
});

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
    private readonly mailer: RegistrationMailer,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
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
        const seats = await this.ledger.dialogueSeats(d, seatModeOf(reg));
        const candidate = { stakeholderGroup: reg.stakeholderGroup, invited: !!reg.invitationId };
        if (fitsDialogue(seats, candidate)) {
          takeDialogueSeat(seats, candidate);
          await this.writes.setStatus([id], 'confirmed');
          await this.ledger.bumpCounts(d.id, ...seatDelta(reg, 1));
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
      } else if (!spaceId && !scope && reg.status === 'waitlisted') {
        const seats = await this.ledger.dialogueSeats(d, seatModeOf(reg));
        const candidate = { stakeholderGroup: reg.stakeholderGroup, invited: !!reg.invitationId };
        if (seats.confirmed >= seats.capacity) {
          throw domainRule(
            'dialogue-full',
            msg('registrations.dialogueFull', { confirmed: seats.confirmed, capacity: seats.capacity }),
          );
        }
        if (!fitsDialogue(seats, candidate)) {
          throw domainRule('group-quota-full', msg('registrations.groupQuotaFull'));
        }
        // A free seat that fits (a waiting list not yet served): give it now.
        takeDialogueSeat(seats, candidate);
        await this.writes.setStatus([id], 'confirmed');
        await this.ledger.bumpCounts(d.id, ...seatDelta(reg, 1));
        await this.seats.allocateSpaces(d.id, [reg], notices);
        notices.forRegistration(id, 'approved');
      } else {
        const targets = this.access.seatTargets(rows, scope, spaceId).filter((r) => r.status === 'pending');
        if (reg.status === 'pending') {
          throw domainRule('registration-pending', msg('registrations.registrationPending'));
        }
        if (reg.status !== 'confirmed' || !targets.length) {
          throw domainRule('nothing-to-approve', msg('registrations.nothingToApprove'));
        }
        await this.approveSeats(id, d.id, targets, notices);
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
      await this.recordChange(id, afterCommit);
      await this.seats.notify(afterCommit, d.id, notices);
    });
    return this.access.view(id, user);
  }

  /**
   * Organizers decline a registration (its seats go to the next in line); coordinators decline
   * seat requests. The optional reason goes into the email (never into logs). An organizer's
   * decline of a whole registration may be undone for DECLINE_UNDO_MS: its email is held back
   * until after that window, and `undoUntil` says until when.
   */
  async decline(id: string, user: AuthUser, spaceId?: string, reason?: string): Promise<DeclinedView> {
    const { reg: found, scope } = await this.access.target(id, user);
    let undoUntil: string | null = null;
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const { reg, rows, d } = await this.lockedTarget(found);
      const notices = new Notices();
      if (reason) notices.reason = reason;
      let spaceIds: string[] | undefined;
      if (!spaceId && !scope) {
        if (!ACTIVE_STATUSES.includes(reg.status)) {
          throw domainRule('invalid-transition', msg('registrations.notDeclinable', { status: reg.status }));
        }
        const declinedAt = await this.writes.markDeclined(id, {
          status: reg.status,
          spaces: rows.map((r) => ({ spaceId: r.spaceId, status: r.status })),
        });
        undoUntil = new Date(declinedAt.getTime() + DECLINE_UNDO_MS).toISOString();
        notices.held.set(id, heldFor(declinedAt));
        await this.seats.release(reg, 'declined', notices, { notify: true });
      } else {
        const targets = this.access.seatTargets(rows, scope, spaceId).filter((r) => ACTIVE_STATUSES.includes(r.status));
        if (!targets.length) throw domainRule('nothing-to-decline', msg('registrations.nothingToDecline'));
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
      await this.recordChange(id, afterCommit);
      await this.seats.notify(afterCommit, d.id, notices);
    });
    return { ...(await this.access.view(id, user)), undoUntil };
  }

  /**
   * Undoes an organizer's decline within DECLINE_UNDO_MS: the held decline email is cancelled and
   * the registration gets its previous status back, if its seat is still free (a confirmed seat
   * may have gone to the next in line meanwhile). 409 `undo-expired` once the window has passed
   * (or the email has gone out), 409 `seat-taken` when the seat is gone; then the decline stands.
   */
  async undoDecline(id: string, user: AuthUser): Promise<RegistrationView> {
    const { reg: found } = await this.access.target(id, user);
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const { reg, rows, d } = await this.lockedTarget(found);
      const before = await this.writes.recentDecline(id, DECLINE_UNDO_MS);
      const expired = () => conflict('undo-expired', msg('registrations.undoExpired'));
      if (!before) throw expired();
      if (reg.holdId) {
        // A delegate's seat went back to their delegation: its focal point names them again.
        throw conflict('seat-taken', msg('registrations.seatBackToDelegation'));
      }
      if ((await this.mailer.withdraw(afterCommit, 'declined', id)) === 0) throw expired();
      const notices = new Notices();
      const spaceChanges: SpaceStatusChange[] = [];
      const spaceDeltas = new Map<string, number>();
      if (before.status === 'confirmed') {
        const seats = await this.ledger.dialogueSeats(d, seatModeOf(reg));
        if (!fitsDialogue(seats, { stakeholderGroup: reg.stakeholderGroup, invited: !!reg.invitationId })) {
          throw conflict('seat-taken', msg('registrations.seatTaken'));
        }
        const wanted = before.spaces.filter((s) => s.status === 'confirmed').map((s) => s.spaceId);
        const spaces = new Map((await this.ledger.spaces(d.id, [...wanted].sort(), true)).map((s) => [s.id, s]));
        for (const s of before.spaces) {
          if (!rows.some((r) => r.spaceId === s.spaceId)) continue;
          let status = s.status;
          if (status === 'confirmed') {
            const space = spaces.get(s.spaceId);
            const free = !space || space.capacity === null || space.capacity - space.confirmedCount > 0;
            if (free && space) spaceDeltas.set(s.spaceId, 1);
            if (!free) status = 'waitlisted';
          }
          spaceChanges.push({ registrationId: id, spaceId: s.spaceId, status });
        }
      } else {
        for (const s of before.spaces)
          if (rows.some((r) => r.spaceId === s.spaceId))
            spaceChanges.push({ registrationId: id, spaceId: s.spaceId, status: s.status });
      }
      await this.writes.setStatus([id], before.status);
      await this.writes.setSpaceStatuses(spaceChanges);
      await this.writes.clearDecline(id);
      const [inPerson, online] = seatDeltas(seatModeOf(reg), before.status === 'confirmed' ? 1 : 0);
      await this.ledger.bumpCounts(d.id, inPerson, spaceDeltas, online);
      // The reminder the decline cancelled (one per registration, ever: the round writes no other).
      if (before.declinedAt) await this.mailer.restoreReminder(afterCommit, id, before.declinedAt);
      // A waiting person may fit now (nothing was freed for them, but the lists stay served).
      if (before.status === 'waitlisted') await this.seats.fillDialogue(d.id, notices);
      await this.audit.record({
        actorUserId: user.id,
        action: 'registration.decline_undone',
        entityType: 'registration',
        entityId: id,
        dialogueId: d.id,
        details: {},
      });
      await this.seats.notify(afterCommit, d.id, notices);
    });
    return this.access.view(id, user);
  }

  /**
   * Approves one pending seat request in a space (POST /registrations/:id/spaces/:spaceId/approve):
   * a coordinator of that space or an organizer. The seat is taken if the space has room, else
   * the request waits in line; the participant is emailed either way.
   */
  async approveSpace(id: string, spaceId: string, user: AuthUser): Promise<RegistrationView> {
    const { reg: found, scope } = await this.access.target(id, user);
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const { reg, rows, d } = await this.lockedTarget(found);
      const targets = this.pendingRequest(rows, scope, spaceId);
      if (reg.status === 'pending') {
        throw domainRule('registration-pending', msg('registrations.registrationPending'));
      }
      if (reg.status !== 'confirmed') throw noPendingRequest();
      const notices = new Notices();
      await this.approveSeats(id, d.id, targets, notices);
      await this.audit.record({
        actorUserId: user.id,
        action: 'registration.approved',
        entityType: 'registration',
        entityId: id,
        dialogueId: d.id,
        details: { spaceIds: [spaceId] },
      });
      await this.seats.notify(afterCommit, d.id, notices);
    });
    return this.access.view(id, user);
  }

  /**
   * Declines one pending seat request in a space (POST /registrations/:id/spaces/:spaceId/decline),
   * with an email held back for the undo window (`undoUntil`), as an organizer's decline is.
   */
  async declineSpace(id: string, spaceId: string, user: AuthUser): Promise<DeclinedView> {
    const { reg: found, scope } = await this.access.target(id, user);
    let undoUntil: string | null = null;
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const { reg, rows, d } = await this.lockedTarget(found);
      const [target] = this.pendingRequest(rows, scope, spaceId);
      if (!ACTIVE_STATUSES.includes(reg.status) || !target) throw noPendingRequest();
      const notices = new Notices();
      const declinedAt = await this.writes.markSpaceDeclined(id, spaceId, target.status);
      undoUntil = new Date(declinedAt.getTime() + DECLINE_UNDO_MS).toISOString();
      await this.seats.releaseSpace(reg, spaceId, 'declined', notices);
      notices.replaceSpace(id, spaceId, 'declined', heldFor(declinedAt));
      await this.audit.record({
        actorUserId: user.id,
        action: 'registration.declined',
        entityType: 'registration',
        entityId: id,
        dialogueId: d.id,
        details: { spaceIds: [spaceId] },
      });
      await this.seats.notify(afterCommit, d.id, notices);
    });
    return { ...(await this.access.view(id, user)), undoUntil };
  }

  /**
   * Undoes the decline of a seat request within DECLINE_UNDO_MS (POST
   * /registrations/:id/spaces/:spaceId/undo-decline): the held email is cancelled and the request
   * gets its previous status back (a confirmed seat only if the space still has room). 409
   * `undo-expired` once the window has passed, `seat-taken` when the seat is gone.
   */
  async undoDeclineSpace(id: string, spaceId: string, user: AuthUser): Promise<RegistrationView> {
    const { reg: found, scope } = await this.access.target(id, user);
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const { reg, rows, d } = await this.lockedTarget(found);
      const [row] = this.access.seatTargets(rows, scope, spaceId);
      const decline = row ? await this.writes.recentSpaceDecline(id, spaceId, DECLINE_UNDO_MS) : null;
      const expired = () => conflict('undo-expired', msg('registrations.undoExpired'));
      if (!row || !decline || !ACTIVE_STATUSES.includes(reg.status)) throw expired();
      const { before } = decline;
      const key = spaceNoticeKey('declined', id, spaceId, row.arrival, heldFor(decline.declinedAt).tag);
      if ((await this.mailer.withdraw(afterCommit, 'declined', id, key)) === 0) throw expired();
      const deltas = new Map<string, number>();
      if (before === 'confirmed') {
        const [space] = await this.ledger.spaces(d.id, [spaceId], true);
        if (space && space.capacity !== null && space.capacity - space.confirmedCount <= 0) {
          throw conflict('seat-taken', msg('registrations.seatTaken'));
        }
        if (space) deltas.set(spaceId, 1);
      }
      await this.writes.setSpaceStatuses([{ registrationId: id, spaceId, status: before }]);
      await this.writes.clearSpaceDecline(id, spaceId);
      await this.ledger.bumpCounts(d.id, 0, deltas);
      await this.audit.record({
        actorUserId: user.id,
        action: 'registration.decline_undone',
        entityType: 'registration',
        entityId: id,
        dialogueId: d.id,
        details: { spaceIds: [spaceId] },
      });
    });
    return this.access.view(id, user);
  }

  async checkIn(id: string, user: AuthUser): Promise<RegistrationView> {
    const { reg, scope } = await this.access.target(id, user);
    assertCheckInAllowed(reg, scope ? await this.reads.spacesOfOne(id) : [], scope);
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

  /** The pending request in `spaceId` (404 none, 403 not the coordinator's space, 422 not pending). */
  private pendingRequest(rows: RegistrationSpaceRow[], scope: string[] | undefined, spaceId: string) {
    const targets = this.access.seatTargets(rows, scope, spaceId);
    if (!targets.every((r) => r.status === 'pending')) throw noPendingRequest();
    return targets;
  }

  /** Pending seat requests join their spaces' queues and are served in request order while there is room. */
  private async approveSeats(id: string, dialogueId: string, targets: RegistrationSpaceRow[], notices: Notices) {
    await this.writes.setSpaceStatuses(
      targets.map((r) => ({ registrationId: id, spaceId: r.spaceId, status: 'waitlisted' })),
    );
    await this.seats.fillSpaces(
      dialogueId,
      targets.map((r) => r.spaceId),
      notices,
    );
    const after = await this.reads.spacesOfOne(id);
    for (const t of targets) {
      const now = after.find((r) => r.spaceId === t.spaceId);
      notices.replaceSpace(id, t.spaceId, now?.status === 'confirmed' ? 'approved' : 'waitlisted');
    }
  }

  /** Locks the registration's dialogue and reads the registration and its seat requests again under the lock. */
  /** The webhook event of a staff decision (docs/webhooks.md), in its transaction, with the status it left. */
  private async recordChange(id: string, afterCommit: AfterCommit): Promise<void> {
    const now = await this.reads.byId(id);
    if (now) await this.events.record('registration.changed', registrationEvent(now, now.status), afterCommit);
  }

  private async lockedTarget(found: RegistrationRow) {
    const d = await this.seats.lockDialogue(found.dialogueId);
    const reg = await this.reads.byId(found.id);
    if (!reg) throw notFound('Registration');
    const rows: RegistrationSpaceRow[] = await this.reads.spacesOfOne(found.id);
    return { d, reg, rows };
  }
}
