import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed-out staff tokens: each access token carries a `jti`; `POST /auth/logout` records it
 * here until the token would have expired anyway. The auth guard reads the user row and this
 * table in one statement (both by primary key), so a revoked token, a deactivated account or a
 * changed role take effect on the next request.
 */
export class RevokedTokens1765000000040 implements MigrationInterface {
  name = 'RevokedTokens1765000000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE revoked_tokens (
        jti uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX revoked_tokens_expires_idx ON revoked_tokens (expires_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE revoked_tokens');
  }
}
