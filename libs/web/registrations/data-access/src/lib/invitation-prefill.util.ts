import type { InvitationPrefill, Language, StakeholderGroup } from '@gfmd/contracts';

export interface PrefilledRegistration {
  email: string;
  firstName?: string;
  lastName?: string;
  stakeholderGroup?: StakeholderGroup;
  preferredLanguage: Language;
}

/**
 * The registration form values an invitation gives: its email (locked by the page: the
 * registration must use it), the name split at its first space (given name, then the rest),
 * the group and the language. Absent values are left out, so they do not clear what is typed.
 */
export function invitationPrefillValues(invitation: InvitationPrefill): PrefilledRegistration {
  const name = (invitation.name ?? '').trim().replace(/\s+/g, ' ');
  const space = name.indexOf(' ');
  const [firstName, lastName] = space > 0 ? [name.slice(0, space), name.slice(space + 1)] : [name, ''];
  return {
    email: invitation.email,
    ...(firstName ? { firstName } : {}),
    ...(lastName ? { lastName } : {}),
    ...(invitation.stakeholderGroup ? { stakeholderGroup: invitation.stakeholderGroup } : {}),
    preferredLanguage: invitation.preferredLanguage,
  };
}
