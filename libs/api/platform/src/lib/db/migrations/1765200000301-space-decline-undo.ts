import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A coordinator's (or organizer's) decline of one seat request in a space may be undone for a
 * short while, as a decline of a whole registration may (StaffDecisionsService.undoDeclineSpace):
 * - `registration_spaces.declined_at`: when the request was declined;
 * - `registration_spaces.decline_undo_status`: its status before (pending, waitlisted, confirmed),
 *   cleared by an undo. A status only, no personal data.
 * The decline email is held back (`outbound_emails.send_after`) until the window has passed.
 */
export class SpaceDeclineUndo1765200000301 implements MigrationInterface {
  name = 'SpaceDeclineUndo1765200000301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE registration_spaces ADD COLUMN declined_at timestamptz, ADD COLUMN decline_undo_status text`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE registration_spaces DROP COLUMN decline_undo_status, DROP COLUMN declined_at');
  }
}
