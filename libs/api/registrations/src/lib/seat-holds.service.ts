import { Injectable } from '@nestjs/common';
import type { Language, StakeholderGroup } from '@gfmd/contracts';
import {
  type AfterCommit,
  conflict,
  domainRule,
  normalizeEmail,
  notFound,
  msg,
  type Message,
} from '@gfmd/api-platform';
import { randomUUID } from 'node:crypto';
import { RegistrationAnswers } from './registration-answers';
import { RegistrationMailer } from './registration-mailer';
import { RegistrationReadsRepository } from './registration-reads.repository';
import { RegistrationSettings } from './registration-settings';
import type { DialogueRow, RegistrationRow } from './registration.rows';
import { RegistrationsRepository } from './registrations.repository';
import { SeatHoldRow, SeatHoldsRepository } from './seat-holds.repository';
import { Notices, SeatKeeper } from './seat-keeper.service';
import { SeatLedgerRepository } from './seat-ledger.repository';
import { ACTIVE_STATUSES, spaceRefusal } from './seat-rules.util';

/** A hold with the seats its registrations use (confirmed ones). */
export interface HoldUsage extends SeatHoldRow {
  used: number;
}

/** A person given a held seat (the registration fields; the group is the hold's). */
export interface HeldPerson {
  email: string;
  title?: string | null;
  firstName: string;
  lastName: string;
  organization: string;
  jobTitle?: string | null;
  country: string;
  preferredLanguage: Language;
  accessibilityNeeds?: string | null;
  spaceIds?: string[];
  /** Answers to the dialogue's own questions, checked for the hold's group like the public form's. */
  answers?: unknown;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The registrations domain's port for blocks of held seats (a delegation's): hold seats against
 * the dialogue's capacity and the group's quota, resize or release them (freed seats go to the
 * waiting list), give a held seat to a person (a confirmed registration with its own manage link
 * and emails) and take it back (the seat returns to the hold).
 *
 * A hold counts in the dialogue's `confirmed_count` as a whole, used or not, and against its
 * group's quota (SeatLedgerRepository); a registration inside it takes no dialogue seat again.
 * Every method runs in the caller's transaction (the current one of the async context) and takes
 * the dialogue's row lock first, then the hold's: the same lock as public registration, so seats
 * are never given twice whatever the number of API processes.
 */
@Injectable()
export class SeatHolds {
  constructor(
    private readonly ledger: SeatLedgerRepository,
    private readonly holds: SeatHoldsRepository,
    private readonly reads: RegistrationReadsRepository,
    private readonly writes: RegistrationsRepository,
    private readonly seats: SeatKeeper,
    private readonly mailer: RegistrationMailer,
    private readonly settings: RegistrationSettings,
    private readonly answers: RegistrationAnswers,
  ) {}

  /** Holds `seats` seats of a dialogue for a group (409 not-enough-seats / group-quota-full; nothing held). */
  async hold(req: {
    id?: string;
    dialogueId: string;
    stakeholderGroup: StakeholderGroup;
    seats: number;
    label: string;
  }) {
    const d = await this.lockOpen(req.dialogueId);
    await this.ensureRoom(d, req.stakeholderGroup, req.seats);
    const hold: SeatHoldRow = { ...req, id: req.id ?? randomUUID() };
    await this.holds.insert(hold);
    await this.ledger.bumpCounts(d.id, req.seats, new Map());
    return { ...hold, used: 0 };
  }

  /**
   * Changes how many seats a hold keeps: more only while the dialogue (and the group's quota) has
   * room; never fewer than it uses (422 seats-in-use). Seats let go go to the waiting list.
   */
  async resize(afterCommit: AfterCommit, holdId: string, seats: number): Promise<HoldUsage> {
    const { d, hold } = await this.lockHold(holdId);
    const used = (await this.holds.used([hold.id])).get(hold.id) ?? 0;
    if (seats < used) {
      throw domainRule('seats-in-use', msg('registrations.seatsInUse', { used }), [
        { field: 'seats', message: msg('registrations.seatsInUse.field', { used }) },
      ]);
    }
    const delta = seats - hold.seats;
    if (delta > 0) await this.ensureRoom(d, hold.stakeholderGroup, delta);
    if (delta !== 0) {
      await this.holds.setSeats(hold.id, seats);
      await this.ledger.bumpCounts(d.id, delta, new Map());
    }
    if (delta < 0) {
      const notices = new Notices();
      await this.seats.fillDialogue(d.id, notices);
      await this.seats.notify(afterCommit, d.id, notices);
    }
    return { ...hold, seats, used };
  }

