import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcomes and citable recommendations (docs/http-contract.md, "Outcomes"):
 * - `outcomes`: one per dialogue, the working copy (its recommendations as JSON, each with a
 *   number that is never reused in the dialogue: `last_recommendation_number` only goes up).
 * - `outcome_versions`: every save and every transition, the full JSON snapshot.
 * - `reference_counters`: counters that never go back (`GCM-T<session>`: the dialogue numbers
 *   given at first publication).
 * - `published_recommendations`: what the public reads and searches, keyed by the reference;
 *   a withdrawn one stays (its reference is never reused). `search` holds the text under the
 *   English, French and Spanish configurations (GIN).
 */
export class Outcomes1765100000801 implements MigrationInterface {
  name = 'Outcomes1765100000801';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outcomes (
        dialogue_id uuid PRIMARY KEY REFERENCES dialogues(id) ON DELETE CASCADE,
        summary text NOT NULL DEFAULT '',
        key_messages text[] NOT NULL DEFAULT '{}',
        rapporteur_user_ids uuid[] NOT NULL DEFAULT '{}',
        recommendations jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'draft',
        version integer NOT NULL DEFAULT 0,
        return_comment text,
        submitted_by_id uuid,
        published_version integer,
        published_at timestamptz,
        dialogue_number integer,
        last_recommendation_number integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT outcomes_status_check CHECK (status IN ('draft','submitted','approved','published','returned'))
      );
    `);
    await q.query(`
      CREATE TABLE outcome_versions (
        dialogue_id uuid NOT NULL REFERENCES outcomes(dialogue_id) ON DELETE CASCADE,
        version integer NOT NULL,
        status text NOT NULL,
        snapshot jsonb NOT NULL,
        saved_by_id uuid,
        saved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dialogue_id, version)
      );
    `);
    await q.query(`
      CREATE TABLE reference_counters (
        scope text PRIMARY KEY,
        last integer NOT NULL
      );
    `);
    await q.query(`
      CREATE TABLE published_recommendations (
        reference text PRIMARY KEY,
        recommendation_id uuid NOT NULL UNIQUE,
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        informal_session_id uuid NOT NULL,
        text text NOT NULL,
        kind text NOT NULL,
        theme_ids uuid[] NOT NULL DEFAULT '{}',
        addressed_to text[] NOT NULL DEFAULT '{}',
        space_id uuid,
        withdrawn boolean NOT NULL DEFAULT false,
        outcome_version integer NOT NULL,
        first_published_at timestamptz NOT NULL,
        published_at timestamptz NOT NULL,
        history jsonb NOT NULL DEFAULT '[]',
        search tsvector GENERATED ALWAYS AS (
          to_tsvector('english', text) || to_tsvector('french', text) || to_tsvector('spanish', text)
        ) STORED
      );
    `);
    await q.query(`CREATE INDEX published_recommendations_search_idx ON published_recommendations USING gin (search)`);
    await q.query(
      `CREATE INDEX published_recommendations_themes_idx ON published_recommendations USING gin (theme_ids)`,
    );
    await q.query(
      `CREATE INDEX published_recommendations_session_idx ON published_recommendations (informal_session_id)`,
    );
    await q.query(`CREATE INDEX published_recommendations_dialogue_idx ON published_recommendations (dialogue_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE published_recommendations`);
    await q.query(`DROP TABLE reference_counters`);
    await q.query(`DROP TABLE outcome_versions`);
    await q.query(`DROP TABLE outcomes`);
  }
}
