import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { SpaceEntity } from './space.entity';

export type SpaceRecord = SpaceEntity;

/** The only place that queries spaces (and, read-only, who holds or uses them). */
@Injectable()
export class SpacesRepository {
  constructor(@InjectRepository(SpaceEntity) private readonly spaces: Repository<SpaceEntity>) {}

  private repo(manager?: EntityManager) {
    return manager ? manager.getRepository(SpaceEntity) : this.spaces;
  }

  find(id: string, manager?: EntityManager): Promise<SpaceRecord | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  /** Locks the space row (its seat counter too) for the rest of the caller's transaction. */
  lock(manager: EntityManager, id: string): Promise<SpaceRecord | null> {
    return manager.getRepository(SpaceEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** A dialogue's spaces in the order they were made (plenary first among those made together). */
  listByDialogue(dialogueId: string, manager?: EntityManager): Promise<SpaceRecord[]> {
    return this.repo(manager)
      .createQueryBuilder('s')
      .where('s.dialogue_id = :dialogueId', { dialogueId })
      .orderBy('s.created_at', 'ASC')
      .addOrderBy(
        `array_position(ARRAY['plenary','common_space','government','civil_society','business','side_event'], s.kind)`,
      )
      .addOrderBy('s.name', 'ASC')
      .getMany();
  }

  save(data: Partial<SpaceEntity>, manager?: EntityManager): Promise<SpaceRecord> {
    const repo = this.repo(manager);
    return repo.save(repo.create(data));
  }

  async remove(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(SpaceEntity).delete({ id });
  }

  async idsCoordinatedBy(userId: string, dialogueId?: string): Promise<string[]> {
    const qb = this.spaces
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .where(':uid = ANY(s.coordinator_user_ids)', { uid: userId });
    if (dialogueId) qb.andWhere('s.dialogue_id = :dialogueId', { dialogueId });
    return (await qb.orderBy('s.created_at', 'ASC').getRawMany<{ id: string }>()).map((r) => r.id);
  }

  /** Registrations holding or waiting for a seat in the space (pending, confirmed, waitlisted). */
  async activeSeatCount(manager: EntityManager, spaceId: string): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM registration_spaces WHERE space_id = $1 AND status IN ('pending','confirmed','waitlisted')`,
      [spaceId],
    );
    return row?.n ?? 0;
  }

  async agendaItemCount(manager: EntityManager, spaceId: string): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM agenda_items WHERE space_id = $1`,
      [spaceId],
    );
    return row?.n ?? 0;
  }

  /**
   * Which of `rooms` (lower-cased) agenda items still use through this space: its own items, and
   * items without a space when no other space of the dialogue lists the room.
   */
  async roomsInUse(
    manager: EntityManager,
    space: { id: string; dialogueId: string },
    rooms: string[],
  ): Promise<string[]> {
    if (!rooms.length) return [];
    const rows = await manager.query<{ room: string }[]>(
      `SELECT DISTINCT lower(a.room) AS room FROM agenda_items a
        WHERE a.dialogue_id = $1 AND a.room IS NOT NULL AND lower(a.room) = ANY($3::text[])
          AND (a.space_id = $2 OR (a.space_id IS NULL AND NOT EXISTS (
                SELECT 1 FROM spaces o WHERE o.dialogue_id = $1 AND o.id <> $2
                  AND lower(a.room) = ANY(SELECT lower(r) FROM unnest(o.rooms) r))))`,
      [space.dialogueId, space.id, rooms],
    );
    return rows.map((r) => r.room);
  }
}
