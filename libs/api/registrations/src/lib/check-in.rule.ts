import { domainRule, msg } from '@gfmd/api-platform';
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
    throw domainRule('not-confirmed', msg('registrations.notCheckable', { status: reg.status }));
  if (scope && !spaces.some((r) => scope.includes(r.spaceId) && r.status === 'confirmed')) {
    throw domainRule('not-confirmed', msg('registrations.noSeatInYourSpaces'));
  }
}
