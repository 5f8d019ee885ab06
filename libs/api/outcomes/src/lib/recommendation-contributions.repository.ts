import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { currentManager } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';

/** A published recommendation citing a contribution, with its dialogue's title. */
export interface CitingRow {
  reference: string;
  text: string;
  dialogueTitle: string;
}

/**
 * The only code on `recommendation_contributions` (which contributions a recommendation draws
 * on). Contribution ids are checked through ContributionSources, never by reading `contributions`.
 */
@Injectable()
export class RecommendationContributionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get db() {
    return currentManager(this.dataSource);
  }

  /** Replaces the contributions one recommendation draws on. */
  async replace(dialogueId: string, recommendationId: string, contributionIds: string[]): Promise<void> {
    await this.db.query(`DELETE FROM recommendation_contributions WHERE recommendation_id = $1`, [recommendationId]);
    if (!contributionIds.length) return;
    await this.db.query(
      `INSERT INTO recommendation_contributions (dialogue_id, recommendation_id, contribution_id, position)
       SELECT $1, $2, c.id, c.n FROM unnest($3::uuid[]) WITH ORDINALITY AS c(id, n) ON CONFLICT DO NOTHING`,
      [dialogueId, recommendationId, contributionIds],
    );
  }

  /** Every link of a dialogue's outcome: recommendation id → contribution ids (in the order given). */
  async byDialogue(dialogueId: string): Promise<Map<string, string[]>> {
    const rows: { recommendationId: string; contributionId: string }[] = await this.db.query(
      `SELECT recommendation_id AS "recommendationId", contribution_id AS "contributionId"
         FROM recommendation_contributions WHERE dialogue_id = $1 ORDER BY position`,
      [dialogueId],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.recommendationId, [...(out.get(r.recommendationId) ?? []), r.contributionId]);
    return out;
  }

  async contributionIdsOf(recommendationId: string): Promise<string[]> {
    const rows: { contributionId: string }[] = await this.db.query(
      `SELECT contribution_id AS "contributionId" FROM recommendation_contributions
        WHERE recommendation_id = $1 ORDER BY position`,
      [recommendationId],
    );
    return rows.map((r) => r.contributionId);
  }

  /** The published, not withdrawn recommendations that cite a contribution, by reference. */
  citing(contributionId: string): Promise<CitingRow[]> {
    return this.db.query(
      `SELECT r.reference, r.text, d.title AS "dialogueTitle"
         FROM recommendation_contributions l
         JOIN published_recommendations r ON r.recommendation_id = l.recommendation_id AND NOT r.withdrawn
         JOIN dialogues d ON d.id = r.dialogue_id
        WHERE l.contribution_id = $1 ORDER BY r.reference`,
      [contributionId],
    );
  }
}
