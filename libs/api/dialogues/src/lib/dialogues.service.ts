import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Dialogue,
  DialogueAvailability,
  DialogueStatus,
  InformalSession,
  InformalSessionChange,
  Page,
  Role,
  Theme,
} from '@gfmd/contracts';
import {
  type AuditEntry,
  AuditService,
  badRequest,
  changedFields,
  domainRule,
  FieldError,
  inTransaction,
  notFound,
  ProblemException,
} from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { DialogueHooks } from './dialogue-hooks';
import { CreateDialogueDto, ListDialoguesQuery, UpdateDialogueDto } from './dialogue.dto';
import { DialogueRecord, DialoguesRepository, InformalSessionRecord, ThemeRecord } from './dialogues.repository';
import { CreateInformalSessionDto, UpdateInformalSessionDto } from './informal-session.dto';
import { leadTimeDays, schedulingWarnings } from './lead-time.util';
import { GCM_PROCESS_SLUG, ProcessesRepository } from './processes.repository';

/** Statuses that anonymous visitors may see. */
export const PUBLIC_STATUSES: DialogueStatus[] = ['published', 'registration_closed', 'concluded'];
/** Statuses of dialogues still ahead (a session move concerns them). */
export const ACTIVE_STATUSES: DialogueStatus[] = ['draft', 'published', 'registration_closed'];

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export interface Viewer {
  id: string;
  role: Role;
}

@Injectable()
export class DialoguesService {
  constructor(
    private readonly repo: DialoguesRepository,
    private readonly hooks: DialogueHooks,
    private readonly processes: ProcessesRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  // ── themes and informal sessions ────────────────────────────────────────────────────────

  async listThemes(processId?: string): Promise<Theme[]> {
    return (await this.repo.listThemes(processId)).map(toTheme);
  }

  async listSessions(processId?: string): Promise<InformalSession[]> {
    return (await this.repo.listSessions(processId)).map(toSession);
  }

  /**
   * A new informal session in a process: the one in the path, else `processId` of the body, else
   * the GCM 2017–2018 process (the route's meaning before processes existed).
   */
  async createSession(dto: CreateInformalSessionDto, pathProcessId?: string): Promise<InformalSession> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    assertOrder(startsAt, endsAt);
    return inTransaction(this.dataSource, async () => {
      const processId = await this.processIdFor(pathProcessId, dto.processId);
      await this.assertThemes([dto.themeId], 'themeId');
      if (await this.repo.findSessionByNumber(processId, dto.number)) throw duplicateSession(dto.number);
      const saved = await this.repo.saveSession({ ...dto, processId, startsAt, endsAt }).catch(onDuplicate(dto.number));
      return toSession(saved);
    });
  }

  /**
   * Changes a session; nothing else moves. When its dates change, the answer lists the
   * dialogues ahead of it (not cancelled or concluded) with their lead time and warnings as they
   * are now, so the organizer can choose per dialogue to keep it or shift it.
   */
  async updateSession(id: string, dto: UpdateInformalSessionDto): Promise<InformalSessionChange> {
    return inTransaction(this.dataSource, async () => {
      const session = await this.repo.lockSession(id);
      if (!session) throw notFound('Informal session');
      const next = {
        ...session,
        ...dto,
        startsAt: dto.startsAt ? new Date(dto.startsAt) : session.startsAt,
        endsAt: dto.endsAt ? new Date(dto.endsAt) : session.endsAt,
      };
      assertOrder(next.startsAt, next.endsAt);
      if (dto.processId && dto.processId !== session.processId) await this.processIdFor(undefined, dto.processId);
      if (dto.themeId) await this.assertThemes([dto.themeId], 'themeId');
      if (next.number !== session.number || next.processId !== session.processId) {
        const other = await this.repo.findSessionByNumber(next.processId, next.number);
        if (other && other.id !== session.id) throw duplicateSession(next.number);
      }
      const saved = await this.repo.saveSession(next).catch(onDuplicate(next.number));
      const moved =
        saved.startsAt.getTime() !== session.startsAt.getTime() || saved.endsAt.getTime() !== session.endsAt.getTime();
      const dialogues = moved ? await this.repo.dialoguesOfSessions([saved.id], ACTIVE_STATUSES) : [];
      return {
        ...toSession(saved),
        affectedDialogues: dialogues.map((d) => ({
          id: d.id,
          title: d.title,
          status: d.status,
          startsAt: d.startsAt.toISOString(),
          endsAt: d.endsAt.toISOString(),
          timeZone: d.timeZone,
          leadTimeDays: leadTimeDays(d, saved),
          schedulingWarnings: schedulingWarnings(d, saved),
        })),
      };
    });
  }

