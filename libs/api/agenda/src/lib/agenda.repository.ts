import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { currentManager } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { AgendaItemEntity } from './agenda-item.entity';

export type AgendaItemRecord = AgendaItemEntity;

/** What a deleted agenda item looked like (no personal data). */
export interface AgendaItemRemoval {
  id: string;
  spaceId: string | null;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** One more than the item's last SEQUENCE. */
  sequence: number;
  removedAt: Date;
}
/** The only place that queries agenda items (participants are read through the registrations' ParticipantDirectory). */
@Injectable()
export class AgendaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The manager of the transaction under way in the async context, or the data source's one. */
  private get manager() {
    return currentManager(this.dataSource);
  }

  private repo() {
    return this.manager.getRepository(AgendaItemEntity);
  }

  find(id: string): Promise<AgendaItemRecord | null> {
    return this.repo().findOne({ where: { id } });
  }

  /** A dialogue's items in time order (optionally of one space). */
  list(dialogueId: string, spaceId?: string): Promise<AgendaItemRecord[]> {
    return this.repo().find({
      where: spaceId ? { dialogueId, spaceId } : { dialogueId },
      order: { startsAt: 'ASC', endsAt: 'ASC', title: 'ASC', id: 'ASC' },
    });
  }

  /** Items of the dialogue whose time overlaps [startsAt, endsAt). */
  overlapping(dialogueId: string, startsAt: Date, endsAt: Date): Promise<AgendaItemRecord[]> {
    return this.manager
      .getRepository(AgendaItemEntity)
      .createQueryBuilder('a')
      .where('a.dialogue_id = :dialogueId AND a.starts_at < :endsAt AND a.ends_at > :startsAt', {
        dialogueId,
        startsAt,
        endsAt,
      })
      .orderBy('a.starts_at', 'ASC')
      .getMany();
  }

  /** How many of the dialogue's items do not fit inside [startsAt, endsAt]. */
  countOutside(dialogueId: string, startsAt: Date, endsAt: Date): Promise<number> {
    return this.manager
      .getRepository(AgendaItemEntity)
      .createQueryBuilder('a')
      .where('a.dialogue_id = :dialogueId AND (a.starts_at < :startsAt OR a.ends_at > :endsAt)', {
        dialogueId,
        startsAt,
        endsAt,
      })
      .getCount();
  }

  /**
   * Moves every item of a dialogue by `byMs` and bumps each one's SEQUENCE, in the current
   * transaction. The no-overlap constraints are deferred to the end of the transaction (the
   * items move one row at a time, and a moved row may briefly meet one not yet moved).
   */
  async shiftAll(dialogueId: string, byMs: number): Promise<number> {
    const m = currentManager(this.dataSource);
    await m.query('SET CONSTRAINTS agenda_items_no_overlap_in_space, agenda_items_no_overlap_in_room DEFERRED');
    const [, count] = (await m.query(
      `UPDATE agenda_items SET starts_at = starts_at + $2 * interval '1 millisecond',
                               ends_at = ends_at + $2 * interval '1 millisecond',
                               sequence = sequence + 1, updated_at = now()
        WHERE dialogue_id = $1`,
      [dialogueId, byMs],
    )) as [unknown, number];
    return count;
  }

  /** Checks the deferred no-overlap constraints now (a violation throws 23P01). */
  async checkConstraintsNow(): Promise<void> {
    await currentManager(this.dataSource).query(
      'SET CONSTRAINTS agenda_items_no_overlap_in_space, agenda_items_no_overlap_in_room IMMEDIATE',
    );
  }

  save(data: Partial<AgendaItemEntity>): Promise<AgendaItemRecord> {
    const repo = this.repo();
    return repo.save(repo.create(data));
  }

  /** Deletes an item, keeping what calendars need to show it cancelled (`agenda_item_removals`). */
  async remove(id: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO agenda_item_removals (id, dialogue_id, space_id, title, starts_at, ends_at, sequence)
       SELECT id, dialogue_id, space_id, title, starts_at, ends_at, sequence + 1 FROM agenda_items WHERE id = $1
       ON CONFLICT (id) DO NOTHING`,
      [id],
    );
    await this.repo().delete({ id });
  }

  /** The items deleted from a dialogue's agenda (for STATUS:CANCELLED events in its calendars). */
  async removals(dialogueId: string): Promise<AgendaItemRemoval[]> {
    const rows: Record<string, unknown>[] = await this.manager.query(
      `SELECT id, space_id, title, starts_at, ends_at, sequence, removed_at FROM agenda_item_removals
        WHERE dialogue_id = $1 ORDER BY starts_at, id`,
      [dialogueId],
    );
    return rows.map((r) => ({
      id: r['id'] as string,
      spaceId: (r['space_id'] as string | null) ?? null,
      title: r['title'] as string,
      startsAt: r['starts_at'] as Date,
      endsAt: r['ends_at'] as Date,
      sequence: r['sequence'] as number,
      removedAt: r['removed_at'] as Date,
    }));
  }

  /** Items in a space (for the spaces domain: a space with items keeps its kind and cannot be deleted). */
  async itemCountInSpace(spaceId: string): Promise<number> {
    const [row] = await this.manager.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM agenda_items WHERE space_id = $1',
      [spaceId],
    );
    return row?.n ?? 0;
  }

  /**
   * Which of `rooms` (lower-cased) items still use through a space: its own items, and items
   * without a space in a room no other space of the dialogue lists (`otherRooms`, lower-cased).
   */
  async roomsInUse(
    space: { id: string; dialogueId: string },
    rooms: string[],
    otherRooms: string[],
  ): Promise<string[]> {
    if (!rooms.length) return [];
    const rows = await this.manager.query<{ room: string }[]>(
      `SELECT DISTINCT lower(a.room) AS room FROM agenda_items a
        WHERE a.dialogue_id = $1 AND a.room IS NOT NULL AND lower(a.room) = ANY($3::text[])
          AND (a.space_id = $2 OR (a.space_id IS NULL AND NOT (lower(a.room) = ANY($4::text[]))))`,
      [space.dialogueId, space.id, rooms, otherRooms],
    );
    return rows.map((r) => r.room);
  }
}
