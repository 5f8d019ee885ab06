import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DIALOGUE_TRANSLATED_FIELDS,
  type Dialogue,
  type DialogueStatus,
  type Page,
  type ReaderLanguage,
  type Role,
} from '@gfmd/contracts';
import {
  type AuditEntry,
  AuditService,
  badRequest,
  changedFields,
  domainRule,
  DomainEvents,
  inTransaction,
  mergeTranslations,
  missingTranslations,
  notFound,
  msg,
  t,
  type FieldErrorInput,
} from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { dialogueEventData, dialogueEventOf } from './dialogue-events';
import { DialogueHooks } from './dialogue-hooks';
import { CreateDialogueDto, ListDialoguesQuery, UpdateDialogueDto } from './dialogue.dto';
import { assertThemes, toDialogue, withoutOnlineLink } from './dialogue.mapper';
import { DialogueRecord, DialoguesRepository } from './dialogues.repository';

/** Statuses that anonymous visitors may see. */
export const PUBLIC_STATUSES: DialogueStatus[] = ['published', 'registration_closed', 'concluded'];
/** Statuses of dialogues still ahead (a session move concerns them). */
export const ACTIVE_STATUSES: DialogueStatus[] = ['draft', 'published', 'registration_closed'];

export interface Viewer {
  id: string;
  role: Role;
}

/** Dialogues: lists and views, creation, edits and status transitions under the row lock, with their audit lines. */
@Injectable()
export class DialoguesService {
  constructor(
    private readonly repo: DialoguesRepository,
    private readonly hooks: DialogueHooks,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

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
    const items = rows.map((d) => toDialogue(d, sessions.get(d.informalSessionId), !!viewer));
    return { items: viewer ? items : items.map(withoutOnlineLink), total, page, pageSize };
  }

  /** A dialogue as its viewer may see it: anonymous visitors get 404 for drafts and cancelled. */
  async get(id: string, viewer?: Viewer): Promise<Dialogue> {
    const d = await this.findVisible(id, viewer);
    const dialogue = toDialogue(d, (await this.repo.findSession(d.informalSessionId)) ?? undefined, !!viewer);
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

  /** Title, start, status and process of some dialogues, whatever their status (for other domains: a person's history). */
  summaries(
    ids: string[],
  ): Promise<{ id: string; title: string; startsAt: Date; status: DialogueStatus; processId: string | null }[]> {
    return this.repo.dialogueSummaries(ids);
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
    return toDialogue(saved, (await this.repo.findSession(saved.informalSessionId)) ?? undefined, true);
  }

  async update(id: string, dto: UpdateDialogueDto, actorUserId: string | null = null): Promise<Dialogue> {
    return this.change(
      id,
      async (before) => {
        if (before.status === 'cancelled' || before.status === 'concluded') {
          throw domainRule('dialogue-closed', msg('dialogues.notEditable', { status: before.status }));
        }
        return this.validated(dto, before);
      },
      { actorUserId, action: 'dialogue.changed' },
    );
  }

  /**
   * Publishes; a listed language with missing translations (of the dialogue, its spaces or its
   * agenda: DialogueHooks.missingTranslations) is a warning of the answer, never a refusal.
   */
  async publish(id: string, actorUserId: string | null = null): Promise<Dialogue> {
    const published = await this.change(
      id,
      async (before) => {
        if (before.status === 'published') return {};
        if (before.status !== 'draft' && before.status !== 'registration_closed') {
          throw domainRule('invalid-transition', msg('dialogues.notPublishable', { status: before.status }));
        }
        return { status: 'published', firstPublishedAt: before.firstPublishedAt ?? new Date() };
      },
      { actorUserId, action: 'dialogue.published' },
    );
    const record = await this.findRecord(id);
    const missing = new Set<ReaderLanguage>(
      Object.keys(missingTranslations(record, DIALOGUE_TRANSLATED_FIELDS, record.languages)) as ReaderLanguage[],
    );
    for (const language of await this.hooks.missingTranslations(record)) missing.add(language);
    const languages = record.languages.filter((l) => missing.has(l));
    return {
      ...published,
      warnings: languages.length
        ? [t(msg('dialogues.translationsMissing', { languages: languages.map((l) => l.toUpperCase()).join(', ') }))]
        : [],
    };
  }

  async cancel(id: string, actorUserId: string | null = null): Promise<Dialogue> {
    return this.change(
      id,
      async (before) => {
        if (before.status === 'cancelled') return {};
        if (before.status === 'concluded')
          throw domainRule('invalid-transition', msg('dialogues.concludedNotCancellable'));
        return { status: 'cancelled' };
      },
      { actorUserId, action: 'dialogue.cancelled' },
    );
  }

  async closeRegistration(id: string): Promise<Dialogue> {
    return this.change(id, async (before) => {
      if (before.status !== 'published') {
        throw domainRule('invalid-transition', msg('dialogues.registrationNotClosable', { status: before.status }));
      }
      return { status: 'registration_closed' };
    });
  }

  async conclude(id: string): Promise<Dialogue> {
    return this.change(id, async (before) => {
      if (before.status !== 'published' && before.status !== 'registration_closed') {
        throw domainRule('invalid-transition', msg('dialogues.notConcludable', { status: before.status }));
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
      const event = dialogueEventOf(before, saved);
      if (event) await this.events.record(event, dialogueEventData(saved, before), afterCommit);
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
    return toDialogue(after, (await this.repo.findSession(after.informalSessionId)) ?? undefined, true);
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
    const errors: FieldErrorInput[] = [];
    if (endsAt.getTime() <= startsAt.getTime())
      errors.push({ field: 'endsAt', message: msg('platform.endsBeforeStart.field') });
    if (opens && closes && closes.getTime() <= opens.getTime()) {
      errors.push({ field: 'registrationClosesAt', message: msg('dialogues.closesBeforeOpens.field') });
    }
    if (errors.length) throw badRequest(msg('platform.someInconsistent'), errors);

    const sessionId = dto.informalSessionId ?? current?.informalSessionId;
    if (dto.informalSessionId && !(await this.repo.findSession(dto.informalSessionId))) {
      throw domainRule('unknown-informal-session', msg('dialogues.unknownSession'), [
        { field: 'informalSessionId', message: msg('dialogues.unknownSession.field') },
      ]);
    }
    if (dto.themeIds) await assertThemes(this.repo, dto.themeIds, 'themeIds');
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
      'onlineCapacity',
      'approvalRequired',
      'stakeholderQuotas',
      'languages',
    ] as const) {
      if (dto[key] !== undefined) (out as Record<string, unknown>)[key] = dto[key];
    }
    if (typeof out.title === 'string') out.title = out.title.trim();
    if (dto.translations !== undefined || !current) {
      out.translations = mergeTranslations(current?.translations, dto.translations);
    }
    return out;
  }
}
