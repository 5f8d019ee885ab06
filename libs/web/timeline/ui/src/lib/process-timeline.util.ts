import type {
  DialogueStatus,
  InformalSession,
  Milestone,
  MilestoneKind,
  Phase,
  PhaseKind,
  Process,
  ProcessTimeline,
  TimelineDialogue,
} from '@gfmd/contracts';
import { zonedDateKey } from '@gfmd/web-shared-util-time';

/** The least lead time, in days, that lets a dialogue's outcome inform its session (as the API warns). */
export const RECOMMENDED_LEAD_DAYS = 7;

export const ZOOMS = ['process', 'year', 'quarter', 'month'] as const;
export type Zoom = (typeof ZOOMS)[number];

/** ok: far enough ahead; short: ahead but under the recommended days; late: not ahead; unknown: no session. */
export type LeadLevel = 'ok' | 'short' | 'late' | 'unknown';

interface ItemBase {
  id: string;
  title: string;
  /** the language `title` came in (docs/i18n.md): marked with `lang` when it is not the page's */
  titleLang?: string | null;
  venueLang?: string | null;
  startsAt: string;
  endsAt: string | null;
  /** the zone its dates are shown in (the venue's); null for phases, which are calendar spans */
  timeZone: string | null;
}

export interface MilestoneItem extends ItemBase {
  kind: 'milestone';
  milestoneKind: MilestoneKind;
  venue: string | null;
}

export interface SessionItem extends ItemBase {
  kind: 'session';
  number: number;
  venue: string;
}

export interface DialogueItem extends ItemBase {
  kind: 'dialogue';
  status: DialogueStatus;
  venue: string;
  /** the informal session the dialogue feeds */
  session: InformalSession | null;
  leadTimeDays: number | null;
  leadLevel: LeadLevel;
  /** when the dialogue's synthesis is due: filled once outcomes exist (always null for now) */
  synthesisDueAt: string | null;
}

/** Reserved: a dialogue's synthesis due date, drawn once the outcomes work lands. */
export interface SynthesisItem extends ItemBase {
  kind: 'synthesis';
  dialogueId: string;
}

export type TimelineItem = MilestoneItem | SessionItem | DialogueItem | SynthesisItem;

export interface PhaseBand {
  id: string;
  phaseKind: PhaseKind;
  title: string;
  titleLang?: string | null;
  startsAt: string;
  endsAt: string;
}

/** Everything the process timeline shows, in time order. */
export interface ProcessTimelineView {
  process: ProcessTimeline['process'];
  phases: PhaseBand[];
  /** milestones, sessions and dialogues (and later syntheses), by start then kind */
  items: TimelineItem[];
}

const DAY = 86_400_000;
const KIND_ORDER: Record<TimelineItem['kind'], number> = { milestone: 0, session: 1, dialogue: 2, synthesis: 3 };
const ms = (iso: string) => Date.parse(iso);

export function leadLevel(days: number | null | undefined): LeadLevel {
  if (days === null || days === undefined) return 'unknown';
  if (days <= 0) return 'late';
  return days < RECOMMENDED_LEAD_DAYS ? 'short' : 'ok';
}

export function compareItems(a: TimelineItem, b: TimelineItem): number {
  return ms(a.startsAt) - ms(b.startsAt) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.title.localeCompare(b.title);
}

/** The API's process timeline as the items the chart, the list and the table show. */
export function buildTimelineView(timeline: ProcessTimeline): ProcessTimelineView {
  const sessions = new Map(timeline.sessions.map((s) => [s.id, s]));
  const milestone = (m: Milestone): MilestoneItem => ({
    kind: 'milestone',
    id: m.id,
    title: m.title,
    titleLang: m.titleLang ?? null,
    venueLang: m.venueLang ?? null,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    timeZone: m.timeZone,
    milestoneKind: m.kind,
    venue: m.venue,
  });
  const session = (s: InformalSession): SessionItem => ({
    kind: 'session',
    id: s.id,
    title: s.title,
    titleLang: s.titleLang ?? null,
    venueLang: s.venueLang ?? null,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    timeZone: s.timeZone,
    number: s.number,
    venue: s.venue,
  });
  const dialogue = (d: TimelineDialogue): DialogueItem => ({
    kind: 'dialogue',
    id: d.id,
    title: d.title,
    titleLang: d.titleLang ?? null,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    timeZone: d.timeZone,
    status: d.status,
    venue: d.venue,
    session: sessions.get(d.informalSessionId) ?? null,
    leadTimeDays: d.leadTimeDays,
    leadLevel: leadLevel(d.leadTimeDays),
    synthesisDueAt: null,
  });
  return {
    process: timeline.process,
    phases: [...timeline.phases]
      .sort((a, b) => ms(a.startsAt) - ms(b.startsAt))
      .map((p: Phase) => ({
        id: p.id,
        phaseKind: p.kind,
        title: p.title,
        titleLang: p.titleLang ?? null,
        startsAt: p.startsAt,
        endsAt: p.endsAt,
      })),
    items: [
      ...timeline.milestones.map(milestone),
      ...timeline.sessions.map(session),
      ...timeline.dialogues.map(dialogue),
    ].sort(compareItems),
  };
}

