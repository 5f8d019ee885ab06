import type { AgendaItem, Space } from '@gfmd/contracts';
import { zonedDateKey } from '@gfmd/web-shared-util-time';

export interface AgendaSpaceGroup {
  /** undefined for items that belong to no space (for every participant) */
  space: Space | undefined;
  items: AgendaItem[];
}

export interface AgendaDay {
  /** YYYY-MM-DD in the dialogue's time zone */
  day: string;
  /** an instant on that day, for formatting the heading */
  firstStartsAt: string;
  groups: AgendaSpaceGroup[];
}

/** Agenda by day (in the dialogue's zone), then by space (items for everyone first), each in time order. */
export function groupAgenda(items: readonly AgendaItem[], spaces: readonly Space[], timeZone: string): AgendaDay[] {
  const spaceOrder = new Map(spaces.map((s, i) => [s.id, i]));
  const spacesById = new Map(spaces.map((s) => [s.id, s]));
  const days = new Map<string, AgendaDay>();
  const sorted = [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (const item of sorted) {
    const key = zonedDateKey(item.startsAt, timeZone);
    const day = days.get(key) ?? { day: key, firstStartsAt: item.startsAt, groups: [] };
    const space = item.spaceId ? spacesById.get(item.spaceId) : undefined;
    let group = day.groups.find((g) => g.space?.id === space?.id);
    if (!group) {
      group = { space, items: [] };
      day.groups.push(group);
    }
    group.items.push(item);
    days.set(key, day);
  }
  for (const day of days.values()) {
    day.groups.sort(
      (a, b) =>
        (a.space ? (spaceOrder.get(a.space.id) ?? 0) + 1 : 0) - (b.space ? (spaceOrder.get(b.space.id) ?? 0) + 1 : 0),
    );
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}
