import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * On the day, second part (docs/check-in.md):
 * - `room_arrivals`: who was scanned in at the door of an agenda item or a space, once per person
 *   and room (a second scan there is a warning, never a second count); the scan that counted it.
 * - `check_in_scans.agenda_item_id|space_id|room_outcome`: the room a scan was made at and what it
 *   did there (`counted`, `again`, `not-registered`), so a replayed scan answers as the first time.
 * - `certificate_notices`: the checked-in participants told by email that their certificate is on
 *   their manage page (one row each: told once).
 * Ids and times only (no personal data).
 */
export class RoomArrivals1765300000501 implements MigrationInterface {
  name = 'RoomArrivals1765300000501';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE room_arrivals (
        registration_id uuid NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        agenda_item_id uuid REFERENCES agenda_items(id) ON DELETE CASCADE,
        space_id uuid REFERENCES spaces(id) ON DELETE CASCADE,
        scan_id uuid NOT NULL,
        arrived_at timestamptz NOT NULL,
        CHECK (num_nonnulls(agenda_item_id, space_id) = 1)
      );
      CREATE UNIQUE INDEX room_arrivals_item_uq ON room_arrivals (agenda_item_id, registration_id) WHERE agenda_item_id IS NOT NULL;
      CREATE UNIQUE INDEX room_arrivals_space_uq ON room_arrivals (space_id, registration_id) WHERE space_id IS NOT NULL;
      CREATE INDEX room_arrivals_dialogue_idx ON room_arrivals (dialogue_id);
      CREATE INDEX room_arrivals_scan_idx ON room_arrivals (scan_id);
      ALTER TABLE check_in_scans
        ADD COLUMN agenda_item_id uuid,
        ADD COLUMN space_id uuid,
        ADD COLUMN room_outcome text CHECK (room_outcome IN ('counted', 'again', 'not-registered'));
      CREATE TABLE certificate_notices (
        registration_id uuid PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        queued_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE certificate_notices;
      ALTER TABLE check_in_scans DROP COLUMN room_outcome, DROP COLUMN space_id, DROP COLUMN agenda_item_id;
      DROP TABLE room_arrivals;
    `);
  }
}
