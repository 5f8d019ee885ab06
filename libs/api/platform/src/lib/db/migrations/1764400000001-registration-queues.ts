import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registrations (issue 3): an arrival sequence per space seat request, so a space's waiting
 * list is served in the order people asked for that space (also when a space is added later
 * through the manage link), and the indexes the seat rules read under the dialogue lock:
 * confirmed seats per stakeholder group, a space's waiting list, the staff list's free-text
 * filter.
 */
export class RegistrationQueues1764400000001 implements MigrationInterface {
  name = 'RegistrationQueues1764400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE SEQUENCE registration_spaces_arrival_seq;
      ALTER TABLE registration_spaces
        ADD COLUMN arrival bigint NOT NULL DEFAULT nextval('registration_spaces_arrival_seq');
      ALTER SEQUENCE registration_spaces_arrival_seq OWNED BY registration_spaces.arrival;
      DROP INDEX IF EXISTS registration_spaces_space_status_idx;
      CREATE INDEX registration_spaces_space_status_idx ON registration_spaces (space_id, status, arrival);
      CREATE INDEX registration_spaces_dialogue_idx ON registration_spaces (dialogue_id);
      CREATE INDEX registrations_confirmed_group_idx ON registrations (dialogue_id, stakeholder_group)
        WHERE status = 'confirmed' AND invitation_id IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX registrations_confirmed_group_idx;
      DROP INDEX registration_spaces_dialogue_idx;
      DROP INDEX registration_spaces_space_status_idx;
      CREATE INDEX registration_spaces_space_status_idx ON registration_spaces (space_id, status);
      ALTER TABLE registration_spaces DROP COLUMN arrival;
    `);
  }
}
