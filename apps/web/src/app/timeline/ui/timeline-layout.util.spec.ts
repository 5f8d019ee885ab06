import { DialogueFactory, SessionFactory } from '../../testing/factories';
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

  it('copes with no data', () => {
    expect(layoutTimeline([]).rows).toEqual([]);
  });
});
