import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox rows no longer carry a rendered body: the worker renders it from the row's template
 * parameters when it sends. Rows written before keep theirs and are sent as stored.
 */
export class OutboxRenderAtSend1764900000001 implements MigrationInterface {
  name = 'OutboxRenderAtSend1764900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbound_emails ALTER COLUMN html DROP NOT NULL, ALTER COLUMN text DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE outbound_emails SET html = coalesce(html, ''), text = coalesce(text, '')`);
    await q.query(`ALTER TABLE outbound_emails ALTER COLUMN html SET NOT NULL, ALTER COLUMN text SET NOT NULL`);
  }
}
