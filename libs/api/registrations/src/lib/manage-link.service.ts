import { Injectable, Optional } from '@nestjs/common';
import { RegistrationInvitations } from '@gfmd/api-invitations';
import { InjectDataSource } from '@nestjs/typeorm';
import { DialoguesService, toDialogue, withoutOnlineLink } from '@gfmd/api-dialogues';
import type { AttendanceMode, Dialogue, RegistrationStatus } from '@gfmd/contracts';
import { conflict, DomainEvents, domainRule, inTransaction, type Message, msg, notFound } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { CheckInCodeSource } from './check-in-code.source';
import { ManageLinks } from './manage-links';
import type { UpdateManagedRegistrationDto } from './registration.dto';
import { registrationEvent } from './registration-events';
import type { RegistrationView } from './registration.mapper';
import { RegistrationReadsRepository } from './registration-reads.repository';
import type { DialogueRow, RegistrationRow } from './registration.rows';
import { RegistrationAnswers } from './registration-answers';
import { seatDeltas, seatModeOf } from './attendance.util';
import { RegistrationsRepository } from './registrations.repository';
import { Notices, SeatKeeper } from './seat-keeper.service';
import { SeatLedgerRepository } from './seat-ledger.repository';
import { ACTIVE_STATUSES, fitsDialogue, spaceRefusal } from './seat-rules.util';

/** What a manage link shows: the registration, its spaces (with names) and its dialogue. */
export interface ManagedRegistration extends RegistrationView {
  dialogue: Dialogue;
  /** 1 for the next person promoted; null unless the registration is waitlisted. */
  waitlistPosition: number | null;
  /** The signed code the badge's QR holds (confirmed registrations only; never the manage token). */
  checkInCode?: string | null;
  /** The same code to type at the door (XXXX-XXXX) when the QR cannot be read; voided with it on a reissue. */
  deskCode?: string | null;
}

/**
 * The participant's own view of their registration through the manage link (no account: the
 * token is the key, 404 when unknown or revoked): see it, change details and spaces, cancel.
 * Seats move in one transaction under the dialogue row lock.
 */
