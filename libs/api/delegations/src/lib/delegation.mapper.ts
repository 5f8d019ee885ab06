import type { Delegate, DelegateRole, Delegation } from '@gfmd/contracts';
import type { HoldUsage } from '@gfmd/api-registrations';
import type { DelegationRow } from './delegations.repository';

/** What a delegate's registration shows to the focal point (no more than they gave). */
export interface MemberRow {
  id: string;
  email: string;
  title: string | null;
  firstName: string;
  lastName: string;
  organization: string;
  jobTitle: string | null;
  country: string;
  preferredLanguage: Delegate['preferredLanguage'];
  status: Delegate['status'];
  createdAt: Date;
}

export function toDelegation(d: DelegationRow, usage: HoldUsage | undefined): Delegation {
  return {
    id: d.id,
    dialogueId: d.dialogueId,
    name: d.name,
    stakeholderGroup: d.stakeholderGroup,
    country: d.country,
    seats: usage?.seats ?? 0,
    used: usage?.used ?? 0,
    focalPointEmail: d.focalPointEmail,
    focalPointLanguage: d.focalPointLanguage,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

/** Delegates, current ones (confirmed) first, each group in the order they were named. */
export function toDelegates(members: MemberRow[], roles: Map<string, DelegateRole>): Delegate[] {
  const rank = (m: MemberRow) => (m.status === 'confirmed' ? 0 : 1);
  return [...members]
    .sort((a, b) => rank(a) - rank(b))
    .map((m) => ({
      registrationId: m.id,
      role: roles.get(m.id) ?? 'delegate',
      email: m.email,
      title: m.title,
      firstName: m.firstName,
      lastName: m.lastName,
      organization: m.organization,
      jobTitle: m.jobTitle,
      country: m.country,
      preferredLanguage: m.preferredLanguage,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
    }));
}
