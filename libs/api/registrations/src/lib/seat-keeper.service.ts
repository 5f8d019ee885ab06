import { Injectable } from '@nestjs/common';
import { RegistrationInvitations } from '@gfmd/api-invitations';
import type { AttendanceMode, EmailKind } from '@gfmd/contracts';
import { AfterCommit, notFound } from '@gfmd/api-platform';
import { RegistrationMailer, type RegistrationEmail } from './registration-mailer';
import { RegistrationReadsRepository } from './registration-reads.repository';
import type { DialogueRow, RegistrationRow } from './registration.rows';
import { RegistrationsRepository, SpaceStatusChange } from './registrations.repository';
import { SeatLedgerRepository } from './seat-ledger.repository';
import { onlineSeats, seatDeltas, seatModeOf } from './attendance.util';
import { ACTIVE_STATUSES, fitsDialogue, takeDialogueSeat } from './seat-rules.util';

/**
 * What a transaction must tell participants, collected while seats move and written once at
 * the end (one email per registration and cause). Idempotency keys: `<kind>:<registrationId>`
 * for dialogue-level events (each happens at most once per registration), and
 * `<kind>:<registrationId>:<spaceId>:<request arrival>` for space-level ones.
 */
export class Notices {
  readonly dialogue = new Map<string, EmailKind>();
  readonly space: {
    registrationId: string;
    spaceId: string;
    kind: EmailKind;
    /** Held back for an undo window, as `held` (the key gets the tag). */
    held?: { sendAfter: Date; tag: string };
  }[] = [];
  reason?: string;
  /**
   * Registration-level emails held back for an undo window: sent not before `sendAfter`, under
   * an idempotency key tagged with `tag` (a decline undone and made again writes a new email).
   */
  readonly held = new Map<string, { sendAfter: Date; tag: string }>();

  forRegistration(id: string, kind: EmailKind) {
    this.dialogue.set(id, kind);
  }
  forSpace(registrationId: string, spaceId: string, kind: EmailKind, held?: { sendAfter: Date; tag: string }) {
    this.space.push({ registrationId, spaceId, kind, ...(held ? { held } : {}) });
  }
  /** Replaces the space-level notices of a registration in a space by one of `kind` (or none). */
  replaceSpace(
    registrationId: string,
    spaceId: string,
    kind: EmailKind | null,
    held?: { sendAfter: Date; tag: string },
  ) {
    for (let i = this.space.length - 1; i >= 0; i--) {
      if (this.space[i].registrationId === registrationId && this.space[i].spaceId === spaceId) this.space.splice(i, 1);
    }
    if (kind) this.forSpace(registrationId, spaceId, kind, held);
  }
  /** Drops every notice of a registration (changes its holder made themselves). */
  drop(registrationId: string) {
    this.dialogue.delete(registrationId);
    for (let i = this.space.length - 1; i >= 0; i--)
      if (this.space[i].registrationId === registrationId) this.space.splice(i, 1);
  }
  get empty() {
    return !this.dialogue.size && !this.space.length;
  }
}

/** The idempotency key of a space-level email (tagged when it was held for an undo window). */
export const spaceNoticeKey = (
  kind: EmailKind,
  registrationId: string,
  spaceId: string,
  arrival: string,
  tag?: string,
) => `${kind}:${registrationId}:${spaceId}:${arrival}${tag ? `:${tag}` : ''}`;

/**
 * Moves seats under the dialogue row lock that the caller holds: frees them, fills them from
 * the waiting lists in arrival order, and allocates space seats. Spaces are always locked after
 * the dialogue and in id order. Runs in the caller's transaction (the current one, see
 * docs/architecture.md, "Transactions").
 */
@Injectable()
export class SeatKeeper {
  constructor(
    private readonly ledger: SeatLedgerRepository,
    private readonly reads: RegistrationReadsRepository,
    private readonly writes: RegistrationsRepository,
    private readonly mailer: RegistrationMailer,
    private readonly invitations: RegistrationInvitations,
  ) {}

  /** Locks the dialogue row for the rest of the transaction (404 when it does not exist). */
  async lockDialogue(id: string): Promise<DialogueRow> {
    const d = await this.ledger.dialogue(id, true);
    if (!d) throw notFound('Dialogue');
    return d;
  }

