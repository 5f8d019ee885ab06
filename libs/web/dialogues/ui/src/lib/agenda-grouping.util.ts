import { agendaByDay, type AgendaItem, type Space } from '@gfmd/contracts';
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
 * space (each entry names its space, shown as a label). The order is `agendaByDay`'s
 * (@gfmd/contracts), which the page the API paints before the app starts uses too.
 */
export function groupAgenda(items: readonly AgendaItem[], spaces: readonly Space[], timeZone: string): AgendaDay[] {
  const spacesById = new Map(spaces.map((s) => [s.id, s]));
  return agendaByDay(
    items,
    spaces.map((s) => s.id),
    (iso) => zonedDateKey(iso, timeZone),
  ).map(({ day, items: dayItems }) => ({
    day,
    firstStartsAt: dayItems[0].startsAt,
    entries: dayItems.map((item) => ({ item, space: item.spaceId ? spacesById.get(item.spaceId) : undefined })),
  }));
}
