import { leadTimeDays, schedulingWarnings } from './lead-time.util';

const session = {
  number: 1,
  startsAt: new Date('2017-05-08T08:00:00Z'),
  endsAt: new Date('2017-05-09T16:00:00Z'),
  timeZone: 'Europe/Zurich',
};

describe('leadTimeDays', () => {
  it('counts calendar days in each venue between dialogue end and session start', () => {
    const d = {
      startsAt: new Date('2017-04-20T07:00:00Z'),
      endsAt: new Date('2017-04-21T15:00:00Z'),
      timeZone: 'Europe/Zurich',
    };
    expect(leadTimeDays(d, session)).toBe(17);
    expect(schedulingWarnings(d, session)).toEqual([]);
  });

  it('uses the local date: a New York evening end is still the same day there', () => {
    // 2017-05-04 22:30 in New York is already 5 May in UTC.
    const d = {
      startsAt: new Date('2017-05-04T13:00:00Z'),
      endsAt: new Date('2017-05-05T02:30:00Z'),
      timeZone: 'America/New_York',
    };
    expect(leadTimeDays(d, session)).toBe(4);
  });

  it('is negative and warns when the dialogue ends after the session starts', () => {
    const d = {
      startsAt: new Date('2017-05-09T07:00:00Z'),
      endsAt: new Date('2017-05-10T15:00:00Z'),
      timeZone: 'Europe/Zurich',
    };
    expect(leadTimeDays(d, session)).toBe(-2);
    expect(schedulingWarnings(d, session)[0]).toMatch(/ends after informal session 1 starts/);
  });

  it('warns when the lead time is short, and when registration closes after the end', () => {
    const d = {
      startsAt: new Date('2017-05-04T07:00:00Z'),
      endsAt: new Date('2017-05-05T15:00:00Z'),
      timeZone: 'Europe/Zurich',
      registrationClosesAt: new Date('2017-05-06T00:00:00Z'),
    };
    const warnings = schedulingWarnings(d, session);
    expect(warnings[0]).toMatch(/only 3 days/);
    expect(warnings[1]).toMatch(/Registration closes after/);
  });
});