  /**
   * Confirms waiting registrations while the dialogue has room, first come first served among
   * those that fit; a hybrid dialogue fills each attendance mode from its own waiting list.
   */
  async fillDialogue(dialogueId: string, notices: Notices): Promise<string[]> {
    const d = await this.ledger.dialogue(dialogueId);
    if (!d || (d.status !== 'published' && d.status !== 'registration_closed')) return [];
    if (d.format !== 'hybrid') return this.fillMode(d, 'in_person', notices);
    return [...(await this.fillMode(d, 'in_person', notices)), ...(await this.fillMode(d, 'online', notices))];
  }

  private async fillMode(d: DialogueRow, mode: AttendanceMode, notices: Notices): Promise<string[]> {
    const seats = mode === 'online' ? onlineSeats(d) : null;
    if (!seats && d.confirmedCount >= d.capacity) return [];
    if (seats && seats.confirmed >= seats.capacity) return [];
    const dialogueId = d.id;
    const waiting = (await this.ledger.waitlisted(dialogueId)).filter(
      (r) => d.format !== 'hybrid' || seatModeOf(r) === mode,
    );
    if (!waiting.length) return [];
    const modeSeats = seats ?? (await this.ledger.dialogueSeats(d));
    const promoted: RegistrationRow[] = [];
    for (const r of waiting) {
      if (modeSeats.confirmed >= modeSeats.capacity) break;
      const candidate = { stakeholderGroup: r.stakeholderGroup, invited: !!r.invitationId };
      if (!fitsDialogue(modeSeats, candidate)) continue;
      takeDialogueSeat(modeSeats, candidate);
      promoted.push(r);
    }
    if (!promoted.length) return [];
    await this.writes.setStatus(
      promoted.map((r) => r.id),
      'confirmed',
    );
    const [inPerson, onlineDelta] = seatDeltas(mode, promoted.length);
    await this.ledger.bumpCounts(dialogueId, inPerson, new Map(), onlineDelta);
    for (const r of promoted) notices.forRegistration(r.id, 'promoted');
    await this.allocateSpaces(dialogueId, promoted, notices);
    return promoted.map((r) => r.id);
  }

  /**
   * For registrations that just got a dialogue seat: their space requests (which mirrored the
   * registration's status) join the spaces' queues and are served in request order.
   */
  async allocateSpaces(
    dialogueId: string,
    regs: Pick<RegistrationRow, 'id' | 'invitationId'>[],
    notices: Notices,
    opts: { approved?: boolean } = {},
  ): Promise<void> {
    const rowsByReg = await this.reads.spacesOf(regs.map((r) => r.id));
    const ids = [...new Set([...rowsByReg.values()].flat().map((r) => r.spaceId))].sort();
    if (!ids.length) return;
    const spaces = new Map((await this.ledger.spaces(dialogueId, ids, true)).map((s) => [s.id, s]));
    const changes: SpaceStatusChange[] = [];
    for (const r of regs) {
      for (const row of rowsByReg.get(r.id) ?? []) {
        if (row.status !== 'pending' && row.status !== 'waitlisted') continue;
        const space = spaces.get(row.spaceId);
        if (!space) continue;
        const status = space.access === 'approval' && !r.invitationId && !opts.approved ? 'pending' : 'waitlisted';
        if (status !== row.status) changes.push({ registrationId: r.id, spaceId: row.spaceId, status });
      }
    }
    await this.writes.setSpaceStatuses(changes);
    await this.fillSpaces(dialogueId, ids, notices);
  }

  /** Gives free space seats to the registrations waiting for them, in request order. */
  async fillSpaces(dialogueId: string, spaceIds: string[], notices: Notices): Promise<void> {
    const spaces = await this.ledger.spaces(dialogueId, [...new Set(spaceIds)].sort(), true);
    const deltas = new Map<string, number>();
    const changes: SpaceStatusChange[] = [];
    for (const s of spaces) {
      const room = s.capacity === null ? 10_000 : s.capacity - s.confirmedCount;
      if (room <= 0) continue;
      const waiting = await this.ledger.spaceWaitlist(s.id, room);
      for (const w of waiting) {
        changes.push({ registrationId: w.registrationId, spaceId: s.id, status: 'confirmed' });
        if (!notices.dialogue.has(w.registrationId)) notices.forSpace(w.registrationId, s.id, 'promoted');
      }
      if (waiting.length) deltas.set(s.id, waiting.length);
    }
    await this.writes.setSpaceStatuses(changes);
    await this.ledger.bumpCounts(dialogueId, 0, deltas);
  }

