import { AgendaItemFactory, SpaceFactory } from '@gfmd/web-shared-util-testing';
import { groupAgenda } from './agenda-grouping.util';

describe(groupAgenda.name, () => {
  const business = SpaceFactory.create({ name: 'Business' });
  const civil = SpaceFactory.create({ name: 'Civil society' });

  it('groups by day in the dialogue zone, then lists the day in time order whatever the space', () => {
    const items = [
      AgendaItemFactory.create({ title: 'Late', startsAt: '2017-04-20T22:30:00Z', endsAt: '2017-04-20T23:00:00Z' }),
      AgendaItemFactory.create({ title: 'Lunch', startsAt: '2017-04-20T11:00:00Z', endsAt: '2017-04-20T12:00:00Z' }),
      AgendaItemFactory.create({ title: 'Civil', spaceId: civil.id, startsAt: '2017-04-20T09:00:00Z' }),
      AgendaItemFactory.create({ title: 'Opening', startsAt: '2017-04-20T07:00:00Z' }),
      AgendaItemFactory.create({ title: 'Business', spaceId: business.id, startsAt: '2017-04-20T09:00:00Z' }),
      AgendaItemFactory.create({ title: 'Civil 2', spaceId: civil.id, startsAt: '2017-04-20T12:30:00Z' }),
    ];

    const sut = groupAgenda(items, [business, civil], 'Europe/Zurich');

    // 22:30 UTC is already the next day in Geneva
    expect(sut.map((d) => d.day)).toEqual(['2017-04-20', '2017-04-21']);
    expect(sut[0].entries.map((e) => e.item.title)).toEqual(['Opening', 'Business', 'Civil', 'Lunch', 'Civil 2']);
    expect(sut[0].entries.map((e) => e.space?.name ?? 'all')).toEqual([
      'all',
      'Business',
      'Civil society',
      'all',
      'Civil society',
    ]);
    expect(sut[1].entries.map((e) => e.item.title)).toEqual(['Late']);
  });

  it('puts items for everyone first among those that start together', () => {
    const at = '2017-04-20T09:00:00Z';
    const items = [
      AgendaItemFactory.create({ title: 'Civil', spaceId: civil.id, startsAt: at }),
      AgendaItemFactory.create({ title: 'Plenary', startsAt: at }),
    ];
    expect(groupAgenda(items, [business, civil], 'UTC')[0].entries.map((e) => e.item.title)).toEqual([
      'Plenary',
      'Civil',
    ]);
  });
});