export function isCurrent(process: Pick<Process, 'startsAt' | 'endsAt'>, now = Date.now()): boolean {
  return ms(process.startsAt) <= now && now <= ms(process.endsAt);
}

/** The zoom a process opens at: the coming months when it is under way, the whole process otherwise. */
export function defaultZoom(process: Pick<Process, 'startsAt' | 'endsAt'>, now = Date.now()): Zoom {
  return isCurrent(process, now) ? 'quarter' : 'process';
}

export interface TimeSpan {
  from: number;
  to: number;
}

/** The whole span drawn: the process and anything outside it, with a week's margin either side. */
export function drawnSpan(view: ProcessTimelineView): TimeSpan {
  const instants = [
    ms(view.process.startsAt),
    ms(view.process.endsAt),
    ...view.phases.flatMap((p) => [ms(p.startsAt), ms(p.endsAt)]),
    ...view.items.flatMap((i) => [ms(i.startsAt), ms(i.endsAt ?? i.startsAt)]),
  ];
  return { from: Math.min(...instants) - 7 * DAY, to: Math.max(...instants) + 7 * DAY };
}

/** Days one screen width shows at each zoom. */
export function zoomDays(zoom: Zoom, span: TimeSpan): number {
  switch (zoom) {
    case 'process':
      return (span.to - span.from) / DAY;
    case 'year':
      return 365;
    case 'quarter':
      return 91;
    case 'month':
      return 31;
  }
}

/** Pixels per day so that one viewport shows the zoom's span (never less than the whole drawing). */
export function pixelsPerDay(zoom: Zoom, span: TimeSpan, viewportWidth: number): number {
  const days = Math.min(zoomDays(zoom, span), (span.to - span.from) / DAY);
  return viewportWidth / days;
}

export interface PositionedBand extends PhaseBand {
  x: number;
  width: number;
}

export interface PositionedItem {
  item: TimelineItem;
  x: number;
  width: number;
  /** milestones' lanes first, then sessions', then dialogues' (lanes so that labels never overlap) */
  row: number;
  /** the label is drawn to the left of the mark (near the right edge of the drawing) */
  alignEnd: boolean;
  /** for dialogues: where the lead-time line ends (the start of the session they feed) */
  leadX: number | null;
}

export interface Tick {
  x: number;
  date: Date;
}

export interface ChartLayout {
  width: number;
  /** number of rows (milestones, sessions, then dialogue lanes) */
  rows: number;
  bands: PositionedBand[];
  items: PositionedItem[];
  ticks: Tick[];
  /** x of now, when it falls in the drawing */
  todayX: number | null;
}

/** Horizontal room a label needs before another item can share its lane. */
export const LABEL_WIDTH = 230;

/**
 * Positions (in CSS pixels from the left of the scrolled drawing) of the phase bands, the items
 * and the month ticks, for a viewport width and a zoom.
 */
export function layoutChart(
  view: ProcessTimelineView,
  zoom: Zoom,
  viewportWidth: number,
  now = Date.now(),
): ChartLayout {
  const span = drawnSpan(view);
  const perDay = pixelsPerDay(zoom, span, viewportWidth);
  const x = (t: number) => ((t - span.from) / DAY) * perDay;
  const width = Math.max(viewportWidth, Math.ceil(x(span.to)));
  const bands = view.phases.map((p) => ({
    ...p,
    x: x(ms(p.startsAt)),
    width: Math.max(2, x(ms(p.endsAt)) - x(ms(p.startsAt))),
  }));

  // Each kind gets its own lanes (milestones, then sessions, then dialogues); an item takes the
  // first lane of its kind where its label does not run into the previous one.
  const lanes: Record<'milestone' | 'session' | 'dialogue', number[]> = { milestone: [], session: [], dialogue: [] };
  const placed = view.items.map((item) => {
    const ix = x(ms(item.startsAt));
    const iw = Math.max(6, x(ms(item.endsAt ?? item.startsAt)) - ix);
    // labels that would leave the drawing on the right are drawn to the left of their mark
    const alignEnd = ix + LABEL_WIDTH > width;
    const from = alignEnd ? ix + iw - Math.max(iw, LABEL_WIDTH) : ix;
    const ends = lanes[item.kind === 'synthesis' ? 'dialogue' : item.kind];
    let lane = ends.findIndex((end) => end <= from);
    if (lane < 0) lane = ends.push(0) - 1;
    ends[lane] = from + Math.max(iw, LABEL_WIDTH);
    const leadX = item.kind === 'dialogue' && item.session ? x(ms(item.session.startsAt)) : null;
    return { item, x: ix, width: iw, lane, alignEnd, leadX };
  });
  const milestoneRows = Math.max(1, lanes.milestone.length);
  const sessionRows = Math.max(1, lanes.session.length);
  const items = placed.map(({ lane, ...p }): PositionedItem => {
    const offset =
      p.item.kind === 'milestone' ? 0 : p.item.kind === 'session' ? milestoneRows : milestoneRows + sessionRows;
    return { ...p, row: offset + lane };
  });

  return {
    width,
    rows: milestoneRows + sessionRows + Math.max(1, lanes.dialogue.length),
    bands,
    items,
    ticks: monthTicks(span, perDay, x),
    todayX: now >= span.from && now <= span.to ? x(now) : null,
  };
}

