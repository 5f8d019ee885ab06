import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live delivery status (GET …/summary): counts by status come from indexes, never from loading rows.
 * - `outbound_emails.batch_id`: the batch an email belongs to (a coordinator's space message,
 *   whose `space_messages.id` it is), so one message's delivery can be counted.
 * - `(batch_id, status)`, `(dialogue_id, kind, status)` and `(kind, status)`: the outbox summary by
 *   batch, by dialogue (and kind), and over everything (an index-only scan).
 * Invitations are counted on the existing `invitations_dialogue_status_idx`.
 */
export class DeliverySummaries1765100000301 implements MigrationInterface {
  name = 'DeliverySummaries1765100000301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbound_emails ADD COLUMN batch_id uuid`);
    await q.query(
      `CREATE INDEX outbound_emails_batch_status_idx ON outbound_emails (batch_id, status) WHERE batch_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX outbound_emails_dialogue_kind_status_idx ON outbound_emails (dialogue_id, kind, status) WHERE dialogue_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX outbound_emails_kind_status_idx ON outbound_emails (kind, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX outbound_emails_kind_status_idx');
    await q.query('DROP INDEX outbound_emails_dialogue_kind_status_idx');
    await q.query('DROP INDEX outbound_emails_batch_status_idx');
    await q.query('ALTER TABLE outbound_emails DROP COLUMN batch_id');
  }
}
