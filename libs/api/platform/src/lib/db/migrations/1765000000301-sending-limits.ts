import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sending has limits (docs/decisions.md, "Sending limits"):
 * - `registrations.email_confirmed_at`: when the address was shown to be the registrant's (the
 *   manage link was used, or the registration came with a valid invitation). Emails after the
 *   first (agenda, agenda updates, reminders, space messages) go only to confirmed addresses.
 *   Registrations made before this migration are taken as confirmed: they were admitted under
 *   the earlier rules, and their participants expect the mail they have been getting.
 * - `invitations.resends`: how many times staff sent one invitation again (capped).
 * - `space_messages`: one row per coordinator message (counts per space and day; no text).
 */
export class SendingLimits1765000000301 implements MigrationInterface {
  name = 'SendingLimits1765000000301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registrations ADD COLUMN email_confirmed_at timestamptz`);
    await q.query(`UPDATE registrations SET email_confirmed_at = created_at`);
    await q.query(`ALTER TABLE invitations ADD COLUMN resends integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE space_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
        sender_id uuid,
        recipients integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
    await q.query(`CREATE INDEX space_messages_space_idx ON space_messages (space_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE space_messages');
    await q.query('ALTER TABLE invitations DROP COLUMN resends');
    await q.query('ALTER TABLE registrations DROP COLUMN email_confirmed_at');
  }
}
