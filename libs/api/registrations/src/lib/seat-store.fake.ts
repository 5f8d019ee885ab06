import type { AuthUser } from '@gfmd/api-auth';
import { DialogueEntity, type DialoguesService } from '@gfmd/api-dialogues';
import type { RegistrationInvitations } from '@gfmd/api-invitations';
import { type AfterCommit, ProblemException } from '@gfmd/api-platform';
import type { SpacesService } from '@gfmd/api-spaces';
import type { RegistrationStatus, StakeholderGroup } from '@gfmd/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { RegistrationEmail, RegistrationMailer } from './registration-mailer';
import type { RegistrationReadsRepository } from './registration-reads.repository';
import { toRegistration } from './registration.mapper';
import type {
  DialogueRow,
  NewRegistration,
  RegistrationRow,
  RegistrationSpaceRow,
  SpaceRow,
} from './registration.rows';
import type { DeclineSnapshot, RegistrationsRepository, SpaceStatusChange } from './registrations.repository';
import { SeatKeeper } from './seat-keeper.service';
import type { SeatLedgerRepository } from './seat-ledger.repository';
import type { DialogueSeats } from './seat-rules.util';

/**
 * For unit specs only: the registrations tables of one dialogue in memory, behind the same
 * methods as the repositories (SeatLedgerRepository, RegistrationReadsRepository,
 * RegistrationsRepository), plus fakes of the collaborators around them. No database.
 */
export class FakeSeatStore {
  dialogue: DialogueRow = {
    id: 'd1',
    title: 'Dialogue',
    status: 'published',
    capacity: 10,
    confirmedCount: 0,
    approvalRequired: true,
    stakeholderQuotas: null,
    registrationOpensAt: null,
    registrationClosesAt: null,
    startsAt: new Date('2030-01-01T10:00:00Z'),
    endsAt: new Date('2030-01-01T12:00:00Z'),
    timeZone: 'UTC',
    venue: 'Geneva',
    format: 'in_person',
    onlineUrl: null,
    onlineCapacity: null,
    onlineConfirmedCount: 0,
    languages: ['en'],
    translations: {},
  };
  spaceRows: SpaceRow[] = [];
  regs: RegistrationRow[] = [];
  seatRequests: RegistrationSpaceRow[] = [];
  /** Emails written through the mailer, and invitations released. */
  emails: RegistrationEmail[] = [];
  readonly checkedIn: string[] = [];
  readonly emailConfirmed: string[] = [];
  private arrival = 0;

  addSpace(id: string, over: Partial<SpaceRow> = {}): SpaceRow {
    const space: SpaceRow = {
      id,
      dialogueId: this.dialogue.id,
      name: `Space ${id}`,
      capacity: 5,
      confirmedCount: 0,
      access: 'open',
      allowedGroups: null,
      coordinatingGroup: null,
      coordinatorUserIds: [],
      ...over,
    };
    this.spaceRows.push(space);
    return space;
  }

  addRegistration(
    id: string,
    status: RegistrationStatus,
    seats: { spaceId: string; status: RegistrationStatus }[] = [],
    over: Partial<RegistrationRow> = {},
  ): RegistrationRow {
    const reg: RegistrationRow = {
      id,
      dialogueId: this.dialogue.id,
      arrival: String(++this.arrival),
      email: `${id}@example.org`,
      emailNormalized: `${id}@example.org`,
      title: null,
      firstName: 'Ada',
      lastName: id,
      organization: 'Org',
      jobTitle: null,
      stakeholderGroup: 'government',
      country: 'CH',
      preferredLanguage: 'en',
      accessibilityNeeds: null,
      consentAt: new Date(),
      status,
      invitationId: null,
      emailConfirmedAt: new Date(),
      checkedInAt: null,
      cancelledAt: null,
      erasedAt: null,
      createdAt: new Date(),
      updatedAt: new Date(),
      ...over,
    };
    this.regs.push(reg);
    if (status === 'confirmed') this.dialogue.confirmedCount++;
    for (const s of seats) {
      this.seatRequests.push({
        registrationId: id,
        spaceId: s.spaceId,
        status: s.status,
        arrival: String(++this.arrival),
        name: `Space ${s.spaceId}`,
      });
      if (s.status === 'confirmed') this.space(s.spaceId).confirmedCount++;
    }
    return reg;
  }

