import { AgendaItemFactory, SpaceFactory } from '@gfmd/web-shared-util-testing';
import { groupAgenda } from './agenda-grouping.util';

describe(groupAgenda.name, () => {
  it('groups by day in the dialogue zone, then by space with shared items first', () => {
    const business = SpaceFactory.create({ name: 'Business' });
    const civil = SpaceFactory.create({ name: 'Civil society' });
    const items = [
      AgendaItemFactory.create({ title: 'Late', startsAt: '2017-04-20T22:30:00Z', endsAt: '2017-04-20T23:00:00Z' }),
      AgendaItemFactory.create({ title: 'Civil', spaceId: civil.id, startsAt: '2017-04-20T09:00:00Z' }),
      AgendaItemFactory.create({ title: 'Opening', startsAt: '2017-04-20T07:00:00Z' }),
      AgendaItemFactory.create({ title: 'Business', spaceId: business.id, startsAt: '2017-04-20T09:00:00Z' }),
    ];

    const sut = groupAgenda(items, [business, civil], 'Europe/Zurich');

    // 22:30 UTC is already the next day in Geneva
    expect(sut.map((d) => d.day)).toEqual(['2017-04-20', '2017-04-21']);
    expect(sut[0].groups.map((g) => g.space?.name ?? 'all')).toEqual(['all', 'Business', 'Civil society']);
  });
});
