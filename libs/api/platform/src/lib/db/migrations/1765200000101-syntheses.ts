import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Syntheses and their subscribers (docs/syntheses.md):
 * - `syntheses`: one per informal session or per milestone (exactly one of the two), the working
 *   copy (sections as JSON: references in the organizers' order) and the published snapshot the
 *   public reads. `due_at` null means the default (7 days before the start).
 * - `synthesis_subscribers`: who is emailed when a synthesis is published; scoped to a process,
 *   a session or a milestone (exactly one); personal data (export and erasure).
 * - `synthesis_subscriber_tokens`: the sha256 of each confirm/unsubscribe link's token, minted
 *   when its email is sent (no token at rest in clear).
 */
export class Syntheses1765200000101 implements MigrationInterface {
  name = 'Syntheses1765200000101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE syntheses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        informal_session_id uuid UNIQUE REFERENCES informal_sessions(id) ON DELETE CASCADE,
        milestone_id uuid UNIQUE REFERENCES milestones(id) ON DELETE CASCADE,
        introduction text NOT NULL DEFAULT '',
        due_at timestamptz,
        status text NOT NULL DEFAULT 'draft',
        version integer NOT NULL DEFAULT 0,
        sections jsonb NOT NULL DEFAULT '[]',
        published_version integer,
        published_at timestamptz,
        published_snapshot jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT syntheses_status_check CHECK (status IN ('draft','published')),
        CONSTRAINT syntheses_one_target CHECK ((informal_session_id IS NULL) <> (milestone_id IS NULL))
      );
    `);
    await q.query(`
      CREATE TABLE synthesis_subscribers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        process_id uuid REFERENCES processes(id) ON DELETE CASCADE,
        informal_session_id uuid REFERENCES informal_sessions(id) ON DELETE CASCADE,
        milestone_id uuid REFERENCES milestones(id) ON DELETE CASCADE,
        email text NOT NULL,
        name text,
        language text NOT NULL DEFAULT 'en',
        status text NOT NULL DEFAULT 'pending',
        added_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        CONSTRAINT synthesis_subscribers_status_check CHECK (status IN ('pending','confirmed')),
        CONSTRAINT synthesis_subscribers_added_by_check CHECK (added_by IN ('organizer','self')),
        CONSTRAINT synthesis_subscribers_one_scope CHECK (
          num_nonnulls(process_id, informal_session_id, milestone_id) = 1)
      );
    `);
    await q.query(`
      CREATE UNIQUE INDEX synthesis_subscribers_scope_email ON synthesis_subscribers
        (COALESCE(process_id, informal_session_id, milestone_id), lower(email));
      CREATE INDEX synthesis_subscribers_email ON synthesis_subscribers (lower(email));
    `);
    await q.query(`
      CREATE TABLE synthesis_subscriber_tokens (
        token_hash text PRIMARY KEY,
        subscriber_id uuid NOT NULL REFERENCES synthesis_subscribers(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX synthesis_subscriber_tokens_subscriber ON synthesis_subscriber_tokens (subscriber_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE synthesis_subscriber_tokens; DROP TABLE synthesis_subscribers; DROP TABLE syntheses;`);
  }
}
