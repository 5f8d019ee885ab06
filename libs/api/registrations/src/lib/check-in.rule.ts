import { domainRule } from '@gfmd/api-platform';
import type { RegistrationStatus } from '@gfmd/contracts';

/**
 * Who may be checked in (POST /registrations/:id/check-in and the door's scans alike): a
 * confirmed registration; for a coordinator (`scope`: their spaces), one that holds a confirmed
 * seat in one of their spaces. Throws 422 `not-confirmed` otherwise.
 */
export function assertCheckInAllowed(
  reg: { status: RegistrationStatus },
  spaces: { spaceId: string; status: RegistrationStatus }[],
  scope: string[] | undefined,
): void {
  if (reg.status !== 'confirmed')
    throw domainRule('not-confirmed', `A ${reg.status} registration cannot be checked in.`);
  if (scope && !spaces.some((r) => scope.includes(r.spaceId) && r.status === 'confirmed')) {
    throw domainRule('not-confirmed', 'This person holds no confirmed seat in your spaces.');
  }
}