  private async processIdFor(pathProcessId: string | undefined, bodyProcessId: string | undefined): Promise<string> {
    if (pathProcessId) {
      if (!(await this.processes.find(pathProcessId))) throw notFound('Process');
      return pathProcessId;
    }
    if (bodyProcessId) {
      if (!(await this.processes.find(bodyProcessId))) {
        throw domainRule('unknown-process', 'The process does not exist.', [
          { field: 'processId', message: 'unknown process' },
        ]);
      }
      return bodyProcessId;
    }
    const gcm = await this.processes.findBySlug(GCM_PROCESS_SLUG);
    if (!gcm) throw domainRule('unknown-process', 'The default process is missing; give processId.');
    return gcm.id;
  }

  // ── dialogues ───────────────────────────────────────────────────────────────────────────

  async list(query: ListDialoguesQuery, viewer?: Viewer): Promise<Page<Dialogue>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    let statuses: DialogueStatus[] | undefined = query.status ? [query.status] : undefined;
    if (!viewer) statuses = (statuses ?? PUBLIC_STATUSES).filter((s) => PUBLIC_STATUSES.includes(s));
    if (statuses && !statuses.length) return { items: [], total: 0, page, pageSize };
    const [rows, total] = await this.repo.listDialogues({
      statuses,
      informalSessionId: query.informalSessionId,
      themeId: query.themeId,
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const sessions = new Map((await this.repo.listSessions()).map((s) => [s.id, s]));
    const items = rows.map((d) => toDialogue(d, sessions.get(d.informalSessionId)));
    return { items: viewer ? items : items.map(withoutOnlineLink), total, page, pageSize };
  }

  /** A dialogue as its viewer may see it: anonymous visitors get 404 for drafts and cancelled. */
  async get(id: string, viewer?: Viewer): Promise<Dialogue> {
    const d = await this.findVisible(id, viewer);
    const dialogue = toDialogue(d, (await this.repo.findSession(d.informalSessionId)) ?? undefined);
    return viewer ? dialogue : withoutOnlineLink(dialogue);
  }

  async findVisible(id: string, viewer?: Viewer): Promise<DialogueRecord> {
    const d = await this.repo.findDialogue(id);
    if (!d || (!viewer && !PUBLIC_STATUSES.includes(d.status))) throw notFound('Dialogue');
    return d;
  }

  /**
   * The dialogues of the public calendar feed: every public one, and those cancelled after they
   * were made public (so a subscribed calendar shows the cancellation), by start time.
   */
  async feed(filter: {
    processId?: string;
    themeId?: string;
  }): Promise<{ dialogue: Dialogue; record: DialogueRecord }[]> {
    const sessions = await this.repo.listSessions(filter.processId);
    if (filter.processId && !sessions.length) return [];
    const byId = new Map(sessions.map((s) => [s.id, s]));
    const rows = await this.repo.feedDialogues({
      informalSessionIds: filter.processId ? [...byId.keys()] : undefined,
      themeId: filter.themeId,
    });
    return rows.map((record) => ({ record, dialogue: toDialogue(record, byId.get(record.informalSessionId)) }));
  }

  /** Dialogues of any status that ended within [from, to), for the retention job: what it needs to warn and erase. */
  async endedBetween(
    from: Date,
    to: Date,
  ): Promise<{ id: string; title: string; endsAt: Date; timeZone: string; createdById: string | null }[]> {
    return (await this.repo.endedBetween(from, to)).map((d) => ({
      id: d.id,
      title: d.title,
      endsAt: d.endsAt,
      timeZone: d.timeZone,
      createdById: d.createdById,
    }));
  }

  /** The titles of some dialogues, whatever their status (for other domains: a person's data export). */
  titles(ids: string[]): Promise<{ id: string; title: string }[]> {
    return this.repo.dialogueTitles(ids);
  }

  async findRecord(id: string): Promise<DialogueRecord> {
    const d = await this.repo.findDialogue(id);
    if (!d) throw notFound('Dialogue');
    return d;
  }

  async create(dto: CreateDialogueDto, viewer: Viewer): Promise<Dialogue> {
    const data = await this.validated(dto, undefined);
    const saved = await inTransaction(this.dataSource, async () => {
      const row = await this.repo.saveDialogue({ ...data, status: 'draft', confirmedCount: 0, createdById: viewer.id });
      await this.audit.record({
        actorUserId: viewer.id,
        action: 'dialogue.created',
        entityType: 'dialogue',
        entityId: row.id,
        dialogueId: row.id,
      });
      return row;
    });
    return toDialogue(saved, (await this.repo.findSession(saved.informalSessionId)) ?? undefined);
  }

  async update(id: string, dto: UpdateDialogueDto, actorUserId: string | null = null): Promise<Dialogue> {
    return this.change(
      id,
      async (before) => {
        if (before.status === 'cancelled' || before.status === 'concluded') {
          throw domainRule('dialogue-closed', `A ${before.status} dialogue cannot be edited.`);
        }
        return this.validated(dto, before);
      },
      { actorUserId, action: 'dialogue.changed' },
    );
  }

  async publish(id: string, actorUserId: string | null = null): Promise<Dialogue> {
    return this.change(
      id,
      async (before) => {
        if (before.status === 'published') return {};
        if (before.status !== 'draft' && before.status !== 'registration_closed') {
          throw domainRule('invalid-transition', `A ${before.status} dialogue cannot be published.`);
        }
        return { status: 'published', firstPublishedAt: before.firstPublishedAt ?? new Date() };
      },
      { actorUserId, action: 'dialogue.published' },
    );
  }

  async cancel(id: string, actorUserId: string | null = null): Promise<Dialogue> {
    return this.change(
      id,
      async (before) => {
        if (before.status === 'cancelled') return {};
        if (before.status === 'concluded')
          throw domainRule('invalid-transition', 'A concluded dialogue cannot be cancelled.');
        return { status: 'cancelled' };
      },
      { actorUserId, action: 'dialogue.cancelled' },
    );
  }

  async closeRegistration(id: string): Promise<Dialogue> {
    return this.change(id, async (before) => {
      if (before.status !== 'published') {
        throw domainRule('invalid-transition', `Registration of a ${before.status} dialogue cannot be closed.`);
      }
      return { status: 'registration_closed' };
    });
  }

  async conclude(id: string): Promise<Dialogue> {
    return this.change(id, async (before) => {
      if (before.status !== 'published' && before.status !== 'registration_closed') {
        throw domainRule('invalid-transition', `A ${before.status} dialogue cannot be concluded.`);
      }
      return { status: 'concluded' };
    });
  }

  /**
   * Applies a change under the dialogue row lock and lets other domains react in the same
   * transaction; `audit` names the audit line written with it (with the changed field names).
   */
  private async change(
    id: string,
    decide: (before: DialogueRecord) => Promise<Partial<DialogueRecord>>,
    audit?: { actorUserId: string | null; action: AuditEntry['action'] },
  ) {
    const after = await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const before = await this.repo.lockDialogue(id);
      if (!before) throw notFound('Dialogue');
      const patch = await decide({ ...before });
      if (!Object.keys(patch).length) return before;
      const saved = await this.repo.saveDialogue({ ...before, ...patch });
      await this.hooks.emit({ before, after: saved, afterCommit });
      if (audit) {
        // firstPublishedAt follows the status (the calendar feed's bookkeeping): not a change of its own.
        const fields = changedFields(before, patch).filter((f) => f !== 'firstPublishedAt');
        if (fields.length) {
          await this.audit.record({
            actorUserId: audit.actorUserId,
            action: audit.action,
            entityType: 'dialogue',
            entityId: id,
            dialogueId: id,
            details: { fields },
          });
        }
      }
      return saved;
    });
    return toDialogue(after, (await this.repo.findSession(after.informalSessionId)) ?? undefined);
  }

  /** Checks a create or a patch against the current record; returns the columns to write. */
  private async validated(
    dto: UpdateDialogueDto,
    current: DialogueRecord | undefined,
  ): Promise<Partial<DialogueRecord>> {
    const date = (v: string | null | undefined, fallback: Date | null | undefined) =>
      v === undefined ? (fallback ?? null) : v === null ? null : new Date(v);
    const startsAt = date(dto.startsAt, current?.startsAt) as Date;
    const endsAt = date(dto.endsAt, current?.endsAt) as Date;
    const opens = date(dto.registrationOpensAt, current?.registrationOpensAt);
    const closes = date(dto.registrationClosesAt, current?.registrationClosesAt);
    const errors: FieldError[] = [];
    if (endsAt.getTime() <= startsAt.getTime())
      errors.push({ field: 'endsAt', message: 'endsAt must be after startsAt' });
    if (opens && closes && closes.getTime() <= opens.getTime()) {
      errors.push({ field: 'registrationClosesAt', message: 'registrationClosesAt must be after registrationOpensAt' });
    }
    if (errors.length) throw badRequest('Some values are inconsistent.', errors);

    const sessionId = dto.informalSessionId ?? current?.informalSessionId;
    if (dto.informalSessionId && !(await this.repo.findSession(dto.informalSessionId))) {
      throw domainRule('unknown-informal-session', 'The informal session does not exist.', [
        { field: 'informalSessionId', message: 'unknown informal session' },
      ]);
    }
    if (dto.themeIds) await this.assertThemes(dto.themeIds, 'themeIds');
    let themeIds = dto.themeIds ?? current?.themeIds;
    if (!themeIds?.length && sessionId && !current) {
      const session = await this.repo.findSession(sessionId);
      themeIds = session ? [session.themeId] : [];
    }
    const out: Partial<DialogueRecord> = {
      startsAt,
      endsAt,
      registrationOpensAt: opens,
      registrationClosesAt: closes,
      themeIds: themeIds ?? [],
    };
    for (const key of [
      'title',
      'summary',
      'informalSessionId',
      'timeZone',
      'venue',
      'format',
      'onlineUrl',
      'capacity',
      'approvalRequired',
      'stakeholderQuotas',
      'languages',
    ] as const) {
      if (dto[key] !== undefined) (out as Record<string, unknown>)[key] = dto[key];
    }
    if (typeof out.title === 'string') out.title = out.title.trim();
    return out;
  }

  private async assertThemes(ids: string[], field: string) {
    const missing = await this.repo.themesExist(ids);
    if (missing.length) {
      throw domainRule('unknown-theme', 'Unknown theme.', [{ field, message: `unknown theme ${missing.join(', ')}` }]);
    }
  }
}