  reg(id: string): RegistrationRow {
    const reg = this.regs.find((r) => r.id === id);
    if (!reg) throw new Error(`no registration ${id}`);
    return reg;
  }

  space(id: string): SpaceRow {
    const space = this.spaceRows.find((s) => s.id === id);
    if (!space) throw new Error(`no space ${id}`);
    return space;
  }

  seatStatus(registrationId: string, spaceId: string): RegistrationStatus | undefined {
    return this.seatRequests.find((r) => r.registrationId === registrationId && r.spaceId === spaceId)?.status;
  }

  /** The fakes as the types the services take, and a real SeatKeeper working on them. */
  wire() {
    const ledger = this.ledger as SeatLedgerRepository;
    const reads = this.reads as RegistrationReadsRepository;
    const writes = this.writes as RegistrationsRepository;
    const invitations = this.invitations as RegistrationInvitations;
    const seats = new SeatKeeper(ledger, reads, writes, this.mailer as RegistrationMailer, invitations);
    return { ledger, reads, writes, invitations, seats };
  }

  /** The email kinds written, as `kind:registrationId`. */
  emailKinds(): string[] {
    return this.emails.map((e) => `${e.kind}:${e.recipient.id}`);
  }

  readonly ledger: Partial<SeatLedgerRepository> = {
    dialogue: async (id) => (id === this.dialogue.id ? { ...this.dialogue } : null),
    spaces: async (_dialogueId, ids) => this.spaceRows.filter((s) => !ids || ids.includes(s.id)).map((s) => ({ ...s })),
    dialogueSeats: async (d): Promise<DialogueSeats> => {
      const groupConfirmed: Partial<Record<StakeholderGroup, number>> = {};
      for (const r of this.regs.filter((x) => x.status === 'confirmed' && !x.invitationId))
        groupConfirmed[r.stakeholderGroup] = (groupConfirmed[r.stakeholderGroup] ?? 0) + 1;
      return { capacity: d.capacity, confirmed: d.confirmedCount, quotas: d.stakeholderQuotas, groupConfirmed };
    },
    bumpCounts: async (_dialogueId, dialogueDelta, spaceDeltas, onlineDelta = 0) => {
      this.dialogue.confirmedCount = Math.max(0, this.dialogue.confirmedCount + dialogueDelta);
      this.dialogue.onlineConfirmedCount = Math.max(0, this.dialogue.onlineConfirmedCount + onlineDelta);
      for (const [id, delta] of spaceDeltas)
        this.space(id).confirmedCount = Math.max(0, this.space(id).confirmedCount + delta);
    },
    waitlisted: async () => this.regs.filter((r) => r.status === 'waitlisted').map((r) => ({ ...r })),
    spaceWaitlist: async (spaceId, limit) =>
      this.seatRequests
        .filter(
          (rs) =>
            rs.spaceId === spaceId && rs.status === 'waitlisted' && this.reg(rs.registrationId).status === 'confirmed',
        )
        .slice(0, limit)
        .map((rs) => ({ ...rs })),
  };

  readonly reads: Partial<RegistrationReadsRepository> = {
    byId: async (id) => {
      const reg = this.regs.find((r) => r.id === id);
      return reg ? { ...reg } : null;
    },
    spacesOf: async (ids) =>
      new Map(
        ids.map((id) => [id, this.seatRequests.filter((rs) => rs.registrationId === id).map((rs) => ({ ...rs }))]),
      ),
    waitlistPosition: async (id) => {
      const reg = this.regs.find((r) => r.id === id);
      if (!reg || reg.status !== 'waitlisted') return null;
      return this.regs.filter((r) => r.status === 'waitlisted' && Number(r.arrival) <= Number(reg.arrival)).length;
    },
    spacesOfOne: async (id) => this.seatRequests.filter((rs) => rs.registrationId === id).map((rs) => ({ ...rs })),
    views: async (rows, onlySpaceIds) =>
      rows.map((r) =>
        toRegistration(
          this.reg(r.id),
          this.seatRequests.filter(
            (rs) => rs.registrationId === r.id && (!onlySpaceIds || onlySpaceIds.includes(rs.spaceId)),
          ),
        ),
      ),
  };