  relabel(holdId: string, label: string): Promise<void> {
    return this.holds.relabel(holdId, label);
  }

  /** Holds with their use (no lock: for views). */
  async usage(holdIds: string[]): Promise<Map<string, HoldUsage>> {
    const used = await this.holds.used(holdIds);
    const out = new Map<string, HoldUsage>();
    for (const id of holdIds) {
      const hold = await this.holds.byId(id);
      if (hold) out.set(id, { ...hold, used: used.get(id) ?? 0 });
    }
    return out;
  }

  /** Every registration made in a hold (current and ended), in arrival order. */
  members(holdId: string): Promise<RegistrationRow[]> {
    return this.holds.members(holdId);
  }

  /**
   * Gives a free seat of the hold to a person: a confirmed registration of the hold's group, with
   * its confirmation email (and manage link). 409 delegation-full when every seat is used,
   * 409 duplicate-registration when the address already holds a place in the dialogue.
   */
  async admit(afterCommit: AfterCommit, holdId: string, person: HeldPerson): Promise<RegistrationRow> {
    const { d, hold } = await this.lockHold(holdId);
    const used = (await this.holds.used([hold.id])).get(hold.id) ?? 0;
    if (!this.settings.locking && this.settings.unguardedDelayMs) await sleep(this.settings.unguardedDelayMs);
    if (used >= hold.seats) {
      throw conflict('delegation-full', msg('registrations.delegationFull', { seats: hold.seats }));
    }
    const emailNormalized = normalizeEmail(person.email);
    if ((await this.ledger.activeEmails(d.id, [emailNormalized])).size) {
      throw conflict('duplicate-registration', msg('registrations.duplicate'));
    }
    const spaceIds = [...new Set(person.spaceIds ?? [])].sort();
    const spaces = new Map((await this.ledger.spaces(d.id, spaceIds)).map((s) => [s.id, s]));
    const unknown = spaceIds.filter((id) => !spaces.has(id));
    if (unknown.length) {
      throw domainRule('unknown-space', msg('registrations.unknownSpace'), [
        { field: 'spaceIds', message: msg('registrations.unknownSpace.field', { ids: unknown.join(', ') }) },
      ]);
    }
    const refusals = spaceIds
      .map((id) =>
        spaceRefusal(spaces.get(id) as NonNullable<ReturnType<typeof spaces.get>>, hold.stakeholderGroup, null),
      )
      .filter((r): r is Message => !!r);
    if (refusals.length) {
      throw domainRule(
        'space-not-open',
        refusals[0],
        refusals.map((message) => ({ field: 'spaceIds', message })),
      );
    }
    const answers = await this.answers.check(d.id, hold.stakeholderGroup, person.answers);
    const id = randomUUID();
    await this.writes.insertRegistrations([
      {
        id,
        dialogueId: d.id,
        email: person.email,
        emailNormalized,
        title: person.title ?? null,
        firstName: person.firstName,
        lastName: person.lastName,
        organization: person.organization,
        jobTitle: person.jobTitle ?? null,
        stakeholderGroup: hold.stakeholderGroup,
        country: person.country,
        preferredLanguage: person.preferredLanguage,
        accessibilityNeeds: person.accessibilityNeeds ?? null,
        status: 'confirmed',
        invitationId: null,
        // A delegation's seats are in the room: a delegate of a hybrid dialogue attends in person.
        attendance: d.format === 'hybrid' ? 'in_person' : null,
      },
    ]);
    if (answers) await this.writes.setAnswers([{ id, answers }]);
    await this.holds.attach(id, hold.id);
    const notices = new Notices();
    // The confirmation below tells of the spaces: no separate "promoted" email for them.
    notices.forRegistration(id, 'confirmation');
    if (spaceIds.length) {
      await this.writes.upsertRegistrationSpaces(
        spaceIds.map((spaceId) => ({ registrationId: id, spaceId, dialogueId: d.id, status: 'waitlisted' as const })),
      );
      await this.seats.allocateSpaces(d.id, [{ id, invitationId: null }], notices);
    }
    notices.drop(id);
    const seatRows = await this.reads.spacesOfOne(id);
    await this.mailer.write(afterCommit, d, [
      {
        kind: 'confirmation',
        idempotencyKey: `confirmation:${id}`,
        recipient: {
          id,
          email: person.email,
          title: person.title ?? null,
          firstName: person.firstName,
          lastName: person.lastName,
          preferredLanguage: person.preferredLanguage,
        },
        spaces: seatRows.map((s) => ({ name: s.name, status: s.status, translations: s.translations })),
        confirmedSpaceIds: seatRows.filter((s) => s.status === 'confirmed').map((s) => s.spaceId),
      },
    ]);
    await this.seats.notify(afterCommit, d.id, notices);
    const reg = await this.reads.byId(id);
    if (!reg) throw notFound('Registration');
    return reg;
  }

