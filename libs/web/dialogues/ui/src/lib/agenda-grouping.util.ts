import type { AgendaItem, Space } from '@gfmd/contracts';
import { zonedDateKey } from '@gfmd/web-shared-util-time';

export interface AgendaEntry {
  item: AgendaItem;
  /** undefined for items that belong to no space (for every participant) */
  space: Space | undefined;
}

export interface AgendaDay {
  /** YYYY-MM-DD in the dialogue's time zone */
  day: string;
  /** an instant on that day, for formatting the heading */
  firstStartsAt: string;
  /** the day's items in time order; at the same time, items for everyone first, then by space */
  entries: AgendaEntry[];
}

/**
 * Agenda by day (in the dialogue's zone), then in time order: what happens when, whatever the
 * space (each entry names its space, shown as a label). Items that start together keep items for
 * everyone first, then the spaces in their given order, then the items' own sequence.
 */
export function groupAgenda(items: readonly AgendaItem[], spaces: readonly Space[], timeZone: string): AgendaDay[] {
  const spaceOrder = new Map(spaces.map((s, i) => [s.id, i + 1]));
  const spacesById = new Map(spaces.map((s) => [s.id, s]));
  const rank = (item: AgendaItem) => (item.spaceId ? (spaceOrder.get(item.spaceId) ?? spaces.length + 1) : 0);
  const sorted = [...items].sort(
    (a, b) =>
      a.startsAt.localeCompare(b.startsAt) ||
      rank(a) - rank(b) ||
      (a.sequence ?? 0) - (b.sequence ?? 0) ||
      a.endsAt.localeCompare(b.endsAt),
  );
  const days = new Map<string, AgendaDay>();
  for (const item of sorted) {
    const key = zonedDateKey(item.startsAt, timeZone);
    const day = days.get(key) ?? { day: key, firstStartsAt: item.startsAt, entries: [] };
    day.entries.push({ item, space: item.spaceId ? spacesById.get(item.spaceId) : undefined });
    days.set(key, day);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}