@Injectable()
export class ManageLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: ManageLinks,
    private readonly reads: RegistrationReadsRepository,
    private readonly writes: RegistrationsRepository,
    private readonly ledger: SeatLedgerRepository,
    private readonly seats: SeatKeeper,
    private readonly dialogues: DialoguesService,
    private readonly invitations: RegistrationInvitations,
    private readonly events: DomainEvents,
    private readonly answers: RegistrationAnswers,
    @Optional() private readonly checkInCodes?: CheckInCodeSource,
  ) {}

  async view(token: string): Promise<ManagedRegistration> {
    const reg = await this.open(token);
    if (!reg.emailConfirmedAt) await this.writes.confirmEmail(reg.id);
    return this.managed(reg);
  }

  async update(token: string, dto: UpdateManagedRegistrationDto): Promise<ManagedRegistration> {
    const opened = await this.open(token);
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const d = await this.seats.lockDialogue(opened.dialogueId);
      const reg = await this.activeUnderLock(opened.id, 'changed');
      if (d.status === 'cancelled' || d.status === 'concluded') {
        throw domainRule('dialogue-closed', msg('registrations.dialogueClosedForChange', { status: d.status }));
      }
      const { spaceIds, answers, attendance, ...details } = dto;
      if (answers !== undefined) await this.changeAnswers(d, reg, answers);
      await this.writes.updateDetails(reg.id, details);
      const notices = new Notices();
      if (attendance && attendance !== reg.attendance) await this.changeAttendance(d, reg, attendance, notices);
      if (spaceIds) await this.changeSpaces(reg, [...new Set(spaceIds)].sort(), notices);
      notices.drop(reg.id);
      if (!reg.emailConfirmedAt) await this.writes.confirmEmail(reg.id);
      await this.seats.notify(afterCommit, d.id, notices);
      await this.events.record(
        'registration.changed',
        registrationEvent((await this.reads.byId(reg.id)) ?? reg, reg.status),
        afterCommit,
      );
    });
    return this.managed(opened.id);
  }

  /** Cancels through the manage link; the token is used up (later calls get 404). */
  async cancel(token: string): Promise<ManagedRegistration> {
    const opened = await this.open(token);
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      await this.seats.lockDialogue(opened.dialogueId);
      const reg = await this.activeUnderLock(opened.id, 'cancelled');
      const notices = new Notices();
      await this.seats.release(reg, 'cancelled', notices, { notify: true, clearToken: true });
      if (!reg.emailConfirmedAt) await this.writes.confirmEmail(reg.id);
      await this.seats.notify(afterCommit, reg.dialogueId, notices);
      await this.events.record('registration.cancelled', registrationEvent(reg, 'cancelled'), afterCommit);
    });
    return this.managed(opened.id);
  }

  /**
   * The registration a manage token opens, or 404 (unknown, malformed, used up by a
   * cancellation, or erased). Holding the token proves the address receives our mail, so the
   * address is confirmed (later emails may go to it) when the view is read or a change through
   * the link succeeds — never by a refused request, which changes nothing.
   */
  private async open(token: string): Promise<RegistrationRow> {
    const reg = await this.links.resolve(token);
    if (!reg) throw notFound('Registration');
    return reg;
  }

  /** The registration read again under the dialogue lock; only an active one may change. */
  private async activeUnderLock(id: string, verb: 'changed' | 'cancelled'): Promise<RegistrationRow> {
    const reg = await this.reads.byId(id);
    if (!reg) throw notFound('Registration');
    if (!ACTIVE_STATUSES.includes(reg.status)) {
      throw domainRule(
        'invalid-transition',
        msg(verb === 'cancelled' ? 'registrations.notCancellable' : 'registrations.notChangeable', {
          status: reg.status,
        }),
      );
    }
    return reg;
  }

  /** The manage view of a registration (read now, or as given), with its dialogue. */
  private async managed(regOrId: RegistrationRow | string): Promise<ManagedRegistration> {
    const reg = typeof regOrId === 'string' ? await this.reads.byId(regOrId) : regOrId;
    if (!reg) throw notFound('Registration');
    const [registration] = await this.reads.views([reg]);
    const d = await this.dialogues.findRecord(registration.dialogueId);
    const waitlistPosition = reg.status === 'waitlisted' ? await this.reads.waitlistPosition(reg.id) : null;
    const codes = reg.status === 'confirmed' ? this.checkInCodes : undefined;
    const { checkInCode, deskCode } = codes
      ? await codes.codesOf(reg.id, reg.dialogueId)
      : { checkInCode: null, deskCode: null };
    // The online link is for confirmed participants only (of a hybrid dialogue: those online).
    const online = reg.status === 'confirmed' && (d.format !== 'hybrid' || reg.attendance === 'online');
    const dialogue = online ? toDialogue(d) : withoutOnlineLink(toDialogue(d));
    return { ...registration, dialogue, waitlistPosition, checkInCode, deskCode };
  }

  /**
   * Replaces the answers to the dialogue's questions, checked like the form's for the person's
   * group; possible while the registration window is open (until it closes).
   */
  private async changeAnswers(d: DialogueRow, reg: RegistrationRow, given: unknown): Promise<void> {
    if (d.registrationClosesAt && new Date() >= d.registrationClosesAt)
      throw domainRule('registration-closed', msg('registrations.answersClosed'), [
        { field: 'answers', message: 'the registration window has closed' },
      ]);
    const answers = await this.answers.check(reg.dialogueId, reg.stakeholderGroup, given);
    await this.writes.setAnswers([{ id: reg.id, answers: answers ?? {} }]);
  }

  /**
   * Switches a hybrid registration to the other attendance mode under the dialogue lock: a
   * confirmed seat moves only when the other mode has room (else 409 and nothing changes), and
   * the seat it leaves goes to the first person waiting in that mode. A waiting or pending
   * registration moves to the other mode's queue.
   */
  private async changeAttendance(
    d: DialogueRow,
    reg: RegistrationRow,
    to: AttendanceMode,
    notices: Notices,
  ): Promise<void> {
    if (d.format !== 'hybrid')
      throw domainRule('not-hybrid', msg('registrations.notHybrid'), [
        { field: 'attendance', message: 'only for hybrid dialogues' },
      ]);
    if (reg.holdId)
      throw domainRule('delegate-attendance', msg('registrations.delegateAttendance'), [
        { field: 'attendance', message: 'a delegation seat' },
      ]);
    if (reg.status === 'confirmed') {
      const seats = await this.ledger.dialogueSeats(d, to);
      if (!fitsDialogue(seats, { stakeholderGroup: reg.stakeholderGroup, invited: !!reg.invitationId }))
        throw conflict(
          'attendance-full',
          to === 'online' ? msg('registrations.onlineFull') : msg('registrations.roomFull'),
        );
      const [inPerson, online] = seatDeltas(to, 1);
      const [backInPerson, backOnline] = seatDeltas(seatModeOf(reg), -1);
      await this.ledger.bumpCounts(d.id, inPerson + backInPerson, new Map(), online + backOnline);
      await this.writes.setAttendance(reg.id, to);
      await this.seats.fillDialogue(d.id, notices);
    } else await this.writes.setAttendance(reg.id, to);
  }

  /** Replaces the set of spaces a participant asked for: drops freed seats to the next in line, queues new requests. */
  private async changeSpaces(reg: RegistrationRow, wanted: string[], notices: Notices): Promise<void> {
    const rows = await this.reads.spacesOfOne(reg.id);
    const active = rows.filter((r) => ACTIVE_STATUSES.includes(r.status));
    const removed = active.filter((r) => !wanted.includes(r.spaceId));
    const added = wanted.filter((id) => !active.some((r) => r.spaceId === id));
    if (!removed.length && !added.length) return;
    const involved = [...new Set([...rows.map((r) => r.spaceId), ...wanted])].sort();
    const spaces = new Map((await this.ledger.spaces(reg.dialogueId, involved, true)).map((s) => [s.id, s]));
    const unknown = added.filter((id) => !spaces.has(id));
    if (unknown.length) {
      throw domainRule('unknown-space', msg('registrations.unknownSpace'), [
        { field: 'spaceIds', message: msg('registrations.unknownSpace.field', { ids: unknown.join(', ') }) },
      ]);
    }
    const declined = added.filter((id) => rows.some((r) => r.spaceId === id && r.status === 'declined'));
    if (declined.length) {
      throw domainRule('space-declined', msg('registrations.spaceDeclined'), [
        { field: 'spaceIds', message: msg('registrations.spaceDeclined.field', { ids: declined.join(', ') }) },
      ]);
    }
    const [invitation] = reg.invitationId ? await this.invitations.byIds([reg.invitationId]) : [];
    const refusals = added
      .map((id) =>
        spaceRefusal(
          spaces.get(id) as NonNullable<ReturnType<typeof spaces.get>>,
          reg.stakeholderGroup,
          invitation ?? null,
        ),
      )
      .filter((r): r is Message => !!r);
    if (refusals.length) {
      throw domainRule(
        'space-not-open',
        refusals[0],
        refusals.map((message) => ({ field: 'spaceIds', message })),
      );
    }
    for (const r of removed) await this.seats.releaseSpace(reg, r.spaceId, 'cancelled', notices);
    if (!added.length) return;
    await this.writes.upsertRegistrationSpaces(
      added.map((spaceId) => {
        const space = spaces.get(spaceId);
        let status: RegistrationStatus = reg.status;
        if (reg.status === 'confirmed')
          status = space?.access === 'approval' && !reg.invitationId ? 'pending' : 'waitlisted';
        return { registrationId: reg.id, spaceId, dialogueId: reg.dialogueId, status };
      }),
    );
    if (reg.status === 'confirmed') await this.seats.fillSpaces(reg.dialogueId, added, notices);
  }
}
