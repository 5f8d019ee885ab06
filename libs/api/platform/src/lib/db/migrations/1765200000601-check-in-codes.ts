import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * On the day (libs/api/check-in):
 * - `users.role` may be `door`: staff who scan check-in codes and can do nothing else;
 * - `check_in_codes`: the version of a registration's signed check-in code (no row: version 0).
 *   Reissuing bumps it, and every code signed with an older version stops opening the registration;
 * - `check_in_scans`: one row per scan the door sent, keyed by the scan id the device chose, so a
 *   replayed offline batch never counts twice. `counted`: this scan is the one that checked the
 *   person in; `undone_at`: it was undone. Ids and times only (no personal data).
 */
export class CheckInCodes1765200000601 implements MigrationInterface {
  name = 'CheckInCodes1765200000601';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin','organizer','coordinator','door'))`,
    );
    await q.query(`
      CREATE TABLE check_in_codes (
        registration_id uuid PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
        version int NOT NULL DEFAULT 0 CHECK (version >= 0),
        reissued_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE check_in_scans (
        id uuid PRIMARY KEY,
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        scanned_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        counted boolean NOT NULL,
        undone_at timestamptz
      )`);
    await q.query(`CREATE INDEX check_in_scans_registration_idx ON check_in_scans (registration_id, received_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE check_in_scans');
    await q.query('DROP TABLE check_in_codes');
    // Door accounts cannot exist below this migration: they become inactive coordinators (no spaces).
    await q.query(`UPDATE users SET role = 'coordinator', active = false WHERE role = 'door'`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin','organizer','coordinator'))`,
    );
  }
}
