import type { ProcessTimeline } from '@gfmd/contracts';
import { DialogueFactory, SessionFactory } from '@gfmd/web-shared-util-testing';
import {
  buildTimelineView,
  defaultZoom,
  drawnSpan,
  groupByPhaseAndMonth,
  initialScrollX,
  layoutChart,
  leadLevel,
  pixelsPerDay,
  tableRows,
} from './process-timeline.util';

const DAY = 86_400_000;

function timeline(): ProcessTimeline {
  const s3 = SessionFactory.create({
    id: 's3',
    number: 3,
    title: 'Labour migration',
    startsAt: '2027-05-26T07:00:00Z',
    endsAt: '2027-05-27T16:00:00Z',
    venue: 'Geneva',
  });
  return {
    process: {
      id: 'p',
      slug: 'gcm-2027',
      code: 'GCM',
      title: 'GCM 2027',
      startsAt: '2027-01-01T00:00:00Z',
      endsAt: '2027-12-31T00:00:00Z',
    },
    phases: [
      {
        id: 'ph2',
        processId: 'p',
        kind: 'negotiation',
        title: 'Negotiation',
        startsAt: '2027-07-01T00:00:00Z',
        endsAt: '2027-12-01T00:00:00Z',
      },
      {
        id: 'ph1',
        processId: 'p',
        kind: 'consultation',
        title: 'Consultation',
        startsAt: '2027-01-01T00:00:00Z',
        endsAt: '2027-07-01T00:00:00Z',
      },
    ],
    milestones: [
      {
        id: 'm1',
        processId: 'p',
        kind: 'intergovernmental_conference',
        title: 'Conference',
        startsAt: '2027-12-10T09:00:00Z',
        endsAt: '2027-12-11T17:00:00Z',
        venue: 'Marrakech',
        timeZone: 'Africa/Casablanca',
      },
    ],
    themes: [],
    sessions: [s3],
    dialogues: [
      DialogueFactory.create({
        id: 'd1',
        title: 'Skills',
        informalSessionId: 's3',
        startsAt: '2027-05-11T07:00:00Z',
        endsAt: '2027-05-12T15:00:00Z',
        leadTimeDays: 14,
      }),
      DialogueFactory.create({
        id: 'd2',
        title: 'Recruitment',
        informalSessionId: 's3',
        startsAt: '2027-05-11T07:00:00Z',
        endsAt: '2027-05-22T15:00:00Z',
        leadTimeDays: 4,
      }),
      DialogueFactory.create({
        id: 'd3',
        title: 'Late one',
        informalSessionId: 's3',
        startsAt: '2027-05-27T07:00:00Z',
        endsAt: '2027-05-28T15:00:00Z',
        leadTimeDays: -1,
      }),
    ],
  };
}

