import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Answers, RegistrationCreated, RegistrationStatus, StakeholderGroup } from '@gfmd/contracts';
import {
  AfterCommit,
  AuditService,
  Coalescer,
  conflict,
  domainRule,
  DomainEvents,
  type EventAudience,
  inTransaction,
  normalizeEmail,
  notFound,
  msg,
  type Message,
} from '@gfmd/api-platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type InvitationRef, RegistrationInvitations } from '@gfmd/api-invitations';
import { attendanceFor, onlineSeats } from './attendance.util';
import type { CreateRegistrationDto } from './registration.dto';
import { RegistrationAnswers } from './registration-answers';
import { registrationEvent } from './registration-events';
import { type ConfirmationAgendas, RegistrationMailer, type RegistrationEmail } from './registration-mailer';
import { RegistrationSettings } from './registration-settings';
import type { NewRegistration, SpaceRow } from './registration.rows';
import { RegistrationsRepository } from './registrations.repository';
import { SeatLedgerRepository } from './seat-ledger.repository';
import { admitToDialogue, admitToSpace, SpaceSeats, spaceRefusal, windowRefusal } from './seat-rules.util';

/** A registration request, checked and normalised, waiting for its turn under the dialogue lock. */
interface Candidate {
  id: string;
  dto: RegistrationRequest;
  emailNormalized: string;
  spaceIds: string[];
  invitation: InvitationRef | null;
  /** Set when a staff member registers the person: no approval step, and an audit line by them. */
  staffUserId?: string;
}

/** What admission reads of a registration request (the consent box is the participant's own, not staff's). */
export type RegistrationRequest = Omit<CreateRegistrationDto, 'consent'>;

/** What happened to one registration request: created, or the error that refused it. */
export type AdmissionOutcome = { ok: RegistrationCreated } | { error: unknown };
type Outcome = AdmissionOutcome;

/**
 * What an admission reads before its transaction, outside the dialogue lock (which serialises a
 * rush: every statement under it is paid by every batch in the queue): the answers' checker and
 * who the `registration.created` event goes to, and the agenda its confirmations carry.
 */
interface ReadAhead {
  checkAnswers: (group: StakeholderGroup, answers: unknown) => Answers | null;
  audience: EventAudience | undefined;
  agendas: ConfirmationAgendas | null;
}

/** Thrown inside a preview's transaction so that nothing of it is kept. */
class Preview {
  constructor(readonly outcomes: Outcome[]) {}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Admits new registrations. Capacity is enforced in PostgreSQL: each admission transaction
 * locks the dialogue row (and the chosen spaces, in id order), reads the counters, decides,
 * writes the registrations, the counters and the outbox rows, and commits — so any number of
 * API processes never overbook.
 *
 * Concurrent requests for the same dialogue that reach the same process are admitted together
 * (up to `maxBatch` per transaction, in arrival order): one lock and one commit for many, which
 * is what keeps a registration rush fast. A batch that fails as a whole is retried one by one.
 */
@Injectable()
export class RegistrationAdmission {
  private readonly logger = new Logger(RegistrationAdmission.name);
  /** Per dialogue with registrations under way: the requests waiting for the next admission batch. */
  private readonly queues = new Map<string, Coalescer<Candidate, Outcome>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: SeatLedgerRepository,
    private readonly writes: RegistrationsRepository,
    private readonly mailer: RegistrationMailer,
    private readonly settings: RegistrationSettings,
    private readonly invitations: RegistrationInvitations,
    private readonly answers: RegistrationAnswers,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
  ) {}

  async register(dialogueId: string, dto: CreateRegistrationDto): Promise<RegistrationCreated> {
    const candidate = await this.prepare(dialogueId, dto);
    if (this.settings.maxBatch <= 1 || !this.settings.locking) return this.admitOne(dialogueId, candidate);
    const outcome = await this.queueFor(dialogueId).submit(candidate);
    if ('error' in outcome) throw outcome.error;
    return outcome.ok;
  }

  /**
   * A staff member registers someone: the same checks, lock and seat rules as the public form,
   * except that approval is skipped (confirmed when a seat is free, else waitlisted — never
   * pending) and no consent box is asked of the staff member. Its own transaction, not a batch.
   */
  async registerByStaff(
    dialogueId: string,
    dto: RegistrationRequest,
    staffUserId: string,
  ): Promise<RegistrationCreated> {
    const candidate = await this.prepare(dialogueId, { ...dto, invitationToken: undefined });
    return this.admitOne(dialogueId, { ...candidate, staffUserId });
  }