const duplicateSession = (number: number) =>
  new ProblemException(409, 'duplicate-session', `Informal session ${number} exists already in this process.`, [
    { field: 'number', message: 'this number is taken in this process' },
  ]);

/** A unique violation lost to a concurrent request answers as the check would have. */
const onDuplicate =
  (number: number) =>
  (error: { code?: string }): never => {
    if (error.code === '23505') throw duplicateSession(number);
    throw error;
  };

function assertOrder(startsAt: Date, endsAt: Date) {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw badRequest('endsAt must be after startsAt.', [{ field: 'endsAt', message: 'endsAt must be after startsAt' }]);
  }
}

export const toTheme = (t: ThemeRecord): Theme => ({ id: t.id, code: t.code, title: t.title, processId: t.processId });

export const toSession = (s: InformalSessionRecord): InformalSession => ({
  id: s.id,
  processId: s.processId,
  number: s.number,
  title: s.title,
  themeId: s.themeId,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  venue: s.venue,
  timeZone: s.timeZone,
});

/**
 * A dialogue as anonymous visitors see it: without its online link, which only confirmed
 * participants get (their manage page, their emails, their personal .ics).
 */
export function withoutOnlineLink(d: Dialogue): Dialogue {
  const { onlineUrl: _hidden, ...rest } = d;
  return rest;
}

