import { Injectable, OnModuleInit } from '@nestjs/common';
import { RegistrationInvitations } from '@gfmd/api-invitations';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gfmd/api-auth';
import { DialogueChange, DialogueHooks, DialoguesService, toDialogue } from '@gfmd/api-dialogues';
import type { Dialogue, DialogueStats, Page, RegistrationCreated, RegistrationStatus } from '@gfmd/contracts';
import { AfterCommit, domainRule, forbidden, inTransaction, notFound } from '@gfmd/api-platform';
import { DataSource, EntityManager } from 'typeorm';
import { ManageLinks } from './manage-links';
import { CreateRegistrationDto, ListRegistrationsQuery, UpdateManagedRegistrationDto } from './registration.dto';
import { RegistrationView, toRegistration } from './registration.mapper';
import { RegistrationAdmission } from './registration-admission.service';
import { registrationsCsv } from './registrations-csv.util';
import { RegistrationRow, RegistrationSpaceRow, RegistrationsRepository } from './registrations.repository';
import { Notices, SeatKeeper } from './seat-keeper.service';
import { ACTIVE_STATUSES, DialogueSeats, fitsDialogue, spaceRefusal, takeDialogueSeat } from './seat-rules.util';

/** What a manage link shows: the registration, its spaces (with names) and its dialogue. */
export interface ManagedRegistration extends RegistrationView {
  dialogue: Dialogue;
}

/** A registration resolved from its manage token, for other domains (the personal agenda). */
export interface ManagedRegistrationRecord {
  registration: RegistrationView;
  /** Spaces in which the registration holds a confirmed seat. */
  confirmedSpaceIds: string[];
}

const CSV_LIMIT = 100_000;

/**
 * Registrations as staff and participants see them: lists, CSV, stats, approval, check-in and
 * the manage link. Seats only move in transactions that hold the dialogue row lock.
 */
