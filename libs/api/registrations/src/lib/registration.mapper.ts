import type { RegistrationView } from '@gfmd/contracts';
import type { RegistrationRow, RegistrationSpaceRow } from './registration.rows';

/** A registration as the API shows it to staff and to its holder (its shape is the contract's). */
export type { RegistrationView };

export function toRegistration(
  r: RegistrationRow,
  spaces: RegistrationSpaceRow[] = [],
  holdLabels: Map<string, string> = new Map(),
): RegistrationView {
  return {
    id: r.id,
    dialogueId: r.dialogueId,
    email: r.email,
    title: r.title,
    firstName: r.firstName,
    lastName: r.lastName,
    organization: r.organization,
    jobTitle: r.jobTitle,
    stakeholderGroup: r.stakeholderGroup,
    country: r.country,
    preferredLanguage: r.preferredLanguage,
    accessibilityNeeds: r.accessibilityNeeds,
    status: r.status,
    attendance: r.attendance ?? null,
    checkedInAt: r.checkedInAt ? r.checkedInAt.toISOString() : null,
    spaces: spaces.map((s) => ({ spaceId: s.spaceId, status: s.status, name: s.name })),
    invited: !!r.invitationId,
    answers: r.answers ?? {},
    delegation: r.holdId ? { id: r.holdId, name: holdLabels.get(r.holdId) ?? '' } : null,
    cancelledAt: r.cancelledAt ? r.cancelledAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
