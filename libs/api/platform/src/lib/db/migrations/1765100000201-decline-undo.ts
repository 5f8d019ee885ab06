import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A staff decline may be undone for a short while (StaffDecisionsService.undoDecline):
 * - `registrations.declined_at`: when an organizer declined the whole registration;
 * - `registrations.decline_undo`: what the decline changed, `{status, spaces: [{spaceId, status}]}`
 *   (statuses only, no personal data), cleared by an undo.
 * The decline email is held back (`outbound_emails.send_after`) until the window has passed.
 */
export class DeclineUndo1765100000201 implements MigrationInterface {
  name = 'DeclineUndo1765100000201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registrations ADD COLUMN declined_at timestamptz, ADD COLUMN decline_undo jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE registrations DROP COLUMN decline_undo, DROP COLUMN declined_at');
  }
}
