import { Injectable } from '@nestjs/common';

/** What another domain holds in a space, asked before a space is deleted or its kind or rooms change. */
export interface SpaceUsageSource {
  /** Registrations holding or waiting for a seat in the space (registrations). */
  activeSeats?(spaceId: string): Promise<number>;
  /** Agenda items in the space (agenda). */
  agendaItems?(spaceId: string): Promise<number>;
  /**
   * Which of `rooms` (lower-cased) are still used through the space: its own items, and items
   * without a space in a room that no other space of the dialogue lists (`otherRooms`, lower-cased).
   */
  roomsInUse?(space: { id: string; dialogueId: string }, rooms: string[], otherRooms: string[]): Promise<string[]>;
}

/**
 * The spaces domain asks the domains that build on it (registrations, agenda) what they hold in
 * a space, through the sources they register, instead of reading their tables (one owner per
 * table). Runs in the caller's transaction.
 */
@Injectable()
export class SpaceUsage {
  private readonly sources: SpaceUsageSource[] = [];

  register(source: SpaceUsageSource) {
    this.sources.push(source);
  }

  async activeSeats(spaceId: string): Promise<number> {
    let n = 0;
    for (const s of this.sources) n += (await s.activeSeats?.(spaceId)) ?? 0;
    return n;
  }

  async agendaItems(spaceId: string): Promise<number> {
    let n = 0;
    for (const s of this.sources) n += (await s.agendaItems?.(spaceId)) ?? 0;
    return n;
  }

  async roomsInUse(
    space: { id: string; dialogueId: string },
    rooms: string[],
    otherRooms: string[],
  ): Promise<string[]> {
    if (!rooms.length) return [];
    const out = new Set<string>();
    for (const s of this.sources) for (const r of (await s.roomsInUse?.(space, rooms, otherRooms)) ?? []) out.add(r);
    return [...out];
  }
}
