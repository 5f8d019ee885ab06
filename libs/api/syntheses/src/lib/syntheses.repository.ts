import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentTranslations, SynthesisSection, SynthesisStatus, SynthesisTarget } from '@gfmd/contracts';
import { currentManager } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';

/** What the public reads once published: frozen at publication (the recommendations are read live by reference). */
export interface PublishedSnapshot {
  introduction: string;
  /** The introduction in other languages (English is the source); absent in snapshots published before. */
  translations?: ContentTranslations<'introduction'>;
  dueAt: string;
  dueAtSet: boolean;
  sections: SynthesisSection[];
}

export interface SynthesisRecord {
  id: string;
  informalSessionId: string | null;
  milestoneId: string | null;
  introduction: string;
  /** The introduction in other languages than English (docs/i18n.md). */
  translations: ContentTranslations<'introduction'>;
  /** null: the default (7 days before the start). */
  dueAt: Date | null;
  status: SynthesisStatus;
  version: number;
  sections: SynthesisSection[];
  publishedVersion: number | null;
  publishedAt: Date | null;
  publishedSnapshot: PublishedSnapshot | null;
}

const COLUMNS = `id, informal_session_id AS "informalSessionId", milestone_id AS "milestoneId", introduction,
  due_at AS "dueAt", status, version, sections, published_version AS "publishedVersion",
  published_at AS "publishedAt", published_snapshot AS "publishedSnapshot", translations`;

const column = (target: SynthesisTarget) => (target === 'informal-sessions' ? 'informal_session_id' : 'milestone_id');

/** The only SQL on `syntheses`. */
@Injectable()
export class SynthesesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get db() {
    return currentManager(this.dataSource);
  }

  async find(target: SynthesisTarget, targetId: string): Promise<SynthesisRecord | null> {
    const rows = await this.db.query<SynthesisRecord[]>(
      `SELECT ${COLUMNS} FROM syntheses WHERE ${column(target)} = $1`,
      [targetId],
    );
    return rows[0] ?? null;
  }

  /**
   * The synthesis of a target, held for the rest of the current transaction; an empty draft
   * (version 0) is made first when there is none, so two first saves meet on the same row lock.
   */
  async lock(target: SynthesisTarget, targetId: string): Promise<SynthesisRecord> {
    await this.db.query(`INSERT INTO syntheses (${column(target)}) VALUES ($1) ON CONFLICT DO NOTHING`, [targetId]);
    const rows = await this.db.query<SynthesisRecord[]>(
      `SELECT ${COLUMNS} FROM syntheses WHERE ${column(target)} = $1 FOR UPDATE`,
      [targetId],
    );
    return rows[0];
  }

  async save(s: SynthesisRecord): Promise<void> {
    await this.db.query(
      `UPDATE syntheses SET introduction = $2, due_at = $3, status = $4, version = $5, sections = $6::jsonb,
         published_version = $7, published_at = $8, published_snapshot = $9::jsonb, translations = $10::jsonb,
         updated_at = now()
       WHERE id = $1`,
      [
        s.id,
        s.introduction,
        s.dueAt,
        s.status,
        s.version,
        JSON.stringify(s.sections),
        s.publishedVersion,
        s.publishedAt,
        s.publishedSnapshot ? JSON.stringify(s.publishedSnapshot) : null,
        JSON.stringify(s.translations ?? {}),
      ],
    );
  }

  /** The syntheses of some sessions and milestones (the timeline's due dates). */
  async listFor(sessionIds: string[], milestoneIds: string[]): Promise<SynthesisRecord[]> {
    if (!sessionIds.length && !milestoneIds.length) return [];
    return this.db.query<SynthesisRecord[]>(
      `SELECT ${COLUMNS} FROM syntheses WHERE informal_session_id = ANY($1::uuid[]) OR milestone_id = ANY($2::uuid[])`,
      [sessionIds, milestoneIds],
    );
  }
}
