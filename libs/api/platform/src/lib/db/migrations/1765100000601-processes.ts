import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Processes (docs/http-contract.md, "Process"): a process has phases (bands of its calendar)
 * and milestones (dated events in a venue's zone); themes and informal sessions belong to one.
 * Today's data (the six themes and informal sessions of 2017) moves into one process, "Global
 * Compact for Migration 2017–2018", with its three phases and two milestones. Informal session
 * numbers become unique per process, not across all of them.
 *
 * The agenda's no-overlap constraints become DEFERRABLE (still checked per statement by
 * default): shifting a whole dialogue moves its items one row at a time, and a moved row may
 * briefly meet one not yet moved, so the shift defers them to the end of its transaction.
 */
export class Processes1765100000601 implements MigrationInterface {
  name = 'Processes1765100000601';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE processes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      );
      CREATE TABLE phases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        process_id uuid NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('consultation','stocktaking','negotiation','other')),
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX phases_process_idx ON phases (process_id, starts_at);
      CREATE TABLE milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        process_id uuid NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('stocktaking_meeting','intergovernmental_conference','regional_consultation','deadline','other')),
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        venue text,
        time_zone text NOT NULL,
        CHECK (ends_at IS NULL OR ends_at > starts_at)
      );
      CREATE INDEX milestones_process_idx ON milestones (process_id, starts_at);
    `);
    const [gcm] = await q.query(
      `INSERT INTO processes (slug, title, starts_at, ends_at)
       VALUES ('gcm-2017-2018', 'Global Compact for Migration 2017–2018', '2017-04-01T00:00:00Z', '2018-12-31T23:59:59Z')
       RETURNING id`,
    );
    await q.query(
      `INSERT INTO phases (process_id, kind, title, starts_at, ends_at) VALUES
        ($1, 'consultation', 'Consultation', '2017-04-01T00:00:00Z', '2017-12-01T00:00:00Z'),
        ($1, 'stocktaking', 'Stocktaking', '2017-12-01T00:00:00Z', '2018-02-01T00:00:00Z'),
        ($1, 'negotiation', 'Intergovernmental negotiations', '2018-02-01T00:00:00Z', '2018-08-01T00:00:00Z')`,
      [gcm.id],
    );
    await q.query(
      `INSERT INTO milestones (process_id, kind, title, starts_at, ends_at, venue, time_zone) VALUES
        ($1, 'stocktaking_meeting', 'Stocktaking meeting',
         timestamp '2017-12-04 09:00' AT TIME ZONE 'America/Mexico_City',
         timestamp '2017-12-06 18:00' AT TIME ZONE 'America/Mexico_City',
         'Puerto Vallarta, Mexico', 'America/Mexico_City'),
        ($1, 'intergovernmental_conference', 'Intergovernmental Conference to adopt the Global Compact',
         timestamp '2018-12-10 09:00' AT TIME ZONE 'Africa/Casablanca',
         timestamp '2018-12-11 18:00' AT TIME ZONE 'Africa/Casablanca',
         'Marrakech, Morocco', 'Africa/Casablanca')`,
      [gcm.id],
    );
    await q.query(`
      ALTER TABLE themes ADD COLUMN process_id uuid REFERENCES processes(id);
      ALTER TABLE informal_sessions ADD COLUMN process_id uuid REFERENCES processes(id);
    `);
    await q.query(`UPDATE themes SET process_id = $1`, [gcm.id]);
    await q.query(`UPDATE informal_sessions SET process_id = $1`, [gcm.id]);
    await q.query(`
      ALTER TABLE informal_sessions ALTER COLUMN process_id SET NOT NULL;
      ALTER TABLE informal_sessions DROP CONSTRAINT informal_sessions_number_key;
      ALTER TABLE informal_sessions ADD CONSTRAINT informal_sessions_process_number_key UNIQUE (process_id, number);
      CREATE INDEX themes_process_idx ON themes (process_id);
    `);
    await q.query(`
      ALTER TABLE agenda_items DROP CONSTRAINT agenda_items_no_overlap_in_space;
      ALTER TABLE agenda_items
        ADD CONSTRAINT agenda_items_no_overlap_in_space
        EXCLUDE USING gist (
          (COALESCE(space_id, dialogue_id)) WITH =,
          tstzrange(starts_at, ends_at, '[)') WITH &&
        ) DEFERRABLE INITIALLY IMMEDIATE;
      ALTER TABLE agenda_items DROP CONSTRAINT agenda_items_no_overlap_in_room;
      ALTER TABLE agenda_items
        ADD CONSTRAINT agenda_items_no_overlap_in_room
        EXCLUDE USING gist (
          dialogue_id WITH =,
          (lower(room)) WITH =,
          tstzrange(starts_at, ends_at, '[)') WITH &&
        ) WHERE (room IS NOT NULL) DEFERRABLE INITIALLY IMMEDIATE;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agenda_items DROP CONSTRAINT agenda_items_no_overlap_in_space;
      ALTER TABLE agenda_items
        ADD CONSTRAINT agenda_items_no_overlap_in_space
        EXCLUDE USING gist (
          (COALESCE(space_id, dialogue_id)) WITH =,
          tstzrange(starts_at, ends_at, '[)') WITH &&
        );
      ALTER TABLE agenda_items DROP CONSTRAINT agenda_items_no_overlap_in_room;
      ALTER TABLE agenda_items
        ADD CONSTRAINT agenda_items_no_overlap_in_room
        EXCLUDE USING gist (
          dialogue_id WITH =,
          (lower(room)) WITH =,
          tstzrange(starts_at, ends_at, '[)') WITH &&
        ) WHERE (room IS NOT NULL);
    `);
    await q.query(`
      ALTER TABLE informal_sessions DROP CONSTRAINT informal_sessions_process_number_key;
      ALTER TABLE informal_sessions ADD CONSTRAINT informal_sessions_number_key UNIQUE (number);
      ALTER TABLE informal_sessions DROP COLUMN process_id;
      ALTER TABLE themes DROP COLUMN process_id;
      DROP TABLE milestones;
      DROP TABLE phases;
      DROP TABLE processes;
    `);
  }
}