  /**
   * Ends a registration (cancelled by its holder or erased, or declined by staff): frees its
   * seats and fills them from the waiting lists in the same transaction.
   */
  async release(
    reg: RegistrationRow,
    to: 'cancelled' | 'declined',
    notices: Notices,
    opts: { notify: boolean; clearToken?: boolean },
  ): Promise<void> {
    const rows = await this.reads.spacesOfOne(reg.id);
    const active = rows.filter((r) => ACTIVE_STATUSES.includes(r.status));
    const freed = active.filter((r) => r.status === 'confirmed').map((r) => r.spaceId);
    // A seat inside a hold (a delegation's) goes back to the hold, not to the dialogue's waiting list.
    const freesDialogueSeat = reg.status === 'confirmed' && !reg.holdId;
    await this.ledger.spaces(reg.dialogueId, active.map((r) => r.spaceId).sort(), true);
    await this.writes.setStatus([reg.id], to, { cancelled: to === 'cancelled', clearToken: opts.clearToken });
    await this.writes.setSpaceStatuses(active.map((r) => ({ registrationId: reg.id, spaceId: r.spaceId, status: to })));
    const [inPerson, online] = seatDeltas(seatModeOf(reg), freesDialogueSeat ? -1 : 0);
    await this.ledger.bumpCounts(reg.dialogueId, inPerson, new Map(freed.map((id) => [id, -1])), online);
    if (to === 'cancelled' && reg.invitationId) await this.invitations.release(reg.invitationId, reg.id);
    if (opts.notify) notices.forRegistration(reg.id, to);
    if (freesDialogueSeat) await this.fillDialogue(reg.dialogueId, notices);
    if (freed.length) await this.fillSpaces(reg.dialogueId, freed, notices);
  }

  /** Frees one space seat request (declined by its coordinator, or dropped by the participant). */
  async releaseSpace(
    reg: RegistrationRow,
    spaceId: string,
    to: 'cancelled' | 'declined',
    notices: Notices,
  ): Promise<void> {
    const row = (await this.reads.spacesOfOne(reg.id)).find((r) => r.spaceId === spaceId);
    if (!row || !ACTIVE_STATUSES.includes(row.status)) return;
    await this.writes.setSpaceStatuses([{ registrationId: reg.id, spaceId, status: to }]);
    if (row.status === 'confirmed') {
      await this.ledger.bumpCounts(reg.dialogueId, 0, new Map([[spaceId, -1]]));
      await this.fillSpaces(reg.dialogueId, [spaceId], notices);
    }
  }

  /** Writes the collected emails: one per registration-level cause, one per space-level cause. */
  async notify(afterCommit: AfterCommit, dialogueId: string, notices: Notices): Promise<void> {
    if (notices.empty) return;
    const d = await this.ledger.dialogue(dialogueId);
    if (!d) return;
    const ids = [...new Set([...notices.dialogue.keys(), ...notices.space.map((s) => s.registrationId)])];
    const regs = new Map<string, RegistrationRow>();
    for (const id of ids) {
      const r = await this.reads.byId(id);
      if (r && !r.erasedAt) regs.set(id, r);
    }
    const spaces = await this.reads.spacesOf(ids);
    const emails: RegistrationEmail[] = [];
    for (const [id, kind] of notices.dialogue) {
      const r = regs.get(id);
      if (!r) continue;
      const held = notices.held.get(id);
      emails.push({
        kind,
        idempotencyKey: held ? `${kind}:${id}:${held.tag}` : `${kind}:${id}`,
        recipient: r,
        spaces: (spaces.get(id) ?? []).map((s) => ({ name: s.name, status: s.status, translations: s.translations })),
        reason: notices.reason,
        sendAfter: held?.sendAfter,
      });
    }
    for (const n of notices.space) {
      const r = regs.get(n.registrationId);
      const row = (spaces.get(n.registrationId) ?? []).find((s) => s.spaceId === n.spaceId);
      if (!r || !row) continue;
      emails.push({
        kind: n.kind,
        idempotencyKey: spaceNoticeKey(n.kind, r.id, n.spaceId, row.arrival, n.held?.tag),
        recipient: r,
        spaces: [{ name: row.name, status: row.status, translations: row.translations }],
        ...(n.kind === 'declined' && notices.reason ? { reason: notices.reason } : {}),
        ...(n.held ? { sendAfter: n.held.sendAfter } : {}),
      });
    }
    await this.mailer.write(afterCommit, d, emails);
  }
}
