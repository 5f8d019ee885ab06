import type { DomainEventItem } from '@gfmd/api-platform';
import type { RegistrationStatus } from '@gfmd/contracts';
import type { NewRegistration, RegistrationRow } from './registration.rows';

/**
 * A registration's webhook payload (docs/webhooks.md): ids and non-personal fields in `data`;
 * who the person is in `personal`, sent only to subscriptions marked for personal data.
 */
export const registrationEvent = (
  r: Pick<
    RegistrationRow | NewRegistration,
    | 'id'
    | 'dialogueId'
    | 'stakeholderGroup'
    | 'country'
    | 'preferredLanguage'
    | 'email'
    | 'title'
    | 'firstName'
    | 'lastName'
    | 'organization'
    | 'jobTitle'
  >,
  status: RegistrationStatus,
): DomainEventItem => ({
  data: {
    registrationId: r.id,
    dialogueId: r.dialogueId,
    status,
    stakeholderGroup: r.stakeholderGroup,
    country: r.country,
    preferredLanguage: r.preferredLanguage,
  },
  personal: {
    email: r.email,
    title: r.title,
    firstName: r.firstName,
    lastName: r.lastName,
    organization: r.organization,
    jobTitle: r.jobTitle,
  },
});
