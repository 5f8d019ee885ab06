import type { Dialogue, InformalSession, TimelineEntry } from '@gfmd/contracts';
import { daysBetween } from '../../shared/util-time/zoned-time.util';

export interface TimelineBar {
  dialogue: Dialogue;
  x: number;
  width: number;
  y: number;
  /** end of the lead-time line (the session start) */
  leadX2: number;
  leadDays: number;
  late: boolean;
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
      return {
        dialogue,
        x: bx,
        width: Math.max(4, x(dialogue.endsAt) - bx),
        y: y + ROW_PADDING / 2 + lane * LANE,
        leadX2: sessionX,
        leadDays,
        late: leadDays <= 0,
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

  const ticks: TimelineTick[] = [];
  const cursor = new Date(min);
  cursor.setUTCDate(1);
  cursor.setUTCHours(0, 0, 0, 0);
  cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  while (cursor.getTime() < max && ticks.length < 60) {
    ticks.push({ x: left + (cursor.getTime() - min) * scale, date: new Date(cursor) });
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return { width, height: y + 8, left, top, rows, ticks };
}
