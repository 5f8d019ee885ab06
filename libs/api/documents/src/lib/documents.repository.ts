import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentKind, DocumentLanguage, DocumentOwnerType, DocumentVisibility } from '@gfmd/contracts';
import { currentManager } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';

export interface DocumentRecord {
  id: string;
  dialogueId: string;
  ownerType: DocumentOwnerType;
  ownerId: string;
  spaceId: string | null;
  kind: DocumentKind;
  title: Record<string, string>;
  visibility: DocumentVisibility;
  language: DocumentLanguage;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedById: string | null;
  createdAt: Date;
}

export type NewDocument = Omit<DocumentRecord, 'createdAt'>;

const COLUMNS = `id, dialogue_id AS "dialogueId", owner_type AS "ownerType", owner_id AS "ownerId",
  space_id AS "spaceId", kind, title, visibility, language, file_name AS "fileName",
  content_type AS "contentType", size::float8 AS size, sha256, storage_key AS "storageKey",
  uploaded_by_id AS "uploadedById", created_at AS "createdAt"`;

/** The only code that touches the `documents` table. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get manager() {
    return currentManager(this.dataSource);
  }

  async insert(d: NewDocument): Promise<DocumentRecord> {
    const rows: DocumentRecord[] = await this.manager.query(
      `INSERT INTO documents (id, dialogue_id, owner_type, owner_id, space_id, kind, title, visibility, language,
         file_name, content_type, size, sha256, storage_key, uploaded_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING ${COLUMNS}`,
      [
        d.id,
        d.dialogueId,
        d.ownerType,
        d.ownerId,
        d.spaceId,
        d.kind,
        JSON.stringify(d.title),
        d.visibility,
        d.language,
        d.fileName,
        d.contentType,
        d.size,
        d.sha256,
        d.storageKey,
        d.uploadedById,
      ],
    );
    return rows[0];
  }

  async find(id: string): Promise<DocumentRecord | null> {
    const rows: DocumentRecord[] = await this.manager.query(`SELECT ${COLUMNS} FROM documents WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** A dialogue's documents (those of its agenda items, spaces and outcome included), oldest first. */
  listByDialogue(dialogueId: string, visibilities?: DocumentVisibility[]): Promise<DocumentRecord[]> {
    return this.manager.query(
      `SELECT ${COLUMNS} FROM documents WHERE dialogue_id = $1 AND ($2::text[] IS NULL OR visibility = ANY($2))
       ORDER BY created_at, id`,
      [dialogueId, visibilities ?? null],
    );
  }

  async setTitle(id: string, title: Record<string, string>): Promise<void> {
    await this.manager.query(`UPDATE documents SET title = $2::jsonb WHERE id = $1`, [id, JSON.stringify(title)]);
  }

  async setVisibility(id: string, visibility: DocumentVisibility): Promise<void> {
    await this.manager.query(`UPDATE documents SET visibility = $2 WHERE id = $1`, [id, visibility]);
  }

  async delete(id: string): Promise<DocumentRecord | null> {
    const rows: [DocumentRecord[], number] = await this.manager.query(
      `DELETE FROM documents WHERE id = $1 RETURNING ${COLUMNS}`,
      [id],
    );
    return rows[0][0] ?? null;
  }
}