@Injectable()
export class RegistrationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: RegistrationsRepository,
    private readonly links: ManageLinks,
    private readonly seats: SeatKeeper,
    private readonly admission: RegistrationAdmission,
    private readonly hooks: DialogueHooks,
    private readonly dialogues: DialoguesService,
    private readonly invitations: RegistrationInvitations,
  ) {}

  onModuleInit() {
    this.hooks.onChange((change) => this.onDialogueChange(change));
  }

  register(dialogueId: string, dto: CreateRegistrationDto): Promise<RegistrationCreated> {
    return this.admission.register(dialogueId, dto);
  }

  // ── staff ─────────────────────────────────────────────────────────────────────────────────

  /** undefined: every registration; otherwise the spaces a coordinator may see (403 when none). */
  private async scope(dialogueId: string, user: AuthUser): Promise<string[] | undefined> {
    await this.dialogues.findRecord(dialogueId);
    if (user.role !== 'coordinator') return undefined;
    const mine = await this.repo.coordinatedSpaceIds(dialogueId, user.id);
    if (!mine.length) throw forbidden('You coordinate no space of this dialogue.');
    return mine;
  }

  private async views(rows: RegistrationRow[], scope?: string[]): Promise<RegistrationView[]> {
    const spaces = await this.repo.spacesOf(
      undefined,
      rows.map((r) => r.id),
    );
    return rows.map((r) =>
      toRegistration(
        r,
        (spaces.get(r.id) ?? []).filter((s) => !scope || scope.includes(s.spaceId)),
      ),
    );
  }

  async list(dialogueId: string, query: ListRegistrationsQuery, user: AuthUser): Promise<Page<RegistrationView>> {
    const scope = await this.scope(dialogueId, user);
    if (scope && query.spaceId && !scope.includes(query.spaceId)) throw forbidden('You do not coordinate this space.');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const [rows, total] = await this.repo.list({
      dialogueId,
      status: query.status,
      stakeholderGroup: query.stakeholderGroup,
      spaceId: query.spaceId,
      q: query.q || undefined,
      onlySpaceIds: scope,
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: await this.views(rows, scope), total, page, pageSize };
  }

  async csv(dialogueId: string, query: ListRegistrationsQuery, user: AuthUser): Promise<string> {
    const scope = await this.scope(dialogueId, user);
    if (scope && query.spaceId && !scope.includes(query.spaceId)) throw forbidden('You do not coordinate this space.');
    const [rows] = await this.repo.list({
      dialogueId,
      status: query.status,
      stakeholderGroup: query.stakeholderGroup,
      spaceId: query.spaceId,
      q: query.q || undefined,
      onlySpaceIds: scope,
      skip: 0,
      take: CSV_LIMIT,
    });
    return registrationsCsv(await this.views(rows, scope));
  }

  async stats(dialogueId: string, user: AuthUser): Promise<DialogueStats & { confirmedCount: number }> {
    const scope = await this.scope(dialogueId, user);
    const d = await this.dialogues.findRecord(dialogueId);
    const { byStatusGroup, bySpace } = await this.repo.stats(dialogueId, scope);
    const out: DialogueStats & { confirmedCount: number } = {
      byStatus: {},
      byGroup: {},
      bySpace: {},
      capacity: d.capacity,
      confirmedCount: d.confirmedCount,
      quotas: d.stakeholderQuotas,
    };
    for (const row of byStatusGroup) {
      out.byStatus[row.status] = (out.byStatus[row.status] ?? 0) + row.n;
      const group = (out.byGroup[row.g] ??= {});
      group[row.status] = (group[row.status] ?? 0) + row.n;
    }
    for (const row of bySpace) (out.bySpace[row.spaceId] ??= {})[row.status] = row.n;
    return out;
  }

  /** The registration a staff member acts on; coordinators only reach those in their spaces (404 otherwise). */
  private async target(id: string, user: AuthUser): Promise<{ reg: RegistrationRow; scope?: string[] }> {
    const reg = await this.repo.byId(undefined, id);
    if (!reg || reg.erasedAt) throw notFound('Registration');
    if (user.role !== 'coordinator') return { reg };
    const scope = await this.repo.coordinatedSpaceIds(reg.dialogueId, user.id);
    const rows = (await this.repo.spacesOf(undefined, [id])).get(id) ?? [];
    if (!rows.some((r) => scope.includes(r.spaceId))) throw notFound('Registration');
    return { reg, scope };
  }

  async view(id: string, user: AuthUser): Promise<RegistrationView> {
    const { reg, scope } = await this.target(id, user);
    const [view] = await this.views([reg], scope);
    return view;
  }

  async approve(id: string, user: AuthUser, spaceId?: string): Promise<RegistrationView> {
    const { reg: found, scope } = await this.target(id, user);
    await inTransaction(this.dataSource, async (m, afterCommit) => {
      const d = await this.seats.lockDialogue(m, found.dialogueId);
      const reg = (await this.repo.byId(m, id)) as RegistrationRow;
      const rows = (await this.repo.spacesOf(m, [id])).get(id) ?? [];
      const notices = new Notices();
      if (!spaceId && !scope && reg.status === 'pending') {
        const seats: DialogueSeats = {
          capacity: d.capacity,
          confirmed: d.confirmedCount,
          quotas: d.stakeholderQuotas,
          groupConfirmed: d.stakeholderQuotas ? await this.repo.groupConfirmed(m, d.id) : {},
        };
        const candidate = { stakeholderGroup: reg.stakeholderGroup, invited: !!reg.invitationId };
        if (fitsDialogue(seats, candidate)) {
          takeDialogueSeat(seats, candidate);
          await this.repo.setStatus(m, [id], 'confirmed');
          await this.repo.bumpCounts(m, d.id, 1, new Map());
          await this.seats.allocateSpaces(m, d.id, [reg], notices);
          notices.forRegistration(id, 'approved');
        } else {
          await this.repo.setStatus(m, [id], 'waitlisted');
          await this.repo.setSpaceStatuses(
            m,
            rows
              .filter((r) => r.status === 'pending')
              .map((r) => ({ registrationId: id, spaceId: r.spaceId, status: 'waitlisted' })),
          );
          notices.forRegistration(id, 'waitlisted');
        }
      } else {
        const targets = this.seatTargets(rows, scope, spaceId).filter((r) => r.status === 'pending');
        if (reg.status === 'pending') {
          throw domainRule('registration-pending', 'The registration itself awaits approval by an organizer first.');
        }
        if (reg.status !== 'confirmed' || !targets.length) {
          throw domainRule('nothing-to-approve', 'There is no pending seat to approve.');
        }
        await this.repo.setSpaceStatuses(
          m,
          targets.map((r) => ({ registrationId: id, spaceId: r.spaceId, status: 'waitlisted' })),
        );
        await this.seats.fillSpaces(
          m,
          d.id,
          targets.map((r) => r.spaceId),
          notices,
        );
        const after = (await this.repo.spacesOf(m, [id])).get(id) ?? [];
        for (const t of targets) {
          const now = after.find((r) => r.spaceId === t.spaceId);
          notices.replaceSpace(id, t.spaceId, now?.status === 'confirmed' ? 'approved' : 'waitlisted');
        }
      }
      await this.seats.notify(m, afterCommit, d.id, notices);
    });
    return this.view(id, user);
  }

  async decline(id: string, user: AuthUser, spaceId?: string): Promise<RegistrationView> {
    const { reg: found, scope } = await this.target(id, user);
    await inTransaction(this.dataSource, async (m, afterCommit) => {
      const d = await this.seats.lockDialogue(m, found.dialogueId);
      const reg = (await this.repo.byId(m, id)) as RegistrationRow;
      const rows = (await this.repo.spacesOf(m, [id])).get(id) ?? [];
      const notices = new Notices();
      if (!spaceId && !scope) {
        if (!ACTIVE_STATUSES.includes(reg.status)) {
          throw domainRule('invalid-transition', `A ${reg.status} registration cannot be declined.`);
        }
        await this.seats.release(m, reg, 'declined', notices, { notify: true });
      } else {
        const targets = this.seatTargets(rows, scope, spaceId).filter((r) => ACTIVE_STATUSES.includes(r.status));
        if (!targets.length) throw domainRule('nothing-to-decline', 'There is no active seat request to decline.');
        for (const t of targets) {
          await this.seats.releaseSpace(m, reg, t.spaceId, 'declined', notices);
          notices.replaceSpace(id, t.spaceId, 'declined');
        }
      }
      await this.seats.notify(m, afterCommit, d.id, notices);
    });
    return this.view(id, user);
  }

  /** The seat requests a staff member acts on: one space (checked against a coordinator's spaces) or all they may. */
  private seatTargets(
    rows: RegistrationSpaceRow[],
    scope: string[] | undefined,
    spaceId?: string,
  ): RegistrationSpaceRow[] {
    if (spaceId) {
      const row = rows.find((r) => r.spaceId === spaceId);
      if (!row) throw notFound('Space request');
      if (scope && !scope.includes(spaceId)) throw forbidden('You do not coordinate this space.');
      return [row];
    }
    return rows.filter((r) => !scope || scope.includes(r.spaceId));
  }

  async checkIn(id: string, user: AuthUser): Promise<RegistrationView> {
    const { reg, scope } = await this.target(id, user);
    if (reg.status !== 'confirmed')
      throw domainRule('not-confirmed', `A ${reg.status} registration cannot be checked in.`);
    if (scope) {
      const rows = (await this.repo.spacesOf(undefined, [id])).get(id) ?? [];
      if (!rows.some((r) => scope.includes(r.spaceId) && r.status === 'confirmed')) {
        throw domainRule('not-confirmed', 'This person holds no confirmed seat in your spaces.');
      }
    }
    await this.repo.checkIn(id);
    return this.view(id, user);
  }

  // ── the manage link ───────────────────────────────────────────────────────────────────────

  /**
   * Resolves a manage token to its registration and confirmed spaces, or 404 (unknown,
   * malformed, used up by a cancellation, or erased). For the personal agenda.
   */
  async resolveManageToken(token: string): Promise<ManagedRegistrationRecord> {
    const reg = await this.links.resolve(token);
    if (!reg) throw notFound('Registration');
    // Holding the token proves the address receives our mail: later emails may go to it.
    if (!reg.emailConfirmedAt) await this.repo.confirmEmail(reg.id);
    const [registration] = await this.views([reg]);
    return {
      registration,
      confirmedSpaceIds:
        reg.status === 'confirmed'
          ? registration.spaces.filter((s) => s.status === 'confirmed').map((s) => s.spaceId)
          : [],
    };
  }

  async manageView(token: string): Promise<ManagedRegistration> {
    const { registration } = await this.resolveManageToken(token);
    return this.withDialogue(registration);
  }

  private async withDialogue(registration: RegistrationView): Promise<ManagedRegistration> {
    const d = await this.dialogues.findRecord(registration.dialogueId);
    return { ...registration, dialogue: toDialogue(d) };
  }

  async manageUpdate(token: string, dto: UpdateManagedRegistrationDto): Promise<ManagedRegistration> {
    const { registration } = await this.resolveManageToken(token);
    const id = registration.id;
    await inTransaction(this.dataSource, async (m, afterCommit) => {
      const d = await this.seats.lockDialogue(m, registration.dialogueId);
      const reg = (await this.repo.byId(m, id)) as RegistrationRow;
      if (!ACTIVE_STATUSES.includes(reg.status)) {
        throw domainRule('invalid-transition', `A ${reg.status} registration cannot be changed.`);
      }
      if (d.status === 'cancelled' || d.status === 'concluded') {
        throw domainRule('dialogue-closed', `The dialogue is ${d.status}; the registration cannot be changed.`);
      }
      const { spaceIds, ...details } = dto;
      await this.repo.updateDetails(m, id, details);
      const notices = new Notices();
      if (spaceIds) await this.changeSpaces(m, reg, [...new Set(spaceIds)].sort(), notices);
      notices.drop(id);
      await this.seats.notify(m, afterCommit, d.id, notices);
    });
    const reg = (await this.repo.byId(undefined, id)) as RegistrationRow;
    return this.withDialogue((await this.views([reg]))[0]);
  }

  /** Replaces the set of spaces a participant asked for: drops freed seats to the next in line, queues new requests. */
  private async changeSpaces(
    m: EntityManager,
    reg: RegistrationRow,
    wanted: string[],
    notices: Notices,
  ): Promise<void> {
    const rows = (await this.repo.spacesOf(m, [reg.id])).get(reg.id) ?? [];
    const active = rows.filter((r) => ACTIVE_STATUSES.includes(r.status));
    const removed = active.filter((r) => !wanted.includes(r.spaceId));
    const added = wanted.filter((id) => !active.some((r) => r.spaceId === id));
    if (!removed.length && !added.length) return;
    const involved = [...new Set([...rows.map((r) => r.spaceId), ...wanted])].sort();
    const spaces = new Map((await this.repo.spaces(m, reg.dialogueId, involved, true)).map((s) => [s.id, s]));
    const unknown = added.filter((id) => !spaces.has(id));
    if (unknown.length) {
      throw domainRule('unknown-space', 'A chosen space does not belong to this dialogue.', [
        { field: 'spaceIds', message: `unknown space ${unknown.join(', ')}` },
      ]);
    }
    const declined = added.filter((id) => rows.some((r) => r.spaceId === id && r.status === 'declined'));
    if (declined.length) {
      throw domainRule('space-declined', 'A seat request in this space was declined by its coordinator.', [
        { field: 'spaceIds', message: `declined in ${declined.join(', ')}` },
      ]);
    }
    const [invitation] = reg.invitationId ? await this.invitations.byIds(m, [reg.invitationId]) : [];
    const refusals = added
      .map((id) =>
        spaceRefusal(
          spaces.get(id) as NonNullable<ReturnType<typeof spaces.get>>,
          reg.stakeholderGroup,
          invitation ?? null,
        ),
      )
      .filter((r): r is string => !!r);
    if (refusals.length) {
      throw domainRule(
        'space-not-open',
        refusals[0],
        refusals.map((message) => ({ field: 'spaceIds', message })),
      );
    }
    for (const r of removed) await this.seats.releaseSpace(m, reg, r.spaceId, 'cancelled', notices);
    if (!added.length) return;
    await this.repo.upsertRegistrationSpaces(
      m,
      added.map((spaceId) => {
        const space = spaces.get(spaceId);
        let status: RegistrationStatus = reg.status;
        if (reg.status === 'confirmed')
          status = space?.access === 'approval' && !reg.invitationId ? 'pending' : 'waitlisted';
        return { registrationId: reg.id, spaceId, dialogueId: reg.dialogueId, status };
      }),
    );
    if (reg.status === 'confirmed') await this.seats.fillSpaces(m, reg.dialogueId, added, notices);
  }

  /** Cancels through the manage link; the token is used up (later calls get 404). */
  async manageCancel(token: string): Promise<ManagedRegistration> {
    const { registration } = await this.resolveManageToken(token);
    const id = registration.id;
    await inTransaction(this.dataSource, async (m, afterCommit) => {
      await this.seats.lockDialogue(m, registration.dialogueId);
      const reg = (await this.repo.byId(m, id)) as RegistrationRow;
      if (!ACTIVE_STATUSES.includes(reg.status)) {
        throw domainRule('invalid-transition', `A ${reg.status} registration cannot be cancelled.`);
      }
      const notices = new Notices();
      await this.seats.release(m, reg, 'cancelled', notices, { notify: true, clearToken: true });
      await this.seats.notify(m, afterCommit, reg.dialogueId, notices);
    });
    const reg = (await this.repo.byId(undefined, id)) as RegistrationRow;
    return this.withDialogue((await this.views([reg]))[0]);
  }

  /**
   * For the spaces domain: after a space's capacity was raised (or its access relaxed), gives
   * the freed seats to the people waiting for that space, with `promoted` emails. Call it in the
   * same transaction, after locking the dialogue row and then the space row (the lock order
   * used everywhere).
   */
  async fillSpace(m: EntityManager, afterCommit: AfterCommit, dialogueId: string, spaceId: string): Promise<void> {
    const notices = new Notices();
    await this.seats.fillSpaces(m, dialogueId, [spaceId], notices);
    await this.seats.notify(m, afterCommit, dialogueId, notices);
  }

  // ── reacting to dialogue changes (inside the dialogue's transaction, under its lock) ──────

  private async onDialogueChange({ before, after, manager: m, afterCommit }: DialogueChange): Promise<void> {
    const notices = new Notices();
    if (after.status === 'cancelled' && before.status !== 'cancelled') {
      const active = await this.repo.activeInDialogue(m, after.id);
      await this.repo.cancelAllInDialogue(m, after.id);
      await this.repo.setDialogueCountsToZero(m, after.id);
      notices.reason = 'dialogue_cancelled';
      for (const r of active) notices.forRegistration(r.id, 'cancelled');
    } else if (
      after.capacity > before.capacity ||
      JSON.stringify(after.stakeholderQuotas ?? null) !== JSON.stringify(before.stakeholderQuotas ?? null) ||
      (after.status === 'published' && before.status !== 'published')
    ) {
      await this.seats.fillDialogue(m, after.id, notices);
    }
    await this.seats.notify(m, afterCommit, after.id, notices);
  }
}
