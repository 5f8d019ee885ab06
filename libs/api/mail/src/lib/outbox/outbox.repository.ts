import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { OutboundEmailEntity } from './outbound-email.entity';

export type OutboxRecord = OutboundEmailEntity;
export type NewOutboxRow = Omit<
  OutboundEmailEntity,
  'id' | 'createdAt' | 'updatedAt' | 'status' | 'attempts' | 'lastError' | 'providerMessageId' | 'sentAt' | 'lockedUntil'
>;

/** The only code that reads and writes the outbox table. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectRepository(OutboundEmailEntity) readonly repo: Repository<OutboundEmailEntity>) {}

  /**
   * Inserts rows in the caller's transaction; a row whose idempotency key exists already is
   * skipped (the cause has mailed before). Returns the ids of the rows inserted.
   */
  async insert(manager: EntityManager, rows: NewOutboxRow[]): Promise<{ id: string; sendAfter: Date | null }[]> {
    if (!rows.length) return [];
    const out: { id: string; sendAfter: Date | null }[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(OutboundEmailEntity)
        .values(rows.slice(i, i + 500).map((r) => ({ ...r, status: 'pending' as const })))
        .orIgnore()
        .returning(['id', 'sendAfter'])
        .execute();
      for (const raw of result.raw as { id: string; send_after: Date | null }[]) out.push({ id: raw.id, sendAfter: raw.send_after });
    }
    return out;
  }

  async markQueued(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ status: 'queued' })
      .where('id = ANY(:ids) AND status = :pending', { ids, pending: 'pending' })
      .execute();
  }
}