  /**
   * Takes a held seat back from a person (withdrawn or replaced by the focal point): the
   * registration is cancelled and told so, its links stop working, and the seat returns to the
   * hold. 404 when the registration is not in this hold.
   */
  async withdraw(afterCommit: AfterCommit, holdId: string, registrationId: string): Promise<RegistrationRow> {
    const { d, hold } = await this.lockHold(holdId);
    const reg = await this.reads.byId(registrationId);
    if (!reg || reg.holdId !== hold.id || reg.erasedAt) throw notFound('Delegate');
    if (!ACTIVE_STATUSES.includes(reg.status)) {
      throw domainRule('invalid-transition', msg('registrations.delegateNotWithdrawable', { status: reg.status }));
    }
    const notices = new Notices();
    await this.seats.release(reg, 'cancelled', notices, { notify: true, clearToken: true });
    await this.seats.notify(afterCommit, d.id, notices);
    return reg;
  }

  /** The dialogue locked (per the settings: the control test turns locks off), open to seat changes. */
  private async lockOpen(dialogueId: string): Promise<DialogueRow> {
    const d = await this.ledger.dialogue(dialogueId, this.settings.locking);
    if (!d) throw notFound('Dialogue');
    if (d.status === 'cancelled' || d.status === 'concluded') {
      throw domainRule('dialogue-closed', msg('registrations.seatsFrozen', { status: d.status }));
    }
    return d;
  }

  private async lockHold(holdId: string): Promise<{ d: DialogueRow; hold: SeatHoldRow }> {
    const found = await this.holds.byId(holdId);
    if (!found) throw notFound('Delegation');
    const d = await this.lockOpen(found.dialogueId);
    const hold = await this.holds.byId(holdId, this.settings.locking);
    if (!hold) throw notFound('Delegation');
    return { d, hold };
  }

  /** 409 unless `n` more seats fit in the dialogue and in the group's quota (read under the dialogue lock). */
  private async ensureRoom(d: DialogueRow, group: StakeholderGroup, n: number): Promise<void> {
    const seats = await this.ledger.dialogueSeats(d);
    if (!this.settings.locking && this.settings.unguardedDelayMs) await sleep(this.settings.unguardedDelayMs);
    const free = Math.max(0, seats.capacity - seats.confirmed);
    if (n > free) {
      throw conflict('not-enough-seats', msg('registrations.notEnoughSeats', { free, asked: n }), {
        available: free,
      });
    }
    const quota = seats.quotas?.[group];
    if (quota !== undefined && quota !== null) {
      const left = Math.max(0, quota - (seats.groupConfirmed[group] ?? 0));
      if (n > left) {
        throw conflict('group-quota-full', msg('registrations.notEnoughQuota', { free: left, group, asked: n }), {
          available: left,
        });
      }
    }
  }
}
