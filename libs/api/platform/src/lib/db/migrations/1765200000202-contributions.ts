import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written contributions (docs/documents.md, "Contributions"):
 * - `contribution_windows`: per dialogue, until when contributions are taken (none: closed).
 * - `contributions`: status unconfirmed (address not yet checked; organizers do not see it) →
 *   submitted → accepted | rejected. `confirm_token_hash`: sha256 of the emailed link's token,
 *   minted when the email is sent. `erased_at`: the person was erased; an accepted text kept
 *   with consent is then attributed to the organization only.
 */
export class Contributions1765200000202 implements MigrationInterface {
  name = 'Contributions1765200000202';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE contribution_windows (
        dialogue_id uuid PRIMARY KEY REFERENCES dialogues(id) ON DELETE CASCADE,
        closes_at timestamptz NOT NULL
      );
      CREATE TABLE contributions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        title text NOT NULL,
        text text NOT NULL,
        organization text,
        stakeholder_group text NOT NULL,
        name text,
        email text,
        language text NOT NULL DEFAULT 'en',
        consent_to_publish boolean NOT NULL,
        document_id uuid REFERENCES documents(id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'unconfirmed'
          CHECK (status IN ('unconfirmed', 'submitted', 'accepted', 'rejected')),
        confirm_token_hash text UNIQUE,
        reason text,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        decided_at timestamptz,
        decided_by_id uuid,
        erased_at timestamptz
      );
      CREATE INDEX contributions_dialogue_idx ON contributions (dialogue_id, status, submitted_at);
      CREATE INDEX contributions_email_idx ON contributions (lower(email), submitted_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE contributions; DROP TABLE contribution_windows;`);
  }
}
