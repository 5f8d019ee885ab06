import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { byName, currentManager } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { SpaceEntity } from './space.entity';

export type SpaceRecord = SpaceEntity;

/**
 * The only place that queries spaces (and, read-only, who holds or uses them). Runs in the
 * transaction of the async context (`currentManager`), or autocommit outside one.
 */
@Injectable()
export class SpacesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get manager() {
    return currentManager(this.dataSource);
  }

  private repo() {
    return this.manager.getRepository(SpaceEntity);
  }

  find(id: string): Promise<SpaceRecord | null> {
    return this.repo().findOne({ where: { id } });
  }

  /** Locks the space row (its seat counter too) for the rest of the caller's transaction. */
  lock(id: string): Promise<SpaceRecord | null> {
    return this.repo().findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** A dialogue's spaces in the order they were made (plenary first among those made together). */
  listByDialogue(dialogueId: string): Promise<SpaceRecord[]> {
    return this.repo()
      .createQueryBuilder('s')
      .where('s.dialogue_id = :dialogueId', { dialogueId })
      .orderBy('s.created_at', 'ASC')
      .addOrderBy(
        `array_position(ARRAY['plenary','common_space','government','civil_society','business','side_event'], s.kind)`,
      )
      .addOrderBy(byName('s.name'), 'ASC') // the reader's collation (docs/i18n.md, "Sorting names")
      .getMany();
  }

  save(data: Partial<SpaceEntity>): Promise<SpaceRecord> {
    const repo = this.repo();
    return repo.save(repo.create(data));
  }

  async remove(id: string): Promise<void> {
    await this.repo().delete({ id });
  }

  /** Spaces among `ids` that belong to the dialogue. */
  async idsInDialogue(dialogueId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT id FROM spaces WHERE dialogue_id = $1 AND id = ANY($2::uuid[])`,
      [dialogueId, ids],
    );
    return rows.map((r) => r.id);
  }

  async idsCoordinatedBy(userId: string, dialogueId?: string): Promise<string[]> {
    const qb = this.repo()
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .where(':uid = ANY(s.coordinator_user_ids)', { uid: userId });
    if (dialogueId) qb.andWhere('s.dialogue_id = :dialogueId', { dialogueId });
    return (await qb.orderBy('s.created_at', 'ASC').getRawMany<{ id: string }>()).map((r) => r.id);
  }
}
