import type { Speaker } from '@gfmd/contracts';

/** What the overlap rules look at in an agenda item. */
export interface AgendaSlot {
  id: string;
  title: string;
  spaceId: string | null;
  room: string | null;
  startsAt: Date;
  endsAt: Date;
  speakers: Speaker[];
}

export type ClashReason = 'space' | 'room' | 'speaker';

export interface Clash<T extends AgendaSlot = AgendaSlot> {
  reason: ClashReason;
  item: T;
  /** The speaker booked twice, for reason 'speaker'. */
  speaker?: Speaker;
}

/** Half-open intervals: an item ending at 11:00 does not overlap one starting at 11:00. */
export const overlapsInTime = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

const fold = (s: string | null | undefined) =>
  (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

/** The same person: same name and organization, compared case- and space-insensitively. */
export const speakerKey = (s: Pick<Speaker, 'name' | 'organization'>) => `${fold(s.name)}\u0000${fold(s.organization)}`;

/** The same room, compared case-insensitively (as the database's exclusion constraint does). */
export const roomKey = (room: string) => room.toLocaleLowerCase('en');

/**
 * The first clash of `candidate` with `others` (itself excluded): the same track (space, or the
 * dialogue's main track for items without a space), the same room, or a speaker in both.
 */
export function findClash<T extends AgendaSlot>(candidate: AgendaSlot, others: T[]): Clash<T> | null {
  const overlapping = others
    .filter((o) => o.id !== candidate.id && overlapsInTime(candidate, o))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  const sameSpace = overlapping.find((o) => o.spaceId === candidate.spaceId);
  if (sameSpace) return { reason: 'space', item: sameSpace };
  if (candidate.room) {
    const key = roomKey(candidate.room);
    const sameRoom = overlapping.find((o) => o.room !== null && roomKey(o.room) === key);
    if (sameRoom) return { reason: 'room', item: sameRoom };
  }
  const mine = new Map(candidate.speakers.map((s) => [speakerKey(s), s]));
  for (const other of overlapping) {
    const speaker = other.speakers.map((s) => mine.get(speakerKey(s))).find(Boolean);
    if (speaker) return { reason: 'speaker', item: other, speaker };
  }
  return null;
}

/** Speakers listed twice in the same item (same key). */
export function duplicateSpeakers(speakers: Speaker[]): Speaker[] {
  const seen = new Set<string>();
  return speakers.filter((s) => {
    const key = speakerKey(s);
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}
