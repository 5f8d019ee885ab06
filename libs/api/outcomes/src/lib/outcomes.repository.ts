import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ContentTranslations,
  Outcome,
  OutcomeStatus,
  OutcomeTranslatedField,
  Recommendation,
} from '@gfmd/contracts';
import { currentManager } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';

/** A recommendation of the working copy: its number in the dialogue is never reused. */
export interface StoredRecommendation extends Recommendation {
  number: number;
}

export interface OutcomeRecord {
  dialogueId: string;
  summary: string;
  /**
   * The summary and the key messages (`keyMessages.0`…) in other languages than the source
   * (docs/i18n.md); recommendations keep theirs inside.
   */
  translations: ContentTranslations<OutcomeTranslatedField>;
  keyMessages: string[];
  rapporteurUserIds: string[];
  recommendations: StoredRecommendation[];
  status: OutcomeStatus;
  version: number;
  returnComment: string | null;
  submittedById: string | null;
  publishedVersion: number | null;
  publishedAt: Date | null;
  dialogueNumber: number | null;
  /** `GFMD-<process code>-T<session>-D<dialogue>`, fixed at the first publication. */
  referencePrefix: string | null;
  lastRecommendationNumber: number;
}

export interface OutcomeVersionRecord {
  version: number;
  status: OutcomeStatus;
  snapshot: Outcome;
  savedById: string | null;
  savedAt: Date;
}

const COLUMNS = `dialogue_id AS "dialogueId", summary, key_messages AS "keyMessages",
  rapporteur_user_ids AS "rapporteurUserIds", recommendations, status, version,
  return_comment AS "returnComment", submitted_by_id AS "submittedById",
  published_version AS "publishedVersion", published_at AS "publishedAt",
  dialogue_number AS "dialogueNumber", reference_prefix AS "referencePrefix",
  last_recommendation_number AS "lastRecommendationNumber", translations`;

/** The only SQL on `outcomes`, `outcome_versions` and `reference_counters`. */
@Injectable()
export class OutcomesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get db() {
    return currentManager(this.dataSource);
  }

  /** The outcome; `lock` holds its row for the rest of the current transaction. */
  async find(dialogueId: string, lock = false): Promise<OutcomeRecord | null> {
    const rows = await this.db.query<OutcomeRecord[]>(
      `SELECT ${COLUMNS} FROM outcomes WHERE dialogue_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [dialogueId],
    );
    return rows[0] ?? null;
  }

  /** The outcomes naming this user among their rapporteurs, the last changed first. */
  listByRapporteur(userId: string): Promise<
    (Pick<OutcomeRecord, 'dialogueId' | 'status' | 'version' | 'returnComment' | 'publishedVersion'> & {
      updatedAt: Date;
    })[]
  > {
    return this.db.query(
      `SELECT dialogue_id AS "dialogueId", status, version, return_comment AS "returnComment",
              published_version AS "publishedVersion", updated_at AS "updatedAt"
         FROM outcomes WHERE $1::uuid = ANY(rapporteur_user_ids) ORDER BY updated_at DESC, dialogue_id`,
      [userId],
    );
  }

  async save(o: OutcomeRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO outcomes (dialogue_id, summary, key_messages, rapporteur_user_ids, recommendations, status, version,
         return_comment, submitted_by_id, published_version, published_at, dialogue_number, last_recommendation_number,
         reference_prefix, translations)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb)
       ON CONFLICT (dialogue_id) DO UPDATE SET summary = $2, key_messages = $3, rapporteur_user_ids = $4,
         recommendations = $5::jsonb, status = $6, version = $7, return_comment = $8, submitted_by_id = $9,
         published_version = $10, published_at = $11, dialogue_number = $12, last_recommendation_number = $13,
         reference_prefix = $14, translations = $15::jsonb, updated_at = now()`,
      [
        o.dialogueId,
        o.summary,
        o.keyMessages,
        o.rapporteurUserIds,
        JSON.stringify(o.recommendations),
        o.status,
        o.version,
        o.returnComment,
        o.submittedById,
        o.publishedVersion,
        o.publishedAt,
        o.dialogueNumber,
        o.lastRecommendationNumber,
        o.referencePrefix,
        JSON.stringify(o.translations ?? {}),
      ],
    );
  }

  async addVersion(dialogueId: string, version: number, snapshot: Outcome, savedById: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO outcome_versions (dialogue_id, version, status, snapshot, saved_by_id) VALUES ($1, $2, $3, $4::jsonb, $5)`,
      [dialogueId, version, snapshot.status, JSON.stringify(snapshot), savedById],
    );
  }

  listVersions(dialogueId: string): Promise<Omit<OutcomeVersionRecord, 'snapshot'>[]> {
    return this.db.query(
      `SELECT version, status, saved_by_id AS "savedById", saved_at AS "savedAt"
         FROM outcome_versions WHERE dialogue_id = $1 ORDER BY version`,
      [dialogueId],
    );
  }

  async findVersion(dialogueId: string, version: number): Promise<OutcomeVersionRecord | null> {
    const rows = await this.db.query<OutcomeVersionRecord[]>(
      `SELECT version, status, snapshot, saved_by_id AS "savedById", saved_at AS "savedAt"
         FROM outcome_versions WHERE dialogue_id = $1 AND version = $2`,
      [dialogueId, version],
    );
    return rows[0] ?? null;
  }

  /** The latest version saved as a submission before `before` (the reviewer's "since last time"). */
  async lastSubmissionBefore(dialogueId: string, before: number): Promise<number | null> {
    const [row] = await this.db.query<{ v: number | null }[]>(
      `SELECT max(version) AS v FROM outcome_versions WHERE dialogue_id = $1 AND status = 'submitted' AND version < $2`,
      [dialogueId, before],
    );
    return row?.v ?? null;
  }

  /** The next value of a counter that never goes back (1 the first time). */
  async nextCounter(scope: string): Promise<number> {
    const [row] = await this.db.query<{ last: number }[]>(
      `INSERT INTO reference_counters (scope, last) VALUES ($1, 1)
       ON CONFLICT (scope) DO UPDATE SET last = reference_counters.last + 1 RETURNING last`,
      [scope],
    );
    return row.last;
  }
}
