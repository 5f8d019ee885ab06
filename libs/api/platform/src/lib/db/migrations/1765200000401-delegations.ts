import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delegations (docs/delegations.md).
 *
 * - `seat_holds` (registrations): a block of a dialogue's seats held for one delegation, counted
 *   in `dialogues.confirmed_count` as a whole (used or not) and against its group's quota; a
 *   registration inside it (`registrations.hold_id`) takes none of the dialogue's seats again.
 * - `delegations` (delegations): the delegation itself, same id as its hold; the focal point's
 *   address is personal data (export, erasure).
 * - `delegation_tokens`: sha256 of the focal point's links (minted when the email is sent).
 * - `delegation_members`: each delegate's registration and role.
 */
export class Delegations1765200000401 implements MigrationInterface {
  name = 'Delegations1765200000401';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE seat_holds (
        id uuid PRIMARY KEY,
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        stakeholder_group text NOT NULL,
        seats int NOT NULL CHECK (seats >= 0),
        label text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX seat_holds_dialogue_idx ON seat_holds (dialogue_id);

      ALTER TABLE registrations ADD COLUMN hold_id uuid REFERENCES seat_holds(id);
      CREATE INDEX registrations_hold_idx ON registrations (hold_id) WHERE hold_id IS NOT NULL;

      CREATE TABLE delegations (
        id uuid PRIMARY KEY REFERENCES seat_holds(id) ON DELETE CASCADE,
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        name text NOT NULL,
        stakeholder_group text NOT NULL,
        country char(2),
        focal_point_email text NOT NULL,
        focal_point_email_normalized text NOT NULL,
        focal_point_language text NOT NULL DEFAULT 'en',
        link_round int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX delegations_name_idx ON delegations (dialogue_id, lower(name));
      CREATE INDEX delegations_focal_point_idx ON delegations (focal_point_email_normalized);

      CREATE TABLE delegation_tokens (
        token_hash text PRIMARY KEY,
        delegation_id uuid NOT NULL REFERENCES delegations(id) ON DELETE CASCADE,
        link_round int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX delegation_tokens_delegation_idx ON delegation_tokens (delegation_id);

      CREATE TABLE delegation_members (
        registration_id uuid PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
        delegation_id uuid NOT NULL REFERENCES delegations(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('head_of_delegation', 'delegate', 'adviser')),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX delegation_members_delegation_idx ON delegation_members (delegation_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE delegation_members;
      DROP TABLE delegation_tokens;
      DROP TABLE delegations;
      ALTER TABLE registrations DROP COLUMN hold_id;
      DROP TABLE seat_holds;
    `);
  }
}
