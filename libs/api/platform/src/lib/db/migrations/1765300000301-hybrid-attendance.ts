import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance for hybrid dialogues (docs/questions.md, "Hybrid attendance"): a hybrid dialogue's
 * `capacity` and `confirmed_count` are its in-person seats; `online_capacity` (null: unlimited)
 * and `online_confirmed_count` its online seats, kept under the same dialogue row lock. Each
 * registration of a hybrid dialogue says how it attends (`registrations.attendance`); it stays
 * null in other dialogues, where the format says it.
 */
export class HybridAttendance1765300000301 implements MigrationInterface {
  name = 'HybridAttendance1765300000301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dialogues ADD COLUMN online_capacity int CHECK (online_capacity IS NULL OR online_capacity >= 0),
                            ADD COLUMN online_confirmed_count int NOT NULL DEFAULT 0;
      ALTER TABLE registrations ADD COLUMN attendance text CHECK (attendance IN ('in_person', 'online'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE registrations DROP COLUMN attendance;
      ALTER TABLE dialogues DROP COLUMN online_confirmed_count, DROP COLUMN online_capacity;
    `);
  }
}
