import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (docs/operations.md, "Retention"):
 * - `maintenance_runs`: the last run of each daily job (one row per job name); a replica claims
 *   the day's run by moving `last_run_at` forward in one statement, so one run per day across
 *   every worker replica.
 * - `dialogue_retention`: per dialogue, when its organizers were warned and when its people's
 *   personal data was erased, with the counts kept (by stakeholder group, country, status and
 *   space; no personal data).
 */
export class Retention1765200000702 implements MigrationInterface {
  name = 'Retention1765200000702';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE maintenance_runs (
        name text PRIMARY KEY,
        last_run_at timestamptz NOT NULL
      );
      CREATE TABLE dialogue_retention (
        dialogue_id uuid PRIMARY KEY REFERENCES dialogues(id) ON DELETE CASCADE,
        warned_at timestamptz,
        erased_at timestamptz,
        counts jsonb NOT NULL DEFAULT '{}'
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dialogue_retention; DROP TABLE maintenance_runs');
  }
}
