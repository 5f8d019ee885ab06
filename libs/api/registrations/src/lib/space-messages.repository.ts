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

  /** Records a message; its id names the batch of its emails (`outbound_emails.batch_id`). */
  async record(spaceId: string, senderId: string, recipients: number): Promise<string> {
    const [row] = await sql<{ id: string }>(
      this.dataSource,
      'INSERT INTO space_messages (space_id, sender_id, recipients) VALUES ($1, $2, $3) RETURNING id',
      [spaceId, senderId, recipients],
    );
    return row.id;
  }

  /** Whether a message was sent in this space. */
  async exists(spaceId: string, messageId: string): Promise<boolean> {
    const rows = await sql(this.dataSource, 'SELECT 1 FROM space_messages WHERE id = $1 AND space_id = $2', [
      messageId,
      spaceId,
    ]);
    return rows.length > 0;
  }
}
