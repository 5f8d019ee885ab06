import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RoomOutcome } from '@gfmd/contracts';
import { sql } from './check-in.sql';

export interface ScanRow {
  id: string;
  registrationId: string;
  dialogueId: string;
  userId: string | null;
  scannedAt: Date;
  counted: boolean;
  undoneAt: Date | null;
  agendaItemId: string | null;
  spaceId: string | null;
  roomOutcome: RoomOutcome | null;
}

const COLUMNS = `id, registration_id AS "registrationId", dialogue_id AS "dialogueId", user_id AS "userId",
  scanned_at AS "scannedAt", counted, undone_at AS "undoneAt", agenda_item_id AS "agendaItemId", space_id AS "spaceId",
  room_outcome AS "roomOutcome"`;

/** `check_in_scans` (this repository's alone): every scan the door sent, by the scan id the device chose. */
@Injectable()
export class CheckInScansRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byId(id: string, lock = false): Promise<ScanRow | null> {
    const [row] = await sql<ScanRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM check_in_scans WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  /** Records a scan once; false when this scan id is already recorded (a replay, or a concurrent one). */
  async insert(row: Omit<ScanRow, 'undoneAt' | 'roomOutcome'>): Promise<boolean> {
    const inserted = await sql<{ id: string }>(
      this.dataSource,
      `INSERT INTO check_in_scans (id, registration_id, dialogue_id, user_id, scanned_at, counted, agenda_item_id, space_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        row.id,
        row.registrationId,
        row.dialogueId,
        row.userId,
        row.scannedAt,
        row.counted,
        row.agendaItemId,
        row.spaceId,
      ],
    );
    return inserted.length > 0;
  }

  async markCounted(id: string): Promise<void> {
    await sql(this.dataSource, `UPDATE check_in_scans SET counted = true WHERE id = $1`, [id]);
  }

  async setRoomOutcome(id: string, outcome: RoomOutcome): Promise<void> {
    await sql(this.dataSource, `UPDATE check_in_scans SET room_outcome = $2 WHERE id = $1`, [id, outcome]);
  }

  async markUndone(id: string): Promise<void> {
    await sql(this.dataSource, `UPDATE check_in_scans SET undone_at = now() WHERE id = $1 AND undone_at IS NULL`, [id]);
  }

  /** The counted, not undone scan of a registration (the one an undo takes back). */
  async countedOf(registrationId: string): Promise<ScanRow | null> {
    const [row] = await sql<ScanRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM check_in_scans WHERE registration_id = $1 AND counted AND undone_at IS NULL
        ORDER BY received_at DESC LIMIT 1`,
      [registrationId],
    );
    return row ?? null;
  }
}
