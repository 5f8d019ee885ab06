import { AgendaSlot, duplicateSpeakers, findClash, overlapsInTime, speakerKey } from './overlap.util';

const at = (hhmm: string) => new Date(`2030-05-12T${hhmm}:00Z`);
const slot = (overrides: Partial<AgendaSlot> & { id: string }): AgendaSlot => ({
  title: overrides.id,
  spaceId: 'space-a',
  room: null,
  startsAt: at('09:00'),
  endsAt: at('10:00'),
  speakers: [],
  ...overrides,
});

describe('overlap.util', () => {
  it('treats intervals as half-open', () => {
    expect(
      overlapsInTime({ startsAt: at('09:00'), endsAt: at('10:00') }, { startsAt: at('10:00'), endsAt: at('11:00') }),
    ).toBe(false);
    expect(
      overlapsInTime({ startsAt: at('09:00'), endsAt: at('10:01') }, { startsAt: at('10:00'), endsAt: at('11:00') }),
    ).toBe(true);
    expect(
      overlapsInTime({ startsAt: at('09:00'), endsAt: at('12:00') }, { startsAt: at('10:00'), endsAt: at('11:00') }),
    ).toBe(true);
  });

  it('compares speakers by name and organization, ignoring case and spacing', () => {
    expect(speakerKey({ name: ' Ana  López ', organization: 'IOM' })).toBe(
      speakerKey({ name: 'ana lópez', organization: 'iom' }),
    );
    expect(speakerKey({ name: 'Ana López', organization: 'IOM' })).not.toBe(
      speakerKey({ name: 'Ana López', organization: 'UNHCR' }),
    );
    expect(speakerKey({ name: 'Ana', organization: null })).toBe(speakerKey({ name: 'ANA' }));
  });

  describe(findClash.name, () => {
    it('finds an overlap in the same space', () => {
      const other = slot({ id: 'b', startsAt: at('09:30'), endsAt: at('10:30') });
      expect(findClash(slot({ id: 'a' }), [other])).toEqual({ reason: 'space', item: other });
    });

    it('treats items without a space as one main track', () => {
      const other = slot({ id: 'b', spaceId: null });
      expect(findClash(slot({ id: 'a', spaceId: null }), [other])?.reason).toBe('space');
      expect(findClash(slot({ id: 'a', spaceId: 'space-a' }), [other])).toBeNull();
    });

    it('finds an overlap in the same room across spaces, case-insensitively', () => {
      const other = slot({ id: 'b', spaceId: 'space-b', room: 'room xii' });
      expect(findClash(slot({ id: 'a', room: 'Room XII' }), [other])).toEqual({ reason: 'room', item: other });
      expect(findClash(slot({ id: 'a', room: 'Room XI' }), [other])).toBeNull();
    });

    it('finds a speaker booked in two overlapping items', () => {
      const other = slot({
        id: 'b',
        spaceId: 'space-b',
        speakers: [{ name: 'ANA LÓPEZ', organization: 'iom', role: 'speaker' }],
      });
      const mine = slot({ id: 'a', speakers: [{ name: 'Ana López', organization: 'IOM', role: 'moderator' }] });
      expect(findClash(mine, [other])).toEqual({ reason: 'speaker', item: other, speaker: mine.speakers[0] });
      expect(findClash(mine, [{ ...other, startsAt: at('10:00'), endsAt: at('11:00') }])).toBeNull();
    });

    it('ignores the item itself (an edit) and items that do not overlap', () => {
      const me = slot({ id: 'a' });
      expect(findClash(me, [me, slot({ id: 'c', startsAt: at('10:00'), endsAt: at('11:00') })])).toBeNull();
    });

    it('names the earliest clash', () => {
      const early = slot({ id: 'z', startsAt: at('08:30'), endsAt: at('09:15') });
      const late = slot({ id: 'y', startsAt: at('09:45'), endsAt: at('10:15') });
      expect(findClash(slot({ id: 'a' }), [late, early])?.item.id).toBe('z');
    });
  });

  it('finds speakers listed twice in one item', () => {
    expect(
      duplicateSpeakers([
        { name: 'Ana', organization: 'IOM', role: 'speaker' },
        { name: 'ana ', organization: 'iom', role: 'moderator' },
        { name: 'Ben', role: 'speaker' },
      ]),
    ).toEqual([{ name: 'ana ', organization: 'iom', role: 'moderator' }]);
  });
});
