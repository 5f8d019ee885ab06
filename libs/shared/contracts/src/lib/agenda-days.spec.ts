import { agendaByDay } from './agenda-days';

const utcDay = (iso: string) => iso.slice(0, 10);

describe('agendaByDay', () => {
  it('groups by day in the given zone and orders a day by time, then everyone first, then the spaces, then the sequence', () => {
    const items = [
      { id: 'late', startsAt: '2027-02-03T15:00:00Z', endsAt: '2027-02-03T16:00:00Z', spaceId: null },
      { id: 'b2', startsAt: '2027-02-03T09:00:00Z', endsAt: '2027-02-03T10:00:00Z', spaceId: 'b', sequence: 2 },
      { id: 'b1', startsAt: '2027-02-03T09:00:00Z', endsAt: '2027-02-03T10:00:00Z', spaceId: 'b', sequence: 1 },
      { id: 'a', startsAt: '2027-02-03T09:00:00Z', endsAt: '2027-02-03T10:00:00Z', spaceId: 'a' },
      { id: 'all', startsAt: '2027-02-03T09:00:00Z', endsAt: '2027-02-03T10:00:00Z' },
      { id: 'unknown', startsAt: '2027-02-03T09:00:00Z', endsAt: '2027-02-03T10:00:00Z', spaceId: 'gone' },
      { id: 'first', startsAt: '2027-02-02T23:30:00Z', endsAt: '2027-02-03T00:30:00Z' },
    ];
    const days = agendaByDay(items, ['a', 'b'], utcDay);
    expect(days.map((d) => [d.day, d.items.map((i) => i.id)])).toEqual([
      ['2027-02-02', ['first']],
      ['2027-02-03', ['all', 'a', 'b1', 'b2', 'unknown', 'late']],
    ]);
  });

  it('puts an item on the day of its start in the dialogue zone', () => {
    const item = { startsAt: '2027-02-02T23:30:00Z', endsAt: '2027-02-03T00:30:00Z' };
    const geneva = (iso: string) => new Date(new Date(iso).getTime() + 3_600_000).toISOString().slice(0, 10);
    expect(agendaByDay([item], [], geneva).map((d) => d.day)).toEqual(['2027-02-03']);
  });

  it('gives no day for no items', () => {
    expect(agendaByDay([], ['a'], utcDay)).toEqual([]);
  });
});
