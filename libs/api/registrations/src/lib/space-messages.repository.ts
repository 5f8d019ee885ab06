import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sql } from './registration.rows';

/** `space_messages`: messages counted per space and day (the text is not kept). */
@Injectable()
export class SpaceMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Serialises the messages of one space for the rest of the transaction. */
  async lock(spaceId: string): Promise<void> {
    await sql(this.dataSource, `SELECT pg_advisory_xact_lock(hashtext('space_messages:' || $1::text))`, [spaceId]);
  }

  async countSince(spaceId: string, withinMs: number): Promise<number> {
    const [row] = await sql<{ n: number }>(
      this.dataSource,
      `SELECT count(*)::int AS n FROM space_messages
        WHERE space_id = $1 AND created_at > now() - $2 * interval '1 millisecond'`,
      [spaceId, withinMs],
    );
    return row?.n ?? 0;
  }

  async record(spaceId: string, senderId: string, recipients: number): Promise<void> {
    await sql(this.dataSource, 'INSERT INTO space_messages (space_id, sender_id, recipients) VALUES ($1, $2, $3)', [
      spaceId,
      senderId,
      recipients,
    ]);
  }
}
