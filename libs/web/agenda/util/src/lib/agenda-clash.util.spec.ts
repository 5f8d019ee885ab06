import { AgendaItemFactory } from '@gfmd/web-shared-util-testing';
import { findClashes } from './agenda-clash.util';

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
