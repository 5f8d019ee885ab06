import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sql } from './check-in.sql';

/** A room at whose door people are scanned: an agenda item or a space. */
export interface RoomRef {
  agendaItemId: string | null;
  spaceId: string | null;
}

/** `room_arrivals` (this repository's alone): who was scanned in at each room's door, once each. */
@Injectable()
export class RoomArrivalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records an arrival once; false when the person was already scanned in there. */
  async insert(
    row: RoomRef & { registrationId: string; dialogueId: string; scanId: string; at: Date },
  ): Promise<boolean> {
    const target = row.agendaItemId
      ? '(agenda_item_id, registration_id) WHERE agenda_item_id IS NOT NULL'
      : '(space_id, registration_id) WHERE space_id IS NOT NULL';
    const inserted = await sql<{ scan_id: string }>(
      this.dataSource,
      `INSERT INTO room_arrivals (registration_id, dialogue_id, agenda_item_id, space_id, scan_id, arrived_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ${target} DO NOTHING RETURNING scan_id`,
      [row.registrationId, row.dialogueId, row.agendaItemId, row.spaceId, row.scanId, row.at],
    );
    return inserted.length > 0;
  }

  /** Takes back the arrival a scan recorded; true when there was one. */
  async removeByScan(scanId: string): Promise<boolean> {
    const removed = await sql<{ scan_id: string }>(
      this.dataSource,
      `DELETE FROM room_arrivals WHERE scan_id = $1 RETURNING scan_id`,
      [scanId],
    );
    return removed.length > 0;
  }

  /** Arrivals per room of a dialogue (rooms nobody entered yet are absent). */
  async counts(
    dialogueId: string,
  ): Promise<{ agendaItemId: string | null; spaceId: string | null; arrived: number }[]> {
    return sql(
      this.dataSource,
      `SELECT agenda_item_id AS "agendaItemId", space_id AS "spaceId", count(*)::int AS arrived
         FROM room_arrivals WHERE dialogue_id = $1 GROUP BY 1, 2`,
      [dialogueId],
    );
  }
}
