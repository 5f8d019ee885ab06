import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which written contributions a recommendation draws on (docs/documents.md, "Contributions and
 * recommendations"). Owned by the outcomes domain; `recommendation_id` is the stable id of a
 * recommendation in its outcome (and of its published row). Erasing a contribution drops its links.
 */
export class RecommendationContributions1765300000401 implements MigrationInterface {
  name = 'RecommendationContributions1765300000401';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recommendation_contributions (
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        recommendation_id uuid NOT NULL,
        contribution_id uuid NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
        position integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (recommendation_id, contribution_id)
      );
      CREATE INDEX recommendation_contributions_dialogue_idx ON recommendation_contributions (dialogue_id);
      CREATE INDEX recommendation_contributions_contribution_idx ON recommendation_contributions (contribution_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recommendation_contributions`);
  }
}
