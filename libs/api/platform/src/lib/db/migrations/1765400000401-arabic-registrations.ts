import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Arabic joins the languages a registration (and its emails) is written in (LANGUAGES in
 * @gfmd/contracts): the registrations' CHECK on preferred_language, the only constraint that
 * lists them (invitations, delegations, contributions and subscribers keep a plain text column
 * checked by the DTOs), takes 'ar'.
 */
export class ArabicRegistrations1765400000401 implements MigrationInterface {
  name = 'ArabicRegistrations1765400000401';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registrations DROP CONSTRAINT IF EXISTS registrations_preferred_language_check`);
    await q.query(
      `ALTER TABLE registrations ADD CONSTRAINT registrations_preferred_language_check CHECK (preferred_language IN ('en','fr','es','ar'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE registrations SET preferred_language = 'en' WHERE preferred_language = 'ar'`);
    await q.query(`ALTER TABLE registrations DROP CONSTRAINT IF EXISTS registrations_preferred_language_check`);
    await q.query(
      `ALTER TABLE registrations ADD CONSTRAINT registrations_preferred_language_check CHECK (preferred_language IN ('en','fr','es'))`,
    );
  }
}
