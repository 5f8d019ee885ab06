import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Further manage-link tokens of a registration (hashes only), issued for emails sent after the
 * first one (promoted, approved, reminders…), so that every participant email carries a
 * working link although no token is ever stored in clear. They stop working together with the
 * registration's own token (cancel, erasure).
 */
export class RegistrationManageTokens1764700000001 implements MigrationInterface {
  name = 'RegistrationManageTokens1764700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registration_manage_tokens (
        token_hash text PRIMARY KEY,
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX registration_manage_tokens_registration_idx ON registration_manage_tokens (registration_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE registration_manage_tokens');
  }
}