  /**
   * A staff member's import (CSV): the rows admitted in file order, in one transaction under the
   * dialogue lock, each as registerByStaff would. A preview (`dryRun`) runs the very same
   * admission and rolls it back: it writes nothing, sends nothing, and answers what would happen.
   */
  async admitManyByStaff(
    dialogueId: string,
    dtos: RegistrationRequest[],
    staffUserId: string,
    dryRun: boolean,
  ): Promise<AdmissionOutcome[]> {
    if (!dtos.length) return [];
    const candidates: Candidate[] = [];
    for (const dto of dtos) {
      const c = await this.prepare(dialogueId, { ...dto, invitationToken: undefined });
      candidates.push({ ...c, staffUserId });
    }
    const ahead = await this.readAhead(dialogueId);
    try {
      return await inTransaction(this.dataSource, async (_m, ac) => {
        const outcomes = await this.admit(ac, dialogueId, candidates, ahead);
        if (dryRun) throw new Preview(outcomes);
        return outcomes;
      });
    } catch (error) {
      if (error instanceof Preview) return error.outcomes;
      throw error;
    }
  }

  private queueFor(dialogueId: string): Coalescer<Candidate, Outcome> {
    let queue = this.queues.get(dialogueId);
    if (!queue) {
      const created: Coalescer<Candidate, Outcome> = new Coalescer((batch) => this.admitBatch(dialogueId, batch), {
        maxBatch: this.settings.maxBatch,
        maxInFlight: this.settings.maxInFlight,
        lingerTurn: true,
        onIdle: () => {
          if (this.queues.get(dialogueId) === created) this.queues.delete(dialogueId);
        },
      });
      this.queues.set(dialogueId, (queue = created));
    }
    return queue;
  }

  /**
   * Checks that need no lock: the invitation token names an invitation of this dialogue for this
   * address. (The answers are checked in the admission batch, which reads the questions once.)
   */
  private async prepare(dialogueId: string, dto: RegistrationRequest): Promise<Candidate> {
    const emailNormalized = normalizeEmail(dto.email);
    let invitation: InvitationRef | null = null;
    if (dto.invitationToken) {
      invitation = await this.invitations.forToken(dialogueId, dto.invitationToken);
      if (!invitation) {
        throw domainRule('invalid-invitation', msg('registrations.invalidInvitation'), [
          { field: 'invitationToken', message: msg('registrations.invalidInvitation.field') },
        ]);
      }
      if (invitation.emailNormalized !== emailNormalized) {
        throw domainRule('invitation-mismatch', msg('registrations.invitationMismatch'), [
          { field: 'email', message: msg('registrations.invitationMismatch.field') },
        ]);
      }
    }
    return { id: randomUUID(), dto, emailNormalized, spaceIds: [...new Set(dto.spaceIds ?? [])].sort(), invitation };
  }

  /** Both reads at once, each on its own pooled connection (no transaction is open yet). */
  private async readAhead(dialogueId: string): Promise<ReadAhead> {
    const [checkAnswers, audience, agendas] = await Promise.all([
      this.answers.checkerFor(dialogueId),
      this.events.audience('registration.created'),
      this.mailer.confirmationAgendas(dialogueId),
    ]);
    return { checkAnswers, audience, agendas };
  }

  private async admitOne(dialogueId: string, candidate: Candidate, ahead?: ReadAhead): Promise<RegistrationCreated> {
    const read = ahead ?? (await this.readAhead(dialogueId));
    const [outcome] = await inTransaction(this.dataSource, (_m, ac) => this.admit(ac, dialogueId, [candidate], read));
    if ('error' in outcome) throw outcome.error;
    return outcome.ok;
  }

  /**
   * One admission batch of a dialogue (its Coalescer runs up to `maxInFlight` at once per process:
   * while one commits and enqueues its emails, the next already waits for the dialogue lock).
   */
  private async admitBatch(dialogueId: string, batch: Candidate[]): Promise<Outcome[]> {
    const started = performance.now();
    const ahead = await this.readAhead(dialogueId);
    try {
      const outcomes = await inTransaction(this.dataSource, (_m, ac) => this.admit(ac, dialogueId, batch, ahead));
      this.logger.debug({ size: batch.length, ms: Math.round(performance.now() - started) }, 'batch admitted');
      return outcomes;
    } catch (error) {
      if (batch.length > 1)
        this.logger.warn({ err: (error as Error).message, size: batch.length }, 'batch failed; admitting one by one');
      const outcomes: Outcome[] = [];
      for (const candidate of batch) {
        outcomes.push(
          await this.admitOne(dialogueId, candidate, ahead).then(
            (ok) => ({ ok }),
            (e: unknown) => ({ error: e }),
          ),
        );
      }
      return outcomes;
    }
  }

