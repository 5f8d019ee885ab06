import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A whole process on one database (issue 20; docs/performance.md, "A whole process on one
 * database"), each index for a query that read the whole dialogue or outbox:
 * - the registrations' free-text filter (address, name, organization) by trigrams (pg_trgm,
 *   PostgreSQL contrib): `ILIKE '%word%'` answered from a GIN index instead of a scan of the
 *   dialogue; the expression is REGISTRATION_SEARCH_TEXT, character for character;
 * - a dialogue's stats (counts by status, group and attendance) by an index-only scan;
 * - the outbox list newest first and its keyset pages: `(created_at, id)` in one direction, so
 *   `ORDER BY created_at DESC, id DESC` is a backward scan and `(created_at, id) < (…)` an index
 *   condition (the former `(created_at DESC, id)` sorted ties and could not seek); the same per
 *   dialogue. The old index is replaced, not kept beside (one more index on every outbox write);
 * - the outbox list by an unsent status (failed, pending, …: the admin's usual filter), newest
 *   first, from a partial index over the unsent rows only — small, whatever the sent rows — instead
 *   of walking every sent row between two failed ones.
 */
export class ProcessScaleIndexes1765400000501 implements MigrationInterface {
  name = 'ProcessScaleIndexes1765400000501';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(
      `CREATE INDEX registrations_search_trgm_idx ON registrations
         USING gin ((email_normalized || ' ' || first_name || ' ' || last_name || ' ' || organization) gin_trgm_ops)`,
    );
    await q.query(
      `CREATE INDEX registrations_stats_idx ON registrations (dialogue_id, status, stakeholder_group) INCLUDE (attendance)`,
    );
    await q.query(`CREATE INDEX outbound_emails_created_id_idx ON outbound_emails (created_at, id)`);
    await q.query(`DROP INDEX outbound_emails_created_idx`);
    await q.query(
      `CREATE INDEX outbound_emails_dialogue_created_idx ON outbound_emails (dialogue_id, created_at, id) WHERE dialogue_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX outbound_emails_unsent_created_idx ON outbound_emails (status, created_at, id) WHERE status <> 'sent'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbound_emails_unsent_created_idx`);
    await q.query(`DROP INDEX outbound_emails_dialogue_created_idx`);
    await q.query(`CREATE INDEX outbound_emails_created_idx ON outbound_emails (created_at DESC, id)`);
    await q.query(`DROP INDEX outbound_emails_created_id_idx`);
    await q.query(`DROP INDEX registrations_stats_idx`);
    await q.query(`DROP INDEX registrations_search_trgm_idx`);
  }
}
