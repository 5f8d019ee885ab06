import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders are written when they are due, not when people register: one round per dialogue
 * and start time, when the dialogue comes within REMINDER_DAYS_BEFORE days. This table records
 * the rounds done, so each runs once (a dialogue that moves gets a round for its new start;
 * the `reminder:<registrationId>` key still mails each participant once).
 */
export class ReminderRounds1764900000002 implements MigrationInterface {
  name = 'ReminderRounds1764900000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reminder_rounds (
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        reminders integer NOT NULL,
        done_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dialogue_id, starts_at)
      );
    `);
    // Reminders written the old way (a row per confirmed registration, due later) stay and go
    // out when due; their dialogues' rounds still run, and skip whoever has one already.
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE reminder_rounds');
  }
}
