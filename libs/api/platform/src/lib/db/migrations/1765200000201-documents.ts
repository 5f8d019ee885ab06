import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents (docs/documents.md): one row per stored file, written only once its bytes are in the
 * store (checked and scanned), so a row always names a complete, accepted object.
 * - `dialogue_id`: the dialogue the owner belongs to (for lists and access); `space_id`: the
 *   owner's space (a space, or an agenda item inside one) for coordinators' rights.
 * - `storage_key`: the object's key in the store (a uuid, never a name a user gave).
 */
export class Documents1765200000201 implements MigrationInterface {
  name = 'Documents1765200000201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dialogue_id uuid NOT NULL REFERENCES dialogues(id) ON DELETE CASCADE,
        owner_type text NOT NULL CHECK (owner_type IN ('dialogue', 'agenda_item', 'space', 'outcome')),
        owner_id uuid NOT NULL,
        space_id uuid,
        kind text NOT NULL,
        title jsonb NOT NULL DEFAULT '{}',
        visibility text NOT NULL CHECK (visibility IN ('public', 'registrants', 'staff')),
        language text NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL,
        sha256 text NOT NULL,
        storage_key text NOT NULL UNIQUE,
        uploaded_by_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX documents_dialogue_idx ON documents (dialogue_id, created_at);
      CREATE INDEX documents_owner_idx ON documents (owner_type, owner_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE documents`);
  }
}
