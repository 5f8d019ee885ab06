import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log by keyset pages (issue 20; docs/performance.md, "The audit log by cursor"): the
 * list is `ORDER BY at DESC, id DESC`, and a page after (before) a cursor is `(at, id) < (…)`
 * (`> (…)`). Each filter's index now ends in `(at, id)`, so a filtered page — first or deep,
 * forwards or backwards — is an index range read in order: no sort of a dialogue's or a person's
 * lines, no walk of the rows newer than the cursor. The former `(x, at DESC)` indexes had no `id`
 * (ties sorted, the row comparison not an index condition) and are replaced, not kept beside.
 * The action and the entity type had no index: a rare action was a scan of the whole log and a
 * sort. `audit_events_at_idx (at DESC, id DESC)` already serves the unfiltered list both ways.
 */
export class AuditKeysetIndexes1765600000401 implements MigrationInterface {
  name = 'AuditKeysetIndexes1765600000401';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_actor_at_id_idx ON audit_events (actor_user_id, at, id)`);
    await q.query(`CREATE INDEX audit_events_entity_at_id_idx ON audit_events (entity_id, at, id)`);
    await q.query(`CREATE INDEX audit_events_dialogue_at_id_idx ON audit_events (dialogue_id, at, id)`);
    await q.query(`CREATE INDEX audit_events_action_at_id_idx ON audit_events (action, at, id)`);
    await q.query(`CREATE INDEX audit_events_entity_type_at_id_idx ON audit_events (entity_type, at, id)`);
    await q.query(`DROP INDEX audit_events_actor_idx`);
    await q.query(`DROP INDEX audit_events_entity_idx`);
    await q.query(`DROP INDEX audit_events_dialogue_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, at DESC)`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_id, at DESC)`);
    await q.query(`CREATE INDEX audit_events_dialogue_idx ON audit_events (dialogue_id, at DESC)`);
    await q.query(`DROP INDEX audit_events_entity_type_at_id_idx`);
    await q.query(`DROP INDEX audit_events_action_at_id_idx`);
    await q.query(`DROP INDEX audit_events_dialogue_at_id_idx`);
    await q.query(`DROP INDEX audit_events_entity_at_id_idx`);
    await q.query(`DROP INDEX audit_events_actor_at_id_idx`);
  }
}