const MIN_TICK_GAP = 72;
const TICK_STEPS = [1, 2, 3, 6, 12];

function monthTicks(span: TimeSpan, perDay: number, x: (t: number) => number): Tick[] {
  const step = TICK_STEPS.find((months) => months * 30.44 * perDay >= MIN_TICK_GAP) ?? 12;
  const ticks: Tick[] = [];
  const cursor = new Date(span.from);
  cursor.setUTCDate(1);
  cursor.setUTCHours(0, 0, 0, 0);
  cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  while (cursor.getUTCMonth() % step !== 0) cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  while (cursor.getTime() < span.to) {
    ticks.push({ x: x(cursor.getTime()), date: new Date(cursor) });
    cursor.setUTCMonth(cursor.getUTCMonth() + step);
  }
  return ticks;
}

/** Where the scroll should start: today (a little before it) when the process is current, else its start. */
export function initialScrollX(
  layout: ChartLayout,
  view: ProcessTimelineView,
  zoom: Zoom,
  viewportWidth: number,
  now = Date.now(),
): number {
  if (zoom === 'process') return 0;
  const span = drawnSpan(view);
  const perDay = pixelsPerDay(zoom, span, viewportWidth);
  const anchor = isCurrent(view.process, now) ? now - 7 * DAY : ms(view.process.startsAt);
  const target = ((anchor - span.from) / DAY) * perDay;
  return Math.max(0, Math.min(layout.width - viewportWidth, target));
}

export interface MonthGroup {
  /** YYYY-MM in the item's own zone */
  key: string;
  /** mid-month instant, for labels */
  date: Date;
  items: TimelineItem[];
}

export interface PhaseGroup {
  phase: PhaseBand | null;
  months: MonthGroup[];
}

/**
 * The items grouped by the phase they start in (null: outside every phase), then by month, in time
 * order — the phone's list. A month is the item's own calendar month (in its venue's zone).
 */
export function groupByPhaseAndMonth(view: ProcessTimelineView): PhaseGroup[] {
  const groups: PhaseGroup[] = [];
  const phaseOf = (item: TimelineItem) =>
    view.phases.find((p) => ms(p.startsAt) <= ms(item.startsAt) && ms(item.startsAt) < ms(p.endsAt)) ?? null;
  for (const item of view.items) {
    const phase = phaseOf(item);
    let group = groups.at(-1);
    if (!group || group.phase?.id !== phase?.id) {
      group = { phase, months: [] };
      groups.push(group);
    }
    const key = zonedDateKey(item.startsAt, item.timeZone ?? 'UTC').slice(0, 7);
    let month = group.months.at(-1);
    if (!month || month.key !== key) {
      month = { key, date: new Date(`${key}-15T12:00:00Z`), items: [] };
      group.months.push(month);
    }
    month.items.push(item);
  }
  // phases without any item still show, so the list tells the whole calendar
  for (const phase of view.phases) {
    if (!groups.some((g) => g.phase?.id === phase.id)) {
      const start = (g: PhaseGroup) => ms(g.phase?.startsAt ?? g.months[0]?.items[0]?.startsAt ?? '');
      const at = groups.findIndex((g) => start(g) > ms(phase.startsAt));
      groups.splice(at < 0 ? groups.length : at, 0, { phase, months: [] });
    }
  }
  return groups;
}

export type TableColumn = 'date' | 'kind' | 'title';

/** The table's rows: every item, phases included, sorted by date (ascending or descending). */
export function tableRows(
  view: ProcessTimelineView,
  direction: 'ascending' | 'descending',
): (TimelineItem | (PhaseBand & { kind: 'phase' }))[] {
  const rows = [...view.phases.map((p) => ({ ...p, kind: 'phase' as const })), ...view.items].sort(
    (a, b) => ms(a.startsAt) - ms(b.startsAt) || (a.kind === 'phase' ? -1 : b.kind === 'phase' ? 1 : 0),
  );
  return direction === 'ascending' ? rows : rows.reverse();
}
