import { AgendaItemFactory, SpaceFactory } from '@gfmd/web-shared-util-testing';
import { buildAgendaGrid, hhmm } from './agenda-grid.util';

describe(buildAgendaGrid.name, () => {
  const biz = SpaceFactory.create({ id: 'biz', name: 'Business', rooms: ['Room XIX'] });
  const items = [
    AgendaItemFactory.create({
      title: 'Opening',
      spaceId: null,
      room: 'Room XX',
      startsAt: '2017-04-20T07:00:00Z',
      endsAt: '2017-04-20T08:00:00Z',
    }),
    AgendaItemFactory.create({
      title: 'Roundtable',
      spaceId: 'biz',
      room: 'Room XIX',
      startsAt: '2017-04-20T08:30:00Z',
      endsAt: '2017-04-20T10:00:00Z',
    }),
    AgendaItemFactory.create({ title: 'Tomorrow', startsAt: '2017-04-21T07:00:00Z', endsAt: '2017-04-21T08:00:00Z' }),
  ];

  it('places items of the day by space and quarter hour in the venue zone', () => {
    const sut = buildAgendaGrid(items, [biz], '2017-04-20', 'Europe/Zurich', 'space');

    expect(sut.columns.map((c) => c.label)).toEqual([null, 'Business']);
    expect(sut.from).toBe(8 * 60);
    expect(sut.items.map((i) => [i.item.title, i.column, i.rowStart, i.rowSpan])).toEqual([
      ['Opening', 0, 4, 4],
      ['Roundtable', 1, 10, 6],
    ]);
  });

  it('can group by room instead', () => {
    const sut = buildAgendaGrid(items, [biz], '2017-04-20', 'Europe/Zurich', 'room');

    expect(sut.columns.map((c) => c.label)).toEqual([null, 'Room XIX', 'Room XX']);
    expect(sut.items.map((i) => i.column)).toEqual([2, 1]);
  });
});

describe(hhmm.name, () => {
  it('writes minutes of the day as HH:MM', () => {
    expect([hhmm(0), hhmm(9 * 60 + 5), hhmm(24 * 60 - 1)]).toEqual(['00:00', '09:05', '23:59']);
  });
});
