import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Door staff bound to dialogues (docs/check-in.md, "The door role"): `door_assignments` (owned by
 * check-in) lists the `door` users an organizer assigned to a dialogue; a door user scans, searches
 * and reads the counts only for those dialogues. Ids and a time only.
 */
export class DoorAssignments1765300000801 implements MigrationInterface {
  name = 'DoorAssignments1765300000801';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE door_assignments (
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dialogue_id, user_id)
      );
      CREATE INDEX door_assignments_user_idx ON door_assignments (user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE door_assignments;`);
  }
}
