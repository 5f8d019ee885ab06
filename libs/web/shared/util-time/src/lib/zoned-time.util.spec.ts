import {
  daysBetween,
  fromZonedLocalInput,
  toZonedLocalInput,
  zonedDaysBetween,
  zonedMinutesOfDay,
  zoneOffsetMinutes,
} from './zoned-time.util';

describe('zoned-time.util', () => {
  it('knows the offset of a zone at an instant (DST aware)', () => {
    expect(zoneOffsetMinutes(new Date('2017-05-08T12:00:00Z'), 'Europe/Zurich')).toBe(120);
    expect(zoneOffsetMinutes(new Date('2017-12-04T12:00:00Z'), 'Europe/Zurich')).toBe(60);
    expect(zoneOffsetMinutes(new Date('2017-05-08T12:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('round-trips wall-clock input in the venue zone', () => {
    const iso = fromZonedLocalInput('2017-05-08T09:30', 'Europe/Zurich');

    expect(iso).toBe('2017-05-08T07:30:00.000Z');
    expect(toZonedLocalInput(iso, 'Europe/Zurich')).toBe('2017-05-08T09:30');
    expect(toZonedLocalInput(iso, 'Asia/Bangkok')).toBe('2017-05-08T14:30');
  });

  it('gives minutes of the local day and the days touched', () => {
    expect(zonedMinutesOfDay('2017-05-08T07:30:00Z', 'Europe/Zurich')).toBe(570);
    expect(zonedDaysBetween('2017-05-08T07:00:00Z', '2017-05-09T16:00:00Z', 'Europe/Zurich')).toEqual([
      '2017-05-08',
      '2017-05-09',
    ]);
  });

  it('counts whole days between instants', () => {
    expect(daysBetween('2017-05-01T00:00:00Z', '2017-05-22T00:00:00Z')).toBe(21);
    expect(daysBetween('2017-05-22T00:00:00Z', '2017-05-01T00:00:00Z')).toBe(-21);
  });
});
