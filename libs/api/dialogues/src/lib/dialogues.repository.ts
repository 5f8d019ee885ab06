import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DialogueStatus } from '@gfmd/contracts';
import { EntityManager, Repository } from 'typeorm';
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
  ) {}

  listThemes(): Promise<ThemeRecord[]> {
    return this.themes.find({ order: { code: 'ASC' } });
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
  upsertTheme(code: string, title: string) {
    return this.themes.upsert({ code, title }, { conflictPaths: ['code'] });
  }
  findThemeByCode(code: string) {
    return this.themes.findOne({ where: { code } });
  }

  listSessions(): Promise<InformalSessionRecord[]> {
    return this.sessions.find({ order: { startsAt: 'ASC' } });
  }
  findSession(id: string): Promise<InformalSessionRecord | null> {
    return this.sessions.findOne({ where: { id } });
  }
  findSessionByNumber(number: number): Promise<InformalSessionRecord | null> {
    return this.sessions.findOne({ where: { number } });
  }
  saveSession(data: Partial<InformalSessionEntity>): Promise<InformalSessionRecord> {
    return this.sessions.save(this.sessions.create(data));
  }

  findDialogue(id: string): Promise<DialogueRecord | null> {
    return this.dialogues.findOne({ where: { id } });
  }
  /** Locks the dialogue row for the rest of the caller's transaction. */
  lockDialogue(manager: EntityManager, id: string): Promise<DialogueRecord | null> {
    return manager.getRepository(DialogueEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }
  saveDialogue(data: Partial<DialogueEntity>, manager?: EntityManager): Promise<DialogueRecord> {
    const repo = manager ? manager.getRepository(DialogueEntity) : this.dialogues;
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
  findDialogueByTitle(title: string): Promise<DialogueRecord | null> {
    return this.dialogues.findOne({ where: { title } });
  }
}
