import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar feeds (docs/api.md, "Calendar feeds"):
 * - `dialogues.first_published_at`: when a dialogue was first made public. A dialogue cancelled
 *   after that stays in `/feeds/dialogues.ics` as STATUS:CANCELLED (subscribers see the
 *   cancellation); a draft cancelled before it was ever public never appears. Back-filled from
 *   the audit log for cancelled dialogues, and from the creation time for public ones.
 * - `agenda_item_removals`: what a deleted agenda item looked like (no personal data), so that
 *   agenda calendars keep it as STATUS:CANCELLED with its SEQUENCE bumped instead of letting it
 *   silently disappear from a subscribed calendar while an imported copy lingers.
 */
export class CalendarFeeds1765200000701 implements MigrationInterface {
  name = 'CalendarFeeds1765200000701';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dialogues ADD COLUMN first_published_at timestamptz;
      UPDATE dialogues SET first_published_at = created_at WHERE status IN ('published', 'registration_closed', 'concluded');
      UPDATE dialogues d SET first_published_at = a.at
        FROM (SELECT entity_id, min(at) AS at FROM audit_events WHERE action = 'dialogue.published' GROUP BY entity_id) a
       WHERE d.id = a.entity_id AND d.status = 'cancelled';

      CREATE TABLE agenda_item_removals (
        id uuid PRIMARY KEY,
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        space_id uuid,
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        sequence int NOT NULL,
        removed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX agenda_item_removals_dialogue_idx ON agenda_item_removals (dialogue_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE agenda_item_removals; ALTER TABLE dialogues DROP COLUMN first_published_at');
  }
}
