import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organizers' own registration questions (docs/delegations.md, "Questions"): one ordered list
 * per dialogue (`registration_questions`, questions domain), and each registration's answers by
 * question key (`registrations.answers`, personal data: exported, and erased with the person).
 */
export class RegistrationQuestions1765200000402 implements MigrationInterface {
  name = 'RegistrationQuestions1765200000402';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registration_questions (
        dialogue_id uuid PRIMARY KEY REFERENCES dialogues(id) ON DELETE CASCADE,
        questions jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE registrations ADD COLUMN answers jsonb;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE registrations DROP COLUMN answers;
      DROP TABLE registration_questions;
    `);
  }
}
