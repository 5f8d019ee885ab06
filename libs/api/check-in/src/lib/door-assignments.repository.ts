import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sql } from './check-in.sql';

/** `door_assignments` (this repository's alone): the door users an organizer bound to each dialogue. */
@Injectable()
export class DoorAssignmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async userIds(dialogueId: string): Promise<string[]> {
    const rows = await sql<{ user_id: string }>(
      this.dataSource,
      `SELECT user_id FROM door_assignments WHERE dialogue_id = $1 ORDER BY assigned_at, user_id`,
      [dialogueId],
    );
    return rows.map((r) => r.user_id);
  }

  async dialogueIds(userId: string): Promise<string[]> {
    const rows = await sql<{ dialogue_id: string }>(
      this.dataSource,
      `SELECT dialogue_id FROM door_assignments WHERE user_id = $1 ORDER BY assigned_at, dialogue_id`,
      [userId],
    );
    return rows.map((r) => r.dialogue_id);
  }

  async isAssigned(dialogueId: string, userId: string): Promise<boolean> {
    const rows = await sql<{ one: number }>(
      this.dataSource,
      `SELECT 1 AS one FROM door_assignments WHERE dialogue_id = $1 AND user_id = $2`,
      [dialogueId, userId],
    );
    return rows.length > 0;
  }

  /** Makes the dialogue's list exactly `userIds` (in the caller's transaction); answers who was added and removed. */
  async replace(dialogueId: string, userIds: string[]): Promise<{ added: string[]; removed: string[] }> {
    const removed = await sql<{ user_id: string }>(
      this.dataSource,
      `DELETE FROM door_assignments WHERE dialogue_id = $1 AND NOT (user_id = ANY($2::uuid[])) RETURNING user_id`,
      [dialogueId, userIds],
    );
    const added = await sql<{ user_id: string }>(
      this.dataSource,
      `INSERT INTO door_assignments (dialogue_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) AS u
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [dialogueId, userIds],
    );
    return { added: added.map((r) => r.user_id), removed: removed.map((r) => r.user_id) };
  }
}
