import type { AgendaItem, Space } from '@gfmd/contracts';
import { compareNames } from '@gfmd/web-shared-util-i18n';
import { zonedDateKey, zonedMinutesOfDay } from '@gfmd/web-shared-util-time';

export type GridGrouping = 'space' | 'room';

export interface GridColumn {
  key: string;
  label: string | null;
}

export interface GridItem {
  item: AgendaItem;
  column: number;
  rowStart: number;
  rowSpan: number;
  startMinutes: number;
  endMinutes: number;
}

export interface AgendaGrid {
  columns: GridColumn[];
  /** minutes of day of the first row */
  from: number;
  /** minutes of day of the end of the last row */
  to: number;
  slotMinutes: number;
  rows: number;
  items: GridItem[];
  hours: { label: number; row: number }[];
}

const SLOT = 15;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Minutes of the day as HH:MM. */
export const hhmm = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** Lays out one day's agenda as a grid: a column per space (or room), a row per quarter hour. */
export function buildAgendaGrid(
  items: readonly AgendaItem[],
  spaces: readonly Space[],
  day: string,
  timeZone: string,
  grouping: GridGrouping,
  /** false for a coordinator who sees only their own space's column */
  includeShared = true,
  /** the interface's locale: rooms are sorted by name in it */
  locale?: string,
): AgendaGrid {
  const dayItems = items.filter((i) => zonedDateKey(i.startsAt, timeZone) === day);
  let columns: GridColumn[];
  if (grouping === 'space') {
    columns = [
      ...(includeShared ? [{ key: '', label: null }] : []),
      ...spaces.map((s) => ({ key: s.id, label: s.name })),
    ];
  } else {
    const rooms = new Map<string, string>();
    for (const room of [...spaces.flatMap((s) => s.rooms ?? []), ...dayItems.map((i) => i.room ?? '')]) {
      if (room.trim()) {
        rooms.set(room.trim().toLowerCase(), room.trim());
      }
    }
    columns = [
      { key: '', label: null },
      ...[...rooms.entries()].sort((a, b) => compareNames(locale)(a[1], b[1])).map(([key, label]) => ({ key, label })),
    ];
  }
  const columnOf = (item: AgendaItem): number => {
    const key = grouping === 'space' ? (item.spaceId ?? '') : (item.room ?? '').trim().toLowerCase();
    const index = columns.findIndex((c) => c.key === key);
    return index < 0 ? 0 : index;
  };

  const starts = dayItems.map((i) => zonedMinutesOfDay(i.startsAt, timeZone));
  const ends = dayItems.map((i, n) => {
    const end = zonedMinutesOfDay(i.endsAt, timeZone);
    // an item running past midnight is drawn to the end of the day
    return zonedDateKey(i.endsAt, timeZone) === day && end > starts[n] ? end : 24 * 60;
  });
  const from = Math.floor(Math.min(8 * 60, ...starts) / 60) * 60;
  const to = Math.ceil(Math.max(19 * 60, ...ends) / 60) * 60;

  return {
    columns,
    from,
    to,
    slotMinutes: SLOT,
    rows: (to - from) / SLOT,
    items: dayItems
      .map((item, n) => ({
        item,
        column: columnOf(item),
        rowStart: Math.floor((starts[n] - from) / SLOT),
        rowSpan: Math.max(1, Math.ceil((ends[n] - starts[n]) / SLOT)),
        startMinutes: starts[n],
        endMinutes: ends[n],
      }))
      .sort((a, b) => a.startMinutes - b.startMinutes || a.column - b.column),
    hours: Array.from({ length: (to - from) / 60 }, (_, h) => ({ label: from / 60 + h, row: (h * 60) / SLOT })),
  };
}
