/** What orders an agenda item: its times, its space and its sequence. */
export interface AgendaOrdered {
  startsAt: string;
  endsAt: string;
  spaceId?: string | null;
  sequence?: number | null;
}

/** One day of an agenda: its key (YYYY-MM-DD in the dialogue's zone) and its items in order. */
export interface AgendaDayOf<T> {
  day: string;
  items: T[];
}

/**
 * The agenda by day, then in time order, whatever the space: the web's agenda and the page the
 * API paints before the app starts show the same order. Items that start together keep items for
 * everyone first, then the spaces in their given order (`spaceIds`), then the items' own
 * sequence. `dayKey` gives an instant's YYYY-MM-DD in the dialogue's zone.
 */
export function agendaByDay<T extends AgendaOrdered>(
  items: readonly T[],
  spaceIds: readonly string[],
  dayKey: (iso: string) => string,
): AgendaDayOf<T>[] {
  const order = new Map(spaceIds.map((id, i) => [id, i + 1]));
  const rank = (item: T) => (item.spaceId ? (order.get(item.spaceId) ?? spaceIds.length + 1) : 0);
  const sorted = [...items].sort(
    (a, b) =>
      a.startsAt.localeCompare(b.startsAt) ||
      rank(a) - rank(b) ||
      (a.sequence ?? 0) - (b.sequence ?? 0) ||
      a.endsAt.localeCompare(b.endsAt),
  );
  const days = new Map<string, T[]>();
  for (const item of sorted) {
    const key = dayKey(item.startsAt);
    const day = days.get(key);
    if (day) day.push(item);
    else days.set(key, [item]);
  }
  return [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, dayItems]) => ({ day, items: dayItems }));
}