  readonly writes: Partial<RegistrationsRepository> = {
    setStatus: async (ids, status) => {
      for (const id of ids) this.reg(id).status = status;
    },
    setSpaceStatuses: async (changes: SpaceStatusChange[]) => {
      for (const c of changes) {
        const row = this.seatRequests.find((rs) => rs.registrationId === c.registrationId && rs.spaceId === c.spaceId);
        if (row) row.status = c.status;
      }
    },
    upsertRegistrationSpaces: async (rows) => {
      for (const r of rows) {
        this.seatRequests = this.seatRequests.filter(
          (rs) => !(rs.registrationId === r.registrationId && rs.spaceId === r.spaceId),
        );
        this.seatRequests.push({ ...r, arrival: String(++this.arrival), name: `Space ${r.spaceId}` });
      }
    },
    insertRegistrations: async (rows: NewRegistration[]) => rows.map((r) => ({ id: r.id, createdAt: new Date() })),
    updateDetails: async () => undefined,
    checkIn: async (id) => {
      if (this.checkedIn.includes(id)) return false;
      this.checkedIn.push(id);
      return true;
    },
    confirmEmail: async (id) => {
      this.emailConfirmed.push(id);
    },
    markDeclined: async (id, before) => {
      const at = new Date();
      this.declines.set(id, { at, before });
      return at;
    },
    recentDecline: async (id, windowMs) => {
      const d = this.declines.get(id);
      return d && this.reg(id).status === 'declined' && Date.now() - d.at.getTime() < windowMs ? d.before : null;
    },
    clearDecline: async (id) => {
      this.declines.delete(id);
    },
  };

  /** Staff declines that may still be undone. */
  readonly declines = new Map<string, { at: Date; before: DeclineSnapshot }>();

  readonly mailer: Partial<RegistrationMailer> = {
    write: async (_afterCommit: AfterCommit, _d: DialogueRow, emails: RegistrationEmail[]) => {
      this.emails.push(...emails);
    },
    restoreReminder: async () => 0,
    withdraw: async (_afterCommit: AfterCommit, kind, registrationId) => {
      const before = this.emails.length;
      this.emails = this.emails.filter((e) => !(e.kind === kind && e.recipient.id === registrationId));
      return before - this.emails.length;
    },
  };

  readonly invitations: Partial<RegistrationInvitations> = {
    release: async () => undefined,
    byIds: async () => [],
  };

  /** A data source whose transactions just run their work (no database). */
  readonly dataSource = {
    manager: {} as EntityManager,
    transaction: <T>(work: (m: EntityManager) => Promise<T>) => work({} as EntityManager),
  } as Partial<DataSource> as DataSource;

  /** The dialogues domain: finds this dialogue. */
  readonly dialogues: Partial<DialoguesService> = {
    findRecord: async () => Object.assign(new DialogueEntity(), this.dialogue),
  };

  /** The spaces domain: the spaces a user coordinates. */
  readonly spacesDomain: Partial<SpacesService> = {
    spaceIdsCoordinatedBy: async (userId: string) =>
      this.spaceRows.filter((s) => s.coordinatorUserIds.includes(userId)).map((s) => s.id),
  };
}

export const organizer: AuthUser = { id: 'u-org', email: 'org@example.org', name: 'Org', role: 'organizer' };
export const coordinator: AuthUser = { id: 'u-coord', email: 'coord@example.org', name: 'Coord', role: 'coordinator' };

/** The HTTP status and problem type slug a call fails with. */
export async function failure(p: Promise<unknown>): Promise<{ status: number; slug: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProblemException) return { status: e.getStatus(), slug: e.slug };
    throw e;
  }
  throw new Error('expected a failure');
}
