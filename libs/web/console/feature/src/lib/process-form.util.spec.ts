import { dayEnd, dayStart, minutesBetween, toEndDate, toStartDate } from './process-form.util';

describe('process form dates', () => {
  it('reads whole UTC days, the last one included', () => {
    expect(dayStart('2027-02-01')).toBe('2027-02-01T00:00:00.000Z');
    expect(dayEnd('2027-06-30')).toBe('2027-07-01T00:00:00.000Z');
    expect(dayEnd('2027-12-31')).toBe('2028-01-01T00:00:00.000Z');
  });

  it('shows stored instants as the days they cover', () => {
    expect(toStartDate('2017-04-01T00:00:00.000Z')).toBe('2017-04-01');
    expect(toEndDate('2017-12-01T00:00:00.000Z')).toBe('2017-11-30'); // the GCM consultation phase
    expect(toEndDate('2018-12-31T23:59:59.000Z')).toBe('2018-12-31'); // the seeded process
  });

  it('counts the minutes a session moved', () => {
    expect(minutesBetween('2027-06-14T08:00:00Z', '2027-06-21T09:00:00Z')).toBe(7 * 24 * 60 + 60);
    expect(minutesBetween('2027-06-14T08:00:00Z', '2027-06-13T08:00:00Z')).toBe(-24 * 60);
  });
});
