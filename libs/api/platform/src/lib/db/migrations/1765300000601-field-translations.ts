import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Titles in other languages (docs/i18n.md): a `translations` jsonb beside processes, phases,
 * milestones, themes and informal sessions, `{ "fr": { "title": … }, "es": { "title": … } }`
 * (keys: ar, en, es, fr, ru, zh). The seed writes the GCM's official French and Spanish titles;
 * the coming content translations add more fields (summary, description) in the same shape.
 */
export class FieldTranslations1765300000601 implements MigrationInterface {
  name = 'FieldTranslations1765300000601';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['processes', 'phases', 'milestones', 'themes', 'informal_sessions']) {
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'::jsonb
           CONSTRAINT ${table}_translations_object CHECK (jsonb_typeof(translations) = 'object')`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['processes', 'phases', 'milestones', 'themes', 'informal_sessions']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN translations`);
    }
  }
}
