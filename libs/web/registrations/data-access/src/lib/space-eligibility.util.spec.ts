import { SpaceFactory } from '@gfmd/web-shared-util-testing';
import { canChooseSpace, spaceEligibility } from './space-eligibility.util';

describe(spaceEligibility.name, () => {
  it('explains each access rule', () => {
    expect(spaceEligibility(SpaceFactory.create({ access: 'open' }), null, false)).toBe('open');
    expect(spaceEligibility(SpaceFactory.create({ access: 'approval' }), null, false)).toBe('needsApproval');
    expect(spaceEligibility(SpaceFactory.create({ access: 'invitation_only' }), null, false)).toBe('needsInvitation');
    expect(spaceEligibility(SpaceFactory.create({ access: 'invitation_only' }), null, true)).toBe('open');
  });

  it('keeps group-only spaces for their groups', () => {
    const business = SpaceFactory.create({ access: 'group_only', allowedGroups: ['private_sector'] });

    expect(canChooseSpace(business, 'private_sector', false)).toBe(true);
    expect(canChooseSpace(business, 'civil_society', false)).toBe(false);
    expect(canChooseSpace(business, null, false)).toBe(true);
  });
});