describe('process timeline layout', () => {
  it('classifies lead times: far enough, too close (under 7 days), not ahead, unknown', () => {
    expect([
      leadLevel(14),
      leadLevel(7),
      leadLevel(6),
      leadLevel(1),
      leadLevel(0),
      leadLevel(-3),
      leadLevel(null),
    ]).toEqual(['ok', 'ok', 'short', 'short', 'late', 'late', 'unknown']);
  });

  it('builds the items in time order with the session each dialogue feeds and an empty synthesis slot', () => {
    const view = buildTimelineView(timeline());
    expect(view.phases.map((p) => p.id)).toEqual(['ph1', 'ph2']);
    expect(view.items.map((i) => i.id)).toEqual(['d2', 'd1', 's3', 'd3', 'm1']);
    const d2 = view.items[0];
    expect(d2.kind === 'dialogue' && d2.session?.number).toBe(3);
    expect(d2.kind === 'dialogue' && d2.leadLevel).toBe('short');
    expect(d2.kind === 'dialogue' && d2.synthesisDueAt).toBeNull();
  });

  it('opens a current process on the coming quarter and a past or future one on the whole process', () => {
    const p = timeline().process;
    expect(defaultZoom(p, Date.parse('2027-03-01T00:00:00Z'))).toBe('quarter');
    expect(defaultZoom(p, Date.parse('2028-03-01T00:00:00Z'))).toBe('process');
    expect(defaultZoom(p, Date.parse('2026-03-01T00:00:00Z'))).toBe('process');
  });

  it('fits the whole process in the viewport, and a quarter in one screen when zoomed in', () => {
    const view = buildTimelineView(timeline());
    const span = drawnSpan(view);
    expect(span.from).toBe(Date.parse('2027-01-01T00:00:00Z') - 7 * DAY);
    expect(layoutChart(view, 'process', 1000).width).toBe(1000);
    const quarter = layoutChart(view, 'quarter', 1000);
    expect(pixelsPerDay('quarter', span, 1000)).toBeCloseTo(1000 / 91);
    expect(quarter.width).toBeGreaterThan(4000);
    // a phase band starts where its first day is drawn
    const consultation = quarter.bands.find((b) => b.id === 'ph1');
    expect(consultation?.x).toBeCloseTo(7 * (1000 / 91));
  });

  it('puts milestones, sessions and dialogues on their rows, overlapping dialogues on separate lanes, and draws the lead line to the session', () => {
    const layout = layoutChart(buildTimelineView(timeline()), 'month', 1240);
    const row = (id: string) => layout.items.find((p) => p.item.id === id);
    expect(row('m1')?.row).toBe(0);
    expect(row('s3')?.row).toBe(1);
    expect(row('d1')?.row).not.toBe(row('d2')?.row);
    expect(row('d3')?.row).toBe(2);
    expect(row('d1')?.leadX).toBeCloseTo(row('s3')?.x ?? NaN);
    expect(layout.rows).toBe(4);
    // month ticks at a month's zoom are every month and never closer than a label's width
    const gaps = layout.ticks.slice(1).map((t, i) => t.x - layout.ticks[i].x);
    expect(Math.min(...gaps)).toBeGreaterThan(72);
    expect(layout.ticks[0].date.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('gives sessions lanes of their own when their labels would overlap, and flips labels at the right edge', () => {
    const data = timeline();
    data.sessions.push(
      SessionFactory.create({ id: 's4', number: 4, startsAt: '2027-06-02T07:00:00Z', endsAt: '2027-06-02T16:00:00Z' }),
    );
    const layout = layoutChart(buildTimelineView(data), 'process', 1000);
    const row = (id: string) => layout.items.find((p) => p.item.id === id);
    expect([row('s3')?.row, row('s4')?.row]).toEqual([1, 2]);
    // dialogues come below both session lanes
    expect(Math.min(row('d1')?.row ?? 0, row('d2')?.row ?? 0)).toBe(3);
    expect(row('m1')?.alignEnd).toBe(true);
    expect(row('d1')?.alignEnd).toBe(false);
  });

  it('spaces the month ticks out when the whole process is on a narrow screen', () => {
    const layout = layoutChart(buildTimelineView(timeline()), 'process', 390);
    const months = layout.ticks.map((t) => t.date.getUTCMonth());
    expect(months.every((m) => m % 3 === 0)).toBe(true);
  });

  it('scrolls to a week before today for a current process and to the start otherwise', () => {
    const view = buildTimelineView(timeline());
    const now = Date.parse('2027-05-01T00:00:00Z');
    const layout = layoutChart(view, 'quarter', 1000, now);
    const perDay = 1000 / 91;
    const expected = ((now - 7 * DAY - drawnSpan(view).from) / DAY) * perDay;
    expect(initialScrollX(layout, view, 'quarter', 1000, now)).toBeCloseTo(expected);
    expect(layout.todayX).toBeCloseTo(expected + 7 * perDay);
    expect(initialScrollX(layout, view, 'process', 1000, now)).toBe(0);
  });

  it('groups the items by phase, then by month in their own zone, keeping empty phases', () => {
    const data = timeline();
    data.milestones.push({
      id: 'm0',
      processId: 'p',
      kind: 'deadline',
      title: 'Late-night deadline',
      // 31 Jan 23:30 UTC is already 1 February in Geneva
      startsAt: '2027-01-31T23:30:00Z',
      endsAt: null,
      venue: null,
      timeZone: 'Europe/Zurich',
    });
    const groups = groupByPhaseAndMonth(buildTimelineView(data));
    expect(groups.map((g) => g.phase?.id ?? null)).toEqual(['ph1', 'ph2', null]);
    expect(groups[1].months).toEqual([]);
    expect(groups[0].months.map((m) => [m.key, m.items.map((i) => i.id)])).toEqual([
      ['2027-02', ['m0']],
      ['2027-05', ['d2', 'd1', 's3', 'd3']],
    ]);
    // the conference (10 Dec) is after the last phase ends (1 Dec): outside the phases
    expect(groups[2].months[0].items.map((i) => i.id)).toEqual(['m1']);

    data.milestones = [];
    data.dialogues = [];
    data.sessions = [];
    expect(groupByPhaseAndMonth(buildTimelineView(data)).map((g) => [g.phase?.id, g.months.length])).toEqual([
      ['ph1', 0],
      ['ph2', 0],
    ]);
  });

  it('lists phases and items for the table, by date either way', () => {
    const view = buildTimelineView(timeline());
    const up = tableRows(view, 'ascending').map((r) => r.id);
    expect(up).toEqual(['ph1', 'd2', 'd1', 's3', 'd3', 'ph2', 'm1']);
    expect(tableRows(view, 'descending').map((r) => r.id)).toEqual([...up].reverse());
  });
});
