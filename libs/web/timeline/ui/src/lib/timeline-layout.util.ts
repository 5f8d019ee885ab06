import type { Dialogue, InformalSession, TimelineEntry } from '@gfmd/contracts';
import { daysBetween } from '@gfmd/web-shared-util-time';

export interface TimelineBar {
  dialogue: Dialogue;
  x: number;
  width: number;
  y: number;
  /** end of the lead-time line (the session start) */
  leadX2: number;
  leadDays: number;
  late: boolean;
  /** labels near the right edge are drawn to the left of the bar (text-anchor end) */
  labelX: number;
  titleX: number;
  anchor: 'start' | 'end';
}

export interface TimelineRow {
  session: InformalSession;
  y: number;
  height: number;
  sessionX: number;
  sessionWidth: number;
  bars: TimelineBar[];
}

export interface TimelineTick {
  x: number;
  date: Date;
}

export interface TimelineLayout {
  width: number;
  height: number;
  left: number;
  top: number;
  rows: TimelineRow[];
  ticks: TimelineTick[];
}

const DAY = 86_400_000;
const LANE = 26;
const ROW_PADDING = 14;
/** smallest distance between two month ticks, so that their labels never overlap */
const MIN_TICK_GAP = 64;
const TICK_STEPS_IN_MONTHS = [1, 2, 3, 6, 12, 24, 60, 120];
/** room kept for a bar's labels (lead time, shortened title) before they would leave the chart */
const LABEL_ROOM = 200;

/** Positions of everything drawn in the timeline SVG (viewBox units). */
export function layoutTimeline(entries: readonly TimelineEntry[], width = 1000): TimelineLayout {
  const left = 70;
  const right = 24;
  const top = 36;
  const instants = entries.flatMap((e) => [
    Date.parse(e.session.startsAt),
    Date.parse(e.session.endsAt),
    ...e.dialogues.flatMap((d) => [Date.parse(d.startsAt), Date.parse(d.endsAt)]),
  ]);
  if (!instants.length) {
    return { width, height: top, left, top, rows: [], ticks: [] };
  }
  const min = Math.min(...instants) - 7 * DAY;
  const max = Math.max(...instants) + 7 * DAY;
  const scale = (width - left - right) / (max - min);
  const x = (iso: string): number => left + (Date.parse(iso) - min) * scale;

  let y = top;
  const rows: TimelineRow[] = entries.map((entry) => {
    const lanes = Math.max(1, entry.dialogues.length);
    const height = lanes * LANE + ROW_PADDING;
    const sessionX = x(entry.session.startsAt);
    const bars = entry.dialogues.map((dialogue, lane) => {
      const bx = x(dialogue.startsAt);
      const leadDays = dialogue.leadTimeDays ?? daysBetween(dialogue.endsAt, entry.session.startsAt);
      const barWidth = Math.max(4, x(dialogue.endsAt) - bx);
      const nearRightEdge = bx + LABEL_ROOM > width - right;
      return {
        dialogue,
        x: bx,
        width: barWidth,
        y: y + ROW_PADDING / 2 + lane * LANE,
        leadX2: sessionX,
        leadDays,
        late: leadDays <= 0,
        labelX: nearRightEdge ? bx - 4 : bx + barWidth + 4,
        titleX: nearRightEdge ? bx + barWidth : bx,
        anchor: nearRightEdge ? ('end' as const) : ('start' as const),
      };
    });
    const row = {
      session: entry.session,
      y,
      height,
      sessionX,
      sessionWidth: Math.max(4, x(entry.session.endsAt) - sessionX),
      bars,
    };
    y += height;
    return row;
  });

  // Month ticks, every 1, 2, 3, 6… months so that labels keep apart however long the span is.
  const monthWidth = 30.44 * DAY * scale;
  const step = TICK_STEPS_IN_MONTHS.find((months) => months * monthWidth >= MIN_TICK_GAP) ?? 120;
  const ticks: TimelineTick[] = [];
  const cursor = new Date(min);
  cursor.setUTCDate(1);
  cursor.setUTCHours(0, 0, 0, 0);
  cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  while (cursor.getUTCMonth() % Math.min(step, 12) !== 0) {
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  while (cursor.getTime() < max) {
    const tickX = left + (cursor.getTime() - min) * scale;
    if (tickX > width - right - MIN_TICK_GAP / 2) {
      break; // its label would be cut at the right edge
    }
    ticks.push({ x: tickX, date: new Date(cursor) });
    cursor.setUTCMonth(cursor.getUTCMonth() + step);
  }
  return { width, height: y + 8, left, top, rows, ticks };
}
