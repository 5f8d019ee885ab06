import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail (issue 5): the template parameters of each outbox row (so scheduled reminders can be
 * re-rendered when their dialogue moves, and invitations resent with the same link), the
 * `cancelled` status for scheduled mail that must no longer go out, and indexes for the sweep,
 * the admin outbox list and the invitation list.
 */
export class MailOutboxParams1764600000001 implements MigrationInterface {
  name = 'MailOutboxParams1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outbound_emails ADD COLUMN params jsonb;
      ALTER TABLE outbound_emails DROP CONSTRAINT IF EXISTS outbound_emails_status_check;
      ALTER TABLE outbound_emails ADD CONSTRAINT outbound_emails_status_check
        CHECK (status IN ('pending','queued','sending','sent','failed','cancelled'));
      CREATE INDEX outbound_emails_created_idx ON outbound_emails (created_at DESC, id);
      CREATE INDEX outbound_emails_sending_idx ON outbound_emails (locked_until) WHERE status = 'sending';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX outbound_emails_sending_idx;
      DROP INDEX outbound_emails_created_idx;
      UPDATE outbound_emails SET status = 'failed', last_error = 'cancelled' WHERE status = 'cancelled';
      ALTER TABLE outbound_emails DROP CONSTRAINT outbound_emails_status_check;
      ALTER TABLE outbound_emails ADD CONSTRAINT outbound_emails_status_check
        CHECK (status IN ('pending','queued','sending','sent','failed'));
      ALTER TABLE outbound_emails DROP COLUMN params;
    `);
  }
}