  /**
   * The admission transaction for one or more candidates, in their order; it is the current one
   * of the async context, which the repositories and the invitations port use.
   */
  private async admit(
    afterCommit: AfterCommit,
    dialogueId: string,
    candidates: Candidate[],
    { checkAnswers, audience, agendas }: ReadAhead,
  ): Promise<Outcome[]> {
    const lock = this.settings.locking;
    const d = await this.ledger.dialogue(dialogueId, lock);
    if (!d) return candidates.map(() => ({ error: notFound('Dialogue') }));
    const refusal = windowRefusal(d, new Date());
    if (refusal) return candidates.map(() => ({ error: domainRule(refusal.slug, refusal.detail) }));

    const spaceIds = [...new Set(candidates.flatMap((c) => c.spaceIds))].sort();
    const spaces = new Map<string, SpaceRow>(
      (await this.ledger.spaces(dialogueId, spaceIds, lock)).map((s) => [s.id, s]),
    );
    const spaceSeats = new Map<string, SpaceSeats & Pick<SpaceRow, 'name' | 'translations'>>(
      [...spaces.values()].map((s) => [s.id, { ...s, confirmed: s.confirmedCount }]),
    );
    const seats = await this.ledger.dialogueSeats(d);
    // Hybrid dialogues: the online seats, from the row already read (no query).
    const online = d.format === 'hybrid' ? onlineSeats(d) : null;
    // The waiting list's length comes with the addresses when this batch may add to it (a full
    // dialogue, or quotas); the rare batch that waitlists without it reads it below.
    const mayWaitlist =
      !online &&
      (d.confirmedCount + candidates.length > d.capacity || Object.keys(d.stakeholderQuotas ?? {}).length > 0);
    const { taken, waitlisted: waitlistedBefore } = await this.ledger.takenAndWaitlisted(
      dialogueId,
      candidates.map((c) => c.emailNormalized),
      mayWaitlist,
    );
    const invitationIds = candidates.flatMap((c) => (c.invitation ? [c.invitation.id] : []));
    const invitations = new Map((await this.invitations.byIds(invitationIds)).map((i) => [i.id, i]));
    if (!lock && this.settings.unguardedDelayMs) await sleep(this.settings.unguardedDelayMs);

    const outcomes: Outcome[] = [];
    const inserts: NewRegistration[] = [];
    const seatRequests: { registrationId: string; spaceId: string; dialogueId: string; status: RegistrationStatus }[] =
      [];
    const spaceDeltas = new Map<string, number>();
    const usedInvitations: { invitationId: string; registrationId: string }[] = [];
    const emails: RegistrationEmail[] = [];
    const waitlisted: RegistrationCreated[] = [];
    /** Hybrid dialogues: the waiting ones of this batch in the online list (each mode has its own). */
    const waitlistedOnline = new Set<RegistrationCreated>();
    let confirmedDelta = 0;
    let onlineDelta = 0;

    for (const c of candidates) {
      let given: Answers | null;
      try {
        given = checkAnswers(c.dto.stakeholderGroup, c.dto.answers);
      } catch (error) {
        outcomes.push({ error });
        continue;
      }
      if (taken.has(c.emailNormalized)) {
        outcomes.push({
          error: conflict('duplicate-registration', msg('registrations.duplicate')),
        });
        continue;
      }
      const invitation = c.invitation ? (invitations.get(c.invitation.id) ?? null) : null;
      if (
        c.invitation &&
        (!invitation ||
          invitation.status === 'registered' ||
          usedInvitations.some((u) => u.invitationId === invitation.id))
      ) {
        outcomes.push({ error: domainRule('invitation-used', msg('registrations.invitationUsed')) });
        continue;
      }
      const unknown = c.spaceIds.filter((id) => !spaces.has(id));
      if (unknown.length) {
        outcomes.push({
          error: domainRule('unknown-space', msg('registrations.unknownSpace'), [
            { field: 'spaceIds', message: msg('registrations.unknownSpace.field', { ids: unknown.join(', ') }) },
          ]),
        });
        continue;
      }
      const refusals = c.spaceIds
        .map((id) => spaceRefusal(spaces.get(id) as SpaceRow, c.dto.stakeholderGroup, invitation))
        .filter((r): r is Message => !!r);
      if (refusals.length) {
        outcomes.push({
          error: domainRule(
            'space-not-open',
            refusals[0],
            refusals.map((message) => ({ field: 'spaceIds', message })),
          ),
        });
        continue;
      }

      const mode = attendanceFor(d, c.dto.attendance);
      if ('refusal' in mode) {
        const { slug, detail, field } = mode.refusal;
        outcomes.push({ error: domainRule(slug, detail, [{ field, message: 'in_person or online' }]) });
        continue;
      }
      const modeSeats = mode.attendance === 'online' && online ? online : seats;

      const invited = !!invitation;
      const status = admitToDialogue(
        modeSeats,
        { stakeholderGroup: c.dto.stakeholderGroup, invited },
        d.approvalRequired && !c.staffUserId,
      );
      if (status === 'confirmed') {
        if (modeSeats === online) onlineDelta++;
        else confirmedDelta++;
      }
      const seatList = c.spaceIds.map((spaceId) => {
        const space = spaceSeats.get(spaceId) as SpaceSeats & Pick<SpaceRow, 'name' | 'translations'>;
        const spaceStatus: RegistrationStatus = status === 'confirmed' ? admitToSpace(space, { invited }) : status;
        if (status === 'confirmed' && spaceStatus === 'confirmed')
          spaceDeltas.set(spaceId, (spaceDeltas.get(spaceId) ?? 0) + 1);
        return { spaceId, status: spaceStatus, name: space.name, translations: space.translations };
      });
      taken.add(c.emailNormalized);
      if (invitation) usedInvitations.push({ invitationId: invitation.id, registrationId: c.id });
      inserts.push({
        id: c.id,
        dialogueId,
        email: c.dto.email,
        emailNormalized: c.emailNormalized,
        title: c.dto.title ?? null,
        firstName: c.dto.firstName,
        lastName: c.dto.lastName,
        organization: c.dto.organization,
        jobTitle: c.dto.jobTitle ?? null,
        stakeholderGroup: c.dto.stakeholderGroup,
        country: c.dto.country,
        preferredLanguage: c.dto.preferredLanguage,
        accessibilityNeeds: c.dto.accessibilityNeeds ?? null,
        status,
        invitationId: invitation?.id ?? null,
        attendance: mode.attendance,
        byStaff: !!c.staffUserId,
        answers: given,
      });
      for (const s of seatList)
        seatRequests.push({ registrationId: c.id, spaceId: s.spaceId, dialogueId, status: s.status });
      const kind = status === 'confirmed' ? 'confirmation' : status;
      emails.push({
        kind,
        idempotencyKey: `${kind}:${c.id}`,
        recipient: {
          id: c.id,
          email: c.dto.email,
          title: c.dto.title ?? null,
          firstName: c.dto.firstName,
          lastName: c.dto.lastName,
          preferredLanguage: c.dto.preferredLanguage,
          attendance: mode.attendance,
        },
        spaces: seatList.map((s) => ({ name: s.name, status: s.status, translations: s.translations })),
        confirmedSpaceIds: seatList.filter((s) => s.status === 'confirmed').map((s) => s.spaceId),
      });
      const created: RegistrationCreated = {
        id: c.id,
        status,
        spaces: seatList.map((s) => ({ spaceId: s.spaceId, status: s.status })),
      };
      if (status === 'waitlisted') {
        waitlisted.push(created);
        if (modeSeats === online) waitlistedOnline.add(created);
      }
      outcomes.push({ ok: created });
    }

    if (!inserts.length) return outcomes;
    // The place in the waiting list when the answer leaves: the dialogue lock keeps the list as
    // it is until the commit, and this batch's rows come after every row already in it.
    if (waitlisted.length && !online) {
      const before = waitlistedBefore ?? (await this.ledger.waitlistedCount(dialogueId));
      waitlisted.forEach((created, i) => (created.waitlistPosition = before + i + 1));
    } else if (waitlisted.length) {
      const before = await this.ledger.waitlistedByMode(dialogueId);
      for (const created of waitlisted)
        created.waitlistPosition = ++before[waitlistedOnline.has(created) ? 'online' : 'in_person'];
    }
    // The rows and the counters they move in one statement (each one under the lock costs every
    // batch queued behind it a round trip).
    await this.writes.insertRegistrations(inserts, {
      dialogueId,
      dialogueDelta: confirmedDelta,
      spaceDeltas,
      onlineDelta,
    });
    await this.writes.upsertRegistrationSpaces(seatRequests);
    await this.invitations.markRegistered(usedInvitations);
    // A batch's send jobs are added by the worker from one release job (MailQueue.release): per
    // registration, BullMQ's job cost the API about a quarter of its CPU (docs/performance.md).
    await this.mailer.write(afterCommit, d, emails, { byWorker: true, agendas });
    const byStaff = candidates.filter((c) => c.staffUserId && inserts.some((r) => r.id === c.id));
    await this.audit.record(
      byStaff.map((c) => ({
        actorUserId: c.staffUserId as string,
        action: 'registration.created_by_staff' as const,
        entityType: 'registration' as const,
        entityId: c.id,
        dialogueId,
        details: { status: inserts.find((r) => r.id === c.id)?.status ?? 'confirmed' },
      })),
    );
    await this.events.record(
      'registration.created',
      inserts.map((r) => registrationEvent(r, r.status)),
      afterCommit,
      audience,
    );
    return outcomes;
  }
}
