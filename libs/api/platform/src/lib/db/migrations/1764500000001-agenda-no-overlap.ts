import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agenda's no-overlap rules, enforced by PostgreSQL itself so that no interleaving of API
 * replicas can book two things at once (the service also checks first, under the dialogue row
 * lock, to answer 409 naming the clash; these constraints are the backstop):
 *  - one track per space: two items of the same space may not overlap in time; items without a
 *    space form the dialogue's own main track (COALESCE(space_id, dialogue_id));
 *  - one booking per room: two items of a dialogue in the same room (case-insensitive) may not
 *    overlap, whatever their spaces.
 * Ranges are half-open ('[)'), so back-to-back items (10:00–11:00, 11:00–12:00) are fine.
 * btree_gist lets the uuid/text equality sit in the same GiST index as the range overlap; it is
 * a trusted contrib extension (PostgreSQL ≥ 13), available on managed PostgreSQL services.
 */
export class AgendaNoOverlap1764500000001 implements MigrationInterface {
  name = 'AgendaNoOverlap1764500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS btree_gist;
      ALTER TABLE agenda_items
        ADD CONSTRAINT agenda_items_no_overlap_in_space
        EXCLUDE USING gist (
          (COALESCE(space_id, dialogue_id)) WITH =,
          tstzrange(starts_at, ends_at, '[)') WITH &&
        );
      ALTER TABLE agenda_items
        ADD CONSTRAINT agenda_items_no_overlap_in_room
        EXCLUDE USING gist (
          dialogue_id WITH =,
          (lower(room)) WITH =,
          tstzrange(starts_at, ends_at, '[)') WITH &&
        ) WHERE (room IS NOT NULL);
      ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_sequence_check CHECK (sequence >= 0);
      CREATE INDEX agenda_items_space_idx ON agenda_items (space_id) WHERE space_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS agenda_items_space_idx;
      ALTER TABLE agenda_items DROP CONSTRAINT IF EXISTS agenda_items_sequence_check;
      ALTER TABLE agenda_items DROP CONSTRAINT IF EXISTS agenda_items_no_overlap_in_room;
      ALTER TABLE agenda_items DROP CONSTRAINT IF EXISTS agenda_items_no_overlap_in_space;
    `);
  }
}
