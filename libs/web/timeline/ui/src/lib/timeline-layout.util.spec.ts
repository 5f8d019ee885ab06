import { DialogueFactory, SessionFactory } from '@gfmd/web-shared-util-testing';
import { layoutTimeline } from './timeline-layout.util';

describe(layoutTimeline.name, () => {
  it('places dialogues before their session with the lead-time line ending at the session start', () => {
    const session = SessionFactory.create({ startsAt: '2017-05-22T08:00:00Z', endsAt: '2017-05-23T16:00:00Z' });
    const early = DialogueFactory.create({
      startsAt: '2017-05-01T07:00:00Z',
      endsAt: '2017-05-02T16:00:00Z',
      leadTimeDays: 20,
    });
    const late = DialogueFactory.create({
      startsAt: '2017-05-24T07:00:00Z',
      endsAt: '2017-05-24T16:00:00Z',
      leadTimeDays: -2,
    });

    const sut = layoutTimeline([{ session, dialogues: [early, late] }]);

    const [row] = sut.rows;
    expect(row.bars[0].x).toBeLessThan(row.sessionX);
    expect(row.bars[0].leadX2).toBe(row.sessionX);
    expect(row.bars.map((b) => b.late)).toEqual([false, true]);
    expect(row.bars[1].y).toBeGreaterThan(row.bars[0].y);
    expect(sut.ticks.length).toBeGreaterThan(0);
  });

  it('spaces month ticks so that their labels never overlap, even over years', () => {
    const old = SessionFactory.create({ startsAt: '2017-05-22T08:00:00Z', endsAt: '2017-05-23T16:00:00Z' });
    const recent = SessionFactory.create({ startsAt: '2026-03-02T08:00:00Z', endsAt: '2026-03-03T16:00:00Z' });
    const ahead = DialogueFactory.create({ startsAt: '2026-02-01T07:00:00Z', endsAt: '2026-02-01T16:00:00Z' });

    const sut = layoutTimeline([
      { session: old, dialogues: [] },
      { session: recent, dialogues: [ahead] },
    ]);

    const gaps = sut.ticks.slice(1).map((t, i) => t.x - sut.ticks[i].x);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60);
    expect(sut.ticks.at(-1)?.date.getUTCFullYear()).toBeGreaterThanOrEqual(2025);
    // a bar at the right edge has its labels drawn to its left
    expect(sut.rows[1].bars[0].anchor).toBe('end');
  });

  it('copes with no data', () => {
    expect(layoutTimeline([]).rows).toEqual([]);
  });
});
