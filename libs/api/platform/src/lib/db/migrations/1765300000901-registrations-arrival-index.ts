import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dialogue's registrations in arrival order, whatever their status: the staff list without a
 * status filter and the keyset pages of the CSV export read this index in order instead of
 * sorting the whole dialogue (tools/bench/process-scale; docs/performance.md).
 */
export class RegistrationsArrivalIndex1765300000901 implements MigrationInterface {
  name = 'RegistrationsArrivalIndex1765300000901';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX registrations_dialogue_arrival_idx ON registrations (dialogue_id, arrival)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX registrations_dialogue_arrival_idx`);
  }
}
