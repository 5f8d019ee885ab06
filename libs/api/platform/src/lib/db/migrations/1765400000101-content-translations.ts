import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Content in several languages (docs/i18n.md, "Content in several languages"): a `translations`
 * jsonb beside dialogues, spaces and agenda items, `{ "fr": { "title": … }, "ar": { … } }`, in the
 * shape of migration 1765300000601. A dialogue's `languages` (its first is the language its own
 * columns are written in) may now be any of the six, never empty.
 * Documents keep their per-language `title` jsonb (it already is a map of languages).
 */
const TABLES = ['dialogues', 'spaces', 'agenda_items'];

export class ContentTranslations1765400000101 implements MigrationInterface {
  name = 'ContentTranslations1765400000101';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'::jsonb
           CONSTRAINT ${table}_translations_object CHECK (jsonb_typeof(translations) = 'object')`,
      );
    }
    await q.query(
      `ALTER TABLE dialogues ADD CONSTRAINT dialogues_languages_valid
         CHECK (cardinality(languages) >= 1 AND languages <@ ARRAY['ar','en','es','fr','ru','zh']::text[])`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dialogues DROP CONSTRAINT dialogues_languages_valid`);
    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN translations`);
    }
  }
}
