import {
  admitToDialogue,
  admitToSpace,
  DialogueSeats,
  fitsDialogue,
  freeDialogueSeat,
  spaceRefusal,
  SpaceSeats,
  windowRefusal,
} from './seat-rules.util';
import { english } from '@gfmd/api-platform';

const seats = (over: Partial<DialogueSeats> = {}): DialogueSeats => ({
  capacity: 2,
  confirmed: 0,
  quotas: null,
  groupConfirmed: {},
  ...over,
});
const space = (over: Partial<SpaceSeats> = {}): SpaceSeats => ({
  id: 's1',
  capacity: 1,
  confirmed: 0,
  access: 'open',
  allowedGroups: null,
  coordinatingGroup: null,
  ...over,
});
const gov = { stakeholderGroup: 'government' as const, invited: false };

describe('seat rules', () => {
  describe(admitToDialogue.name, () => {
    it('confirms while there is room, then waitlists', () => {
      const sut = seats({ capacity: 2 });
      expect([
        admitToDialogue(sut, gov, false),
        admitToDialogue(sut, gov, false),
        admitToDialogue(sut, gov, false),
      ]).toEqual(['confirmed', 'confirmed', 'waitlisted']);
      expect(sut.confirmed).toBe(2);
    });

    it('holds a group to its quota but lets other groups in', () => {
      const sut = seats({ capacity: 10, quotas: { government: 1 } });
      expect(admitToDialogue(sut, gov, false)).toBe('confirmed');
      expect(admitToDialogue(sut, gov, false)).toBe('waitlisted');
      expect(admitToDialogue(sut, { stakeholderGroup: 'academia', invited: false }, false)).toBe('confirmed');
    });

    it('lets an invitation skip approval and the quota, never capacity', () => {
      const sut = seats({ capacity: 2, quotas: { government: 0 } });
      const invited = { ...gov, invited: true };
      expect(admitToDialogue(sut, invited, true)).toBe('confirmed');
      expect(admitToDialogue(sut, invited, true)).toBe('confirmed');
      expect(admitToDialogue(sut, invited, true)).toBe('waitlisted');
      expect(sut.groupConfirmed.government ?? 0).toBe(0);
    });

    it('puts uninvited people in pending when approval is required, taking no seat', () => {
      const sut = seats();
      expect(admitToDialogue(sut, gov, true)).toBe('pending');
      expect(sut.confirmed).toBe(0);
    });

    it('treats a quota of zero as closed to that group, and a lowered capacity as full', () => {
      expect(fitsDialogue(seats({ quotas: { government: 0 } }), gov)).toBe(false);
      expect(fitsDialogue(seats({ capacity: 1, confirmed: 3 }), gov)).toBe(false);
    });

    it('frees seats without going below zero', () => {
      const sut = seats({ confirmed: 0, groupConfirmed: {} });
      freeDialogueSeat(sut, gov);
      expect(sut).toMatchObject({ confirmed: 0, groupConfirmed: { government: 0 } });
    });
  });

  describe(admitToSpace.name, () => {
    it('confirms while the space has room, then waitlists; no capacity means no limit', () => {
      const sut = space({ capacity: 1 });
      expect([admitToSpace(sut, { invited: false }), admitToSpace(sut, { invited: false })]).toEqual([
        'confirmed',
        'waitlisted',
      ]);
      const open = space({ capacity: null, confirmed: 5000 });
      expect(admitToSpace(open, { invited: false })).toBe('confirmed');
    });

    it('asks for approval in approval spaces unless invited or approved by staff', () => {
      expect(admitToSpace(space({ access: 'approval' }), { invited: false })).toBe('pending');
      expect(admitToSpace(space({ access: 'approval' }), { invited: true })).toBe('confirmed');
      expect(admitToSpace(space({ access: 'approval' }), { invited: false, approved: true })).toBe('confirmed');
    });
  });

  describe(spaceRefusal.name, () => {
    const refusal = (...args: Parameters<typeof spaceRefusal>) => {
      const m = spaceRefusal(...args);
      return m && english(m);
    };
    it('keeps invitation_only spaces for invitations that name them (or name no space)', () => {
      const sut = space({ access: 'invitation_only' });
      expect(refusal(sut, 'government', null)).toMatch(/invited/);
      expect(refusal(sut, 'government', { spaceIds: [] })).toBeNull();
      expect(refusal(sut, 'government', { spaceIds: ['s1'] })).toBeNull();
      expect(refusal(sut, 'government', { spaceIds: ['other'] })).toMatch(/does not include/);
    });

    it('keeps group_only spaces for their groups (allowed groups, else the coordinating group)', () => {
      expect(refusal(space({ access: 'group_only', allowedGroups: ['civil_society'] }), 'government', null)).toMatch(
        /civil_society/,
      );
      expect(
        refusal(space({ access: 'group_only', allowedGroups: ['civil_society'] }), 'civil_society', null),
      ).toBeNull();
      expect(refusal(space({ access: 'group_only', coordinatingGroup: 'private_sector' }), 'academia', null)).toMatch(
        /private_sector/,
      );
      expect(refusal(space({ access: 'group_only' }), 'academia', null)).toBeNull();
    });
  });

  describe(windowRefusal.name, () => {
    const now = new Date('2030-01-10T00:00:00Z');
    const d = { status: 'published', registrationOpensAt: null, registrationClosesAt: null };
    it('admits a published dialogue with an open window', () => {
      expect(windowRefusal(d, now)).toBeNull();
      expect(
        windowRefusal(
          { ...d, registrationOpensAt: new Date('2030-01-01'), registrationClosesAt: new Date('2030-02-01') },
          now,
        ),
      ).toBeNull();
    });
    it.each([
      [{ status: 'draft' }, 'registration-not-open'],
      [{ status: 'cancelled' }, 'dialogue-cancelled'],
      [{ status: 'registration_closed' }, 'registration-closed'],
      [{ status: 'concluded' }, 'registration-closed'],
      [{ registrationOpensAt: new Date('2030-01-11') }, 'registration-not-open'],
      [{ registrationClosesAt: new Date('2030-01-10T00:00:00Z') }, 'registration-closed'],
    ])('refuses %o with %s', (patch, slug) => {
      expect(windowRefusal({ ...d, ...patch }, now)?.slug).toBe(slug);
    });
  });
});
