import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The published recommendations newest first (the search page and the console without a query):
 * the page read in index order and counted by an index-only scan, instead of ranking and sorting
 * every published recommendation for each page (docs/performance.md, "A whole process on one
 * database"). Withdrawn ones are never listed, so they are left out of the index.
 */
export class RecommendationsRecentIndex1765400000502 implements MigrationInterface {
  name = 'RecommendationsRecentIndex1765400000502';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX published_recommendations_recent_idx ON published_recommendations (first_published_at DESC, reference)
         WHERE NOT withdrawn`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX published_recommendations_recent_idx`);
  }
}
