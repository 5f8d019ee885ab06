import type { AgendaItem } from '@gfmd/contracts';
import { fromZonedLocalInput } from '@gfmd/web-shared-util-time';

export type ClashKind = 'space' | 'room' | 'speaker';

export interface AgendaClash {
  kind: ClashKind;
  other: AgendaItem;
  /** the room or speaker name in conflict */
  subject?: string;
}

export type AgendaCandidate = Pick<AgendaItem, 'startsAt' | 'endsAt' | 'spaceId' | 'room' | 'speakers'> & {
  id?: string;
};

const norm = (value: string | null | undefined): string => (value ?? '').trim().toLowerCase().replace(/\s+/g, ' ');

export function overlaps(
  a: Pick<AgendaItem, 'startsAt' | 'endsAt'>,
  b: Pick<AgendaItem, 'startsAt' | 'endsAt'>,
): boolean {
  return Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
}

/**
 * The agenda rules (docs/agenda-and-spaces.md) checked before saving: no two items overlap in the same space or the same
 * room, and no speaker is in two places at once. The server checks again (409).
 */
export function findClashes(candidate: AgendaCandidate, items: readonly AgendaItem[]): AgendaClash[] {
  const clashes: AgendaClash[] = [];
  const room = norm(candidate.room);
  const speakers = new Set(candidate.speakers.map((s) => norm(s.name)).filter(Boolean));
  for (const other of items) {
    if (other.id === candidate.id || !overlaps(candidate, other)) {
      continue;
    }
    if ((candidate.spaceId ?? null) === (other.spaceId ?? null)) {
      clashes.push({ kind: 'space', other });
    }
    if (room && room === norm(other.room)) {
      clashes.push({ kind: 'room', other, subject: other.room ?? undefined });
    }
    for (const speaker of other.speakers) {
      if (speakers.has(norm(speaker.name))) {
        clashes.push({ kind: 'speaker', other, subject: speaker.name });
      }
    }
  }
  return clashes;
}

/** Ids of the items already in conflict with another one (highlighted in the grid). */
export function findClashingIds(items: readonly AgendaItem[]): Set<string> {
  const ids = new Set<string>();
  for (const item of items) {
    if (findClashes(item, items).length) {
      ids.add(item.id);
    }
  }
  return ids;
}

/**
 * The instants of an item typed as a day and two wall-clock times in the dialogue's time zone;
 * null while incomplete or when the end is not after the start.
 */
export function candidateTimes(
  day: string,
  start: string,
  end: string,
  timeZone: string,
): { startsAt: string; endsAt: string } | null {
  if (!day || !start || !end || end <= start) {
    return null;
  }
  return {
    startsAt: fromZonedLocalInput(`${day}T${start}`, timeZone),
    endsAt: fromZonedLocalInput(`${day}T${end}`, timeZone),
  };
}
