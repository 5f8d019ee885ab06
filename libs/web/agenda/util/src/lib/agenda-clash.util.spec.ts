import { AgendaItemFactory } from '@gfmd/web-shared-util-testing';
import { candidateTimes, findClashes, findClashingIds } from './agenda-clash.util';

describe(findClashes.name, () => {
  const existing = AgendaItemFactory.create({
    id: 'a',
    spaceId: 'biz',
    room: 'Room XIX',
    startsAt: '2017-04-20T09:00:00Z',
    endsAt: '2017-04-20T10:00:00Z',
    speakers: [{ name: 'Ana Pérez', role: 'speaker' }],
  });

  it('finds a clash in the same space', () => {
    const sut = findClashes(
      {
        spaceId: 'biz',
        room: 'Room 2',
        startsAt: '2017-04-20T09:30:00Z',
        endsAt: '2017-04-20T11:00:00Z',
        speakers: [],
      },
      [existing],
    );

    expect(sut.map((c) => c.kind)).toEqual(['space']);
  });

  it('finds a clash in the same room across spaces, and a double-booked speaker', () => {
    const sut = findClashes(
      {
        spaceId: 'cso',
        room: ' room xix ',
        startsAt: '2017-04-20T09:59:00Z',
        endsAt: '2017-04-20T10:30:00Z',
        speakers: [{ name: 'ana  pérez', role: 'moderator' }],
      },
      [existing],
    );

    expect(sut.map((c) => c.kind)).toEqual(['room', 'speaker']);
  });

  it('accepts back-to-back items and ignores the item being edited', () => {
    expect(
      findClashes({ spaceId: 'biz', startsAt: '2017-04-20T10:00:00Z', endsAt: '2017-04-20T11:00:00Z', speakers: [] }, [
        existing,
      ]),
    ).toEqual([]);
    expect(findClashes({ ...existing }, [existing])).toEqual([]);
  });
});

describe(findClashingIds.name, () => {
  it('names every item in conflict with another one, and no other', () => {
    const items = [
      AgendaItemFactory.create({
        id: 'a',
        room: null,
        spaceId: 'biz',
        startsAt: '2017-04-20T09:00:00Z',
        endsAt: '2017-04-20T10:00:00Z',
      }),
      AgendaItemFactory.create({
        id: 'b',
        room: null,
        spaceId: 'biz',
        startsAt: '2017-04-20T09:30:00Z',
        endsAt: '2017-04-20T10:30:00Z',
      }),
      AgendaItemFactory.create({
        id: 'c',
        room: null,
        spaceId: 'biz',
        startsAt: '2017-04-20T10:30:00Z',
        endsAt: '2017-04-20T11:00:00Z',
      }),
      AgendaItemFactory.create({
        id: 'd',
        room: null,
        spaceId: 'cso',
        startsAt: '2017-04-20T09:00:00Z',
        endsAt: '2017-04-20T10:00:00Z',
      }),
    ];

    const sut = findClashingIds(items);

    expect([...sut].sort()).toEqual(['a', 'b']);
  });
});

describe(candidateTimes.name, () => {
  it("reads the day and wall-clock times in the dialogue's time zone", () => {
    const sut = candidateTimes('2017-04-20', '09:30', '10:45', 'Europe/Zurich');

    expect(sut).toEqual({ startsAt: '2017-04-20T07:30:00.000Z', endsAt: '2017-04-20T08:45:00.000Z' });
  });

  it('is null while a field is missing or when the end is not after the start', () => {
    expect(candidateTimes('', '09:00', '10:00', 'UTC')).toBeNull();
    expect(candidateTimes('2017-04-20', '10:00', '10:00', 'UTC')).toBeNull();
    expect(candidateTimes('2017-04-20', '11:00', '10:00', 'UTC')).toBeNull();
  });
});