export function toDialogue(d: DialogueRecord, session?: InformalSessionRecord): Dialogue {
  return {
    id: d.id,
    title: d.title,
    summary: d.summary,
    informalSessionId: d.informalSessionId,
    themeIds: d.themeIds,
    startsAt: d.startsAt.toISOString(),
    endsAt: d.endsAt.toISOString(),
    timeZone: d.timeZone,
    venue: d.venue,
    format: d.format,
    onlineUrl: d.onlineUrl,
    capacity: d.capacity,
    registrationOpensAt: iso(d.registrationOpensAt),
    registrationClosesAt: iso(d.registrationClosesAt),
    approvalRequired: d.approvalRequired,
    stakeholderQuotas: d.stakeholderQuotas,
    languages: d.languages,
    status: d.status,
    leadTimeDays: session ? leadTimeDays(d, session) : null,
    schedulingWarnings: session ? schedulingWarnings(d, session) : [],
    confirmedCount: d.confirmedCount,
    placesLeft: Math.max(0, d.capacity - d.confirmedCount),
    availability: availabilityOf(d, new Date()),
    createdAt: d.createdAt?.toISOString(),
    updatedAt: d.updatedAt?.toISOString(),
  };
}

/**
 * Whether registering now would get a place: `not_yet_open` before the window, `closed` when the
 * dialogue is not published or the window has closed, `full` when every place is taken (a new
 * registration joins the waiting list), otherwise `open`. Counts only, no personal data.
 */
export function availabilityOf(
  d: Pick<DialogueRecord, 'status' | 'registrationOpensAt' | 'registrationClosesAt' | 'capacity' | 'confirmedCount'>,
  now: Date,
): DialogueAvailability {
  if (d.status === 'draft') return 'not_yet_open';
  if (d.status !== 'published') return 'closed';
  if (d.registrationOpensAt && now < d.registrationOpensAt) return 'not_yet_open';
  if (d.registrationClosesAt && now >= d.registrationClosesAt) return 'closed';
  return d.confirmedCount >= d.capacity ? 'full' : 'open';
}
