import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff accounts from the console, and the audit log.
 *
 * - `users.password_hash` may be null: an invited person has no password until they set one
 *   from their emailed link (sign-in is refused meanwhile).
 * - `staff_password_links`: one row per invitation or reset email (auth). The token is minted
 *   when the email is sent; only its sha256 is stored. Single use (`used_at`), expires.
 * - `audit_events`: who did what to which entity, written in the transaction of the change;
 *   `details` holds ids and changed field names only, never personal data.
 */
export class StaffLinksAndAudit1765100000701 implements MigrationInterface {
  name = 'StaffLinksAndAudit1765100000701';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;

      CREATE TABLE staff_password_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('invitation', 'reset')),
        token_hash text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX staff_password_links_user_idx ON staff_password_links (user_id);

      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        dialogue_id uuid,
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_events_at_idx ON audit_events (at DESC, id DESC);
      CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, at DESC);
      CREATE INDEX audit_events_entity_idx ON audit_events (entity_id, at DESC);
      CREATE INDEX audit_events_dialogue_idx ON audit_events (dialogue_id, at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_events;
      DROP TABLE staff_password_links;
      UPDATE users SET password_hash = '!' WHERE password_hash IS NULL;
      ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL;
    `);
  }
}
