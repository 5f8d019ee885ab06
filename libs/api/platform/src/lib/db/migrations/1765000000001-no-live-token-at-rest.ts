import { MigrationInterface, QueryRunner } from 'typeorm';

/** Unsent rows: a failed one may be retried, so it counts as unsent. */
const UNSENT = `status IN ('pending', 'queued', 'sending', 'failed')`;

/**
 * No live token at rest (docs/decisions.md, "Links are minted when the email is sent"). Outbox
 * rows no longer carry manage or invitation links: they name the link to make (`params.links`,
 * `manage` or `invitation`, for the row's registration or invitation) and the worker mints a
 * fresh token when it sends, storing only its hash. This migration:
 *
 * - revokes manage links by a column (`manage_revoked_at`) instead of clearing the first token's
 *   hash, so that new registrations need no first token; links issued before stay valid;
 * - lets an invitation hold several token hashes (`invitation_tokens`), like a registration, and
 *   makes the invitation's own `token_hash` optional (new invitations have none until mailed);
 * - turns the links of unsent rows into references (and re-renders their stored bodies, if any,
 *   from their parameters), and scrubs links, List-Unsubscribe headers and stored bodies from
 *   rows already sent or cancelled. The links already delivered keep working.
 */
export class NoLiveTokenAtRest1765000000001 implements MigrationInterface {
  name = 'NoLiveTokenAtRest1765000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE registrations ADD COLUMN manage_revoked_at timestamptz;
      UPDATE registrations SET manage_revoked_at = coalesce(erased_at, cancelled_at, now()) WHERE manage_token_hash IS NULL;

      ALTER TABLE invitations ALTER COLUMN token_hash DROP NOT NULL;
      CREATE TABLE invitation_tokens (
        token_hash text PRIMARY KEY,
        invitation_id uuid NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX invitation_tokens_invitation_idx ON invitation_tokens (invitation_id);

      UPDATE outbound_emails
         SET params = (params - 'manageUrl') || '{"links":"manage"}'::jsonb, html = NULL, text = NULL
       WHERE ${UNSENT} AND params ? 'manageUrl' AND registration_id IS NOT NULL;
      UPDATE outbound_emails
         SET params = (params - 'registerUrl' - 'declineUrl') || '{"links":"invitation"}'::jsonb,
             headers = headers - 'List-Unsubscribe' - 'List-Unsubscribe-Post', html = NULL, text = NULL
       WHERE ${UNSENT} AND kind = 'invitation' AND params IS NOT NULL AND invitation_id IS NOT NULL;
      UPDATE outbound_emails
         SET params = params - 'manageUrl' - 'registerUrl' - 'declineUrl',
             headers = headers - 'List-Unsubscribe' - 'List-Unsubscribe-Post', html = NULL, text = NULL
       WHERE status IN ('sent', 'cancelled')
         AND (params ?| array['manageUrl', 'registerUrl', 'declineUrl'] OR headers ? 'List-Unsubscribe' OR html IS NOT NULL);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE registrations SET manage_token_hash = NULL WHERE manage_revoked_at IS NOT NULL;
      ALTER TABLE registrations DROP COLUMN manage_revoked_at;
      DROP TABLE invitation_tokens;
      UPDATE invitations SET token_hash = 'none-' || id WHERE token_hash IS NULL;
      ALTER TABLE invitations ALTER COLUMN token_hash SET NOT NULL;
    `);
  }
}
