import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters for the staff stats of a dialogue (docs/performance.md, "Session 10"): how many
 * registrations per (dialogue, status, stakeholder group, attendance), kept as an append-only
 * table of deltas summed on read and compacted now and then (RegistrationCounts), so no row is
 * updated by every admission.
 *
 * The deltas are written by triggers, in the transaction of the change, so no path that writes
 * `registrations` (admission batches, staff decisions, waiting-list promotion, attendance moves,
 * imports, cancellations, cascades) can forget them:
 * - INSERT and DELETE: one statement-level trigger each, reading the transition table, so the
 *   admission batch (one INSERT of the whole batch) writes one delta per key per batch;
 * - UPDATE: a row-level trigger on the three columns only, with a WHEN clause, so the many
 *   updates that change none of them (answers, check-in, tokens, erasure) cost nothing.
 * A delete cascading from a deleted dialogue writes nothing (the dialogue's deltas go with it).
 * The table is filled from the current registrations in the same transaction as the triggers
 * (CREATE TRIGGER locks out writers of `registrations` until the commit).
 */
export class RegistrationCounts1765500000601 implements MigrationInterface {
  name = 'RegistrationCounts1765500000601';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registration_counts (
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        status text NOT NULL,
        stakeholder_group text NOT NULL,
        attendance text,
        n integer NOT NULL
      );
      CREATE INDEX registration_counts_dialogue_idx ON registration_counts (dialogue_id);

      CREATE FUNCTION registration_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO registration_counts (dialogue_id, status, stakeholder_group, attendance, n)
        SELECT dialogue_id, status, stakeholder_group, attendance, count(*) FROM new_rows
         GROUP BY 1, 2, 3, 4;
        RETURN NULL;
      END $$;

      CREATE FUNCTION registration_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO registration_counts (dialogue_id, status, stakeholder_group, attendance, n)
        SELECT o.dialogue_id, o.status, o.stakeholder_group, o.attendance, -count(*) FROM old_rows o
         WHERE EXISTS (SELECT 1 FROM dialogues d WHERE d.id = o.dialogue_id)
         GROUP BY 1, 2, 3, 4;
        RETURN NULL;
      END $$;

      CREATE FUNCTION registration_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO registration_counts (dialogue_id, status, stakeholder_group, attendance, n) VALUES
          (OLD.dialogue_id, OLD.status, OLD.stakeholder_group, OLD.attendance, -1),
          (NEW.dialogue_id, NEW.status, NEW.stakeholder_group, NEW.attendance, 1);
        RETURN NULL;
      END $$;

      CREATE TRIGGER registration_counts_on_insert AFTER INSERT ON registrations
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registration_counts_inserted();
      CREATE TRIGGER registration_counts_on_delete AFTER DELETE ON registrations
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registration_counts_deleted();
      CREATE TRIGGER registration_counts_on_update AFTER UPDATE OF status, stakeholder_group, attendance, dialogue_id
        ON registrations FOR EACH ROW
        WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.stakeholder_group IS DISTINCT FROM NEW.stakeholder_group
           OR OLD.attendance IS DISTINCT FROM NEW.attendance OR OLD.dialogue_id IS DISTINCT FROM NEW.dialogue_id)
        EXECUTE FUNCTION registration_counts_updated();

      INSERT INTO registration_counts (dialogue_id, status, stakeholder_group, attendance, n)
      SELECT dialogue_id, status, stakeholder_group, attendance, count(*) FROM registrations GROUP BY 1, 2, 3, 4;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER registration_counts_on_update ON registrations;
      DROP TRIGGER registration_counts_on_delete ON registrations;
      DROP TRIGGER registration_counts_on_insert ON registrations;
      DROP FUNCTION registration_counts_updated();
      DROP FUNCTION registration_counts_deleted();
      DROP FUNCTION registration_counts_inserted();
      DROP TABLE registration_counts;
    `);
  }
}
