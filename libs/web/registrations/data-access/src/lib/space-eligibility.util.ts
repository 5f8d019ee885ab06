import type { Space, StakeholderGroup } from '@gfmd/contracts';

export type SpaceEligibility = 'open' | 'needsApproval' | 'needsInvitation' | 'groupNotAllowed';

/**
 * Whether a person of `group` may choose `space` in the registration form.
 * The server decides for real; this explains the rule up front.
 */
export function spaceEligibility(
  space: Space,
  group: StakeholderGroup | null,
  hasInvitation: boolean,
): SpaceEligibility {
  switch (space.access) {
    case 'open':
      return 'open';
    case 'approval':
      return hasInvitation ? 'open' : 'needsApproval';
    case 'invitation_only':
      return hasInvitation ? 'open' : 'needsInvitation';
    case 'group_only': {
      const allowed = space.allowedGroups?.length
        ? space.allowedGroups
        : space.coordinatingGroup
          ? [space.coordinatingGroup]
          : [];
      if (!group || allowed.length === 0 || allowed.includes(group)) {
        return 'open';
      }
      return 'groupNotAllowed';
    }
  }
}

export function canChooseSpace(space: Space, group: StakeholderGroup | null, hasInvitation: boolean): boolean {
  const eligibility = spaceEligibility(space, group, hasInvitation);
  return eligibility === 'open' || eligibility === 'needsApproval';
}
