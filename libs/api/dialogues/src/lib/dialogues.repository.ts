import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { currentManager } from '@gfmd/api-platform';
import type { DialogueStatus, FieldTranslations } from '@gfmd/contracts';
import { DataSource, Repository } from 'typeorm';
import { DialogueEntity } from './dialogue.entity';
import { InformalSessionEntity } from './informal-session.entity';
import { ThemeEntity } from './theme.entity';

export type DialogueRecord = DialogueEntity;
export type InformalSessionRecord = InformalSessionEntity;
export type ThemeRecord = ThemeEntity;

export interface DialogueFilter {
  statuses?: DialogueStatus[];
  informalSessionId?: string;
  themeId?: string;
  skip: number;
  take: number;
}

/** The only place that queries themes, informal sessions and dialogues. */
@Injectable()
export class DialoguesRepository {
  constructor(
    @InjectRepository(DialogueEntity) private readonly dialogues: Repository<DialogueEntity>,
    @InjectRepository(InformalSessionEntity) private readonly sessions: Repository<InformalSessionEntity>,
    @InjectRepository(ThemeEntity) private readonly themes: Repository<ThemeEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Every theme, or a process's own themes and the shared ones (processId null). */
  listThemes(processId?: string): Promise<ThemeRecord[]> {
    const qb = this.themes.createQueryBuilder('t');
    if (processId) qb.where('(t.process_id = :pid OR t.process_id IS NULL)', { pid: processId });
    return qb.orderBy('t.code', 'ASC').getMany();
  }
  findTheme(id: string): Promise<ThemeRecord | null> {
    return currentManager(this.dataSource).getRepository(ThemeEntity).findOne({ where: { id } });
  }
  saveTheme(data: Partial<ThemeEntity>): Promise<ThemeRecord> {
    const repo = currentManager(this.dataSource).getRepository(ThemeEntity);
    return repo.save(repo.create(data));
  }
  async themesExist(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const found = await this.themes
      .createQueryBuilder('t')
      .select('t.id', 'id')
      .where('t.id = ANY(:ids)', { ids })
      .getRawMany<{ id: string }>();
    const have = new Set(found.map((r) => r.id));
    return ids.filter((id) => !have.has(id));
  }
  upsertTheme(code: string, title: string, processId: string | null) {
    return this.themes.upsert({ code, title, processId }, { conflictPaths: ['code'] });
  }
  /** Seeded translations of a theme and of its process's session of that number, where they have none yet. */
  async seedThemeAndSessionTranslations(
    processId: string,
    code: string,
    number: number,
    translations: FieldTranslations,
  ): Promise<void> {
    const m = currentManager(this.dataSource);
    const json = JSON.stringify(translations);
    await m.query(`UPDATE themes SET translations = $2::jsonb WHERE code = $1 AND translations = '{}'::jsonb`, [
      code,
      json,
    ]);
    await m.query(
      `UPDATE informal_sessions SET translations = $3::jsonb
        WHERE process_id = $1 AND number = $2 AND translations = '{}'::jsonb`,
      [processId, number, json],
    );
  }
  findThemeByCode(code: string) {
    return currentManager(this.dataSource).getRepository(ThemeEntity).findOne({ where: { code } });
  }

  listSessions(processId?: string): Promise<InformalSessionRecord[]> {
    return this.sessions.find({ where: processId ? { processId } : {}, order: { startsAt: 'ASC', number: 'ASC' } });
  }
  findSession(id: string): Promise<InformalSessionRecord | null> {
    return currentManager(this.dataSource).getRepository(InformalSessionEntity).findOne({ where: { id } });
  }
  /** Locks the session row for the rest of the caller's transaction. */
  lockSession(id: string): Promise<InformalSessionRecord | null> {
    return currentManager(this.dataSource)
      .getRepository(InformalSessionEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }
  findSessionByNumber(processId: string, number: number): Promise<InformalSessionRecord | null> {
    return currentManager(this.dataSource)
      .getRepository(InformalSessionEntity)
      .findOne({ where: { processId, number } });
  }
  saveSession(data: Partial<InformalSessionEntity>): Promise<InformalSessionRecord> {
    const repo = currentManager(this.dataSource).getRepository(InformalSessionEntity);
    return repo.save(repo.create(data));
  }
  /** The dialogues ahead of the given informal sessions (optionally only in some statuses), in time order. */
  dialoguesOfSessions(sessionIds: string[], statuses?: DialogueStatus[]): Promise<DialogueRecord[]> {
    if (!sessionIds.length) return Promise.resolve([]);
    const qb = currentManager(this.dataSource)
      .getRepository(DialogueEntity)
      .createQueryBuilder('d')
      .where('d.informal_session_id = ANY(:ids)', { ids: sessionIds });
    if (statuses) qb.andWhere('d.status IN (:...statuses)', { statuses });
    return qb.orderBy('d.starts_at', 'ASC').addOrderBy('d.id', 'ASC').getMany();
  }

  findDialogue(id: string): Promise<DialogueRecord | null> {
    return currentManager(this.dataSource).getRepository(DialogueEntity).findOne({ where: { id } });
  }
  /** The titles of some dialogues (a person's data export). */
  dialogueTitles(ids: string[]): Promise<{ id: string; title: string }[]> {
    if (!ids.length) return Promise.resolve([]);
    return currentManager(this.dataSource).query('SELECT id, title FROM dialogues WHERE id = ANY($1::uuid[])', [ids]);
  }
  dialogueSummaries(
    ids: string[],
  ): Promise<{ id: string; title: string; startsAt: Date; status: DialogueStatus; processId: string | null }[]> {
    if (!ids.length) return Promise.resolve([]);
    return currentManager(this.dataSource).query(
      `SELECT d.id, d.title, d.starts_at AS "startsAt", d.status, s.process_id AS "processId"
         FROM dialogues d LEFT JOIN informal_sessions s ON s.id = d.informal_session_id
        WHERE d.id = ANY($1::uuid[])`,
      [ids],
    );
  }
  /** Locks the dialogue row for the rest of the caller's (current) transaction. */
  lockDialogue(id: string): Promise<DialogueRecord | null> {
    return currentManager(this.dataSource)
      .getRepository(DialogueEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }
  saveDialogue(data: Partial<DialogueEntity>): Promise<DialogueRecord> {
    const repo = currentManager(this.dataSource).getRepository(DialogueEntity);
    return repo.save(repo.create(data));
  }
  async listDialogues(filter: DialogueFilter): Promise<[DialogueRecord[], number]> {
    const qb = this.dialogues.createQueryBuilder('d');
    if (filter.statuses) qb.andWhere('d.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.informalSessionId) qb.andWhere('d.informal_session_id = :sid', { sid: filter.informalSessionId });
    if (filter.themeId) qb.andWhere(':tid = ANY(d.theme_ids)', { tid: filter.themeId });
    return qb
      .orderBy('d.starts_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .skip(filter.skip)
      .take(filter.take)
      .getManyAndCount();
  }
  /** Dialogues (any status) that ended within [from, to), by end (retention). */
  endedBetween(from: Date, to: Date): Promise<DialogueRecord[]> {
    return this.dialogues
      .createQueryBuilder('d')
      .where('d.ends_at >= :from AND d.ends_at < :to', { from, to })
      .orderBy('d.ends_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getMany();
  }

  /** Public dialogues and those cancelled after publication (the calendar feed), by start. */
  feedDialogues(filter: { informalSessionIds?: string[]; themeId?: string }): Promise<DialogueRecord[]> {
    const qb = this.dialogues
      .createQueryBuilder('d')
      .where(
        "(d.status IN ('published', 'registration_closed', 'concluded') OR (d.status = 'cancelled' AND d.first_published_at IS NOT NULL))",
      );
    if (filter.informalSessionIds)
      qb.andWhere('d.informal_session_id IN (:...sids)', { sids: filter.informalSessionIds });
    if (filter.themeId) qb.andWhere(':tid = ANY(d.theme_ids)', { tid: filter.themeId });
    return qb.orderBy('d.starts_at', 'ASC').addOrderBy('d.id', 'ASC').limit(5000).getMany();
  }
  findDialogueByTitle(title: string): Promise<DialogueRecord | null> {
    return this.dialogues.findOne({ where: { title } });
  }
}
