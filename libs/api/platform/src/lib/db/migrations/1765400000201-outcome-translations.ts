import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcomes, published recommendations and syntheses in several languages (docs/i18n.md,
 * "Content in several languages"): a `translations` jsonb beside the outcome's summary
 * (`{ "fr": { "summary": … } }`), the public copy of each recommendation (`{ "fr": { "text": … } }`)
 * and a synthesis's introduction (`{ "fr": { "introduction": … } }`). The recommendations of a
 * working copy keep theirs inside `outcomes.recommendations` (one jsonb already).
 */
export class OutcomeTranslations1765400000201 implements MigrationInterface {
  name = 'OutcomeTranslations1765400000201';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['outcomes', 'published_recommendations', 'syntheses']) {
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS translations jsonb NOT NULL DEFAULT '{}'::jsonb
           CONSTRAINT ${table}_translations_object CHECK (jsonb_typeof(translations) = 'object')`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['outcomes', 'published_recommendations', 'syntheses']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN translations`);
    }
  }
}
