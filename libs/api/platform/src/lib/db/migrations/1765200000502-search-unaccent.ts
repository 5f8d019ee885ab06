import { MigrationInterface, QueryRunner } from 'typeorm';

const CONFIGS = [
  ['gfmd_english', 'english', 'english_stem'],
  ['gfmd_french', 'french', 'french_stem'],
  ['gfmd_spanish', 'spanish', 'spanish_stem'],
] as const;

/**
 * Recommendation search ignores accents: "migracion" finds "migración", "education" finds
 * "éducation" (docs/performance.md, "Recommendation search").
 * - `unaccent` (contrib) and three text search configurations, copies of english, french and
 *   spanish whose words go through the `unaccent` dictionary before the language's stemmer. A
 *   configuration named by a constant keeps `to_tsvector` immutable, so the stored column and its
 *   GIN index stay; queries read `q` through the same configurations.
 * - `gfmd_unaccent(text)`: an immutable wrapper of `unaccent` with its dictionary named (the
 *   extension's own function is only stable), for expressions that must be immutable — the
 *   benchmark's ILIKE baseline asks the same accent-blind question with it.
 */
export class SearchUnaccent1765200000502 implements MigrationInterface {
  name = 'SearchUnaccent1765200000502';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    const [{ schema }] = await q.query(
      `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`,
    );
    const ns = `"${String(schema).replace(/"/g, '""')}"`;
    await q.query(`
      CREATE FUNCTION gfmd_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT ${ns}.unaccent('${ns}.unaccent'::regdictionary, $1) $$;
    `);
    for (const [name, base, stem] of CONFIGS) {
      await q.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = pg_catalog.${base})`);
      await q.query(
        `ALTER TEXT SEARCH CONFIGURATION ${name}
           ALTER MAPPING FOR hword, hword_part, word WITH ${ns}.unaccent, ${stem}`,
      );
    }
    await q.query(`
      DROP INDEX published_recommendations_search_idx;
      ALTER TABLE published_recommendations DROP COLUMN search;
      ALTER TABLE published_recommendations ADD COLUMN search tsvector GENERATED ALWAYS AS (
        to_tsvector('gfmd_english', text) || to_tsvector('gfmd_french', text) || to_tsvector('gfmd_spanish', text)
      ) STORED;
      CREATE INDEX published_recommendations_search_idx ON published_recommendations USING gin (search);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX published_recommendations_search_idx;
      ALTER TABLE published_recommendations DROP COLUMN search;
      ALTER TABLE published_recommendations ADD COLUMN search tsvector GENERATED ALWAYS AS (
        to_tsvector('english', text) || to_tsvector('french', text) || to_tsvector('spanish', text)
      ) STORED;
      CREATE INDEX published_recommendations_search_idx ON published_recommendations USING gin (search);
    `);
    for (const [name] of CONFIGS) await q.query(`DROP TEXT SEARCH CONFIGURATION ${name}`);
    await q.query(`DROP FUNCTION gfmd_unaccent(text)`);
  }
}
