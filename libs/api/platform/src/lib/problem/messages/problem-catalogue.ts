/** The languages problem+json is written in (`Accept-Language`; anything else gets English). */
export const PROBLEM_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type ProblemLanguage = (typeof PROBLEM_LANGUAGES)[number];

/** The statuses the API answers with, each with a title per language. */
export const PROBLEM_STATUSES = [400, 401, 403, 404, 405, 409, 410, 413, 414, 415, 422, 429, 500, 503] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** Every problem `type` slug (`https://gfmd-dialogues.org/problems/<slug>`) the API writes. */
export const PROBLEM_SLUGS = [
  'invalid-input',
  'unauthorized',
  'invalid-credentials',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'conflict',
  'payload-too-large',
  'uri-too-long',
  'unsupported-media-type',
  'domain-rule',
  'too-many-requests',
  'unavailable',
  'error',
  'invalid-transition',
  'stale-version',
  'own-draft',
  'unknown-recommendation',
  'unknown-contribution',
  'multipart-required',
  'dialogue-closed',
  'dialogue-not-open',
  'dialogue-not-published',
  'unknown-space',
  'unknown-theme',
  'unknown-informal-session',
  'not-confirmed',
  'other-dialogue',
  'nothing-to-undo',
  'scan-id-reused',
  'certificate-not-available',
  'duplicate-user',
  'last-admin',
  'user-inactive',
  'password-link-gone',
  'duplicate-session',
  'duplicate-process',
  'duplicate-theme',
  'outside-process',
  'unknown-process',
  'agenda-outside-dialogue',
  'duplicate-space',
  'duplicate-registration',
  'invalid-csv',
  'agenda-overlap',
  'overlap',
  'space-declined',
  'space-has-registrations',
  'space-has-agenda',
  'room-in-use',
  'registration-pending',
  'registration-closed',
  'nothing-to-decline',
  'nothing-to-approve',
  'no-pending-space-request',
  'dialogue-full',
  'group-quota-full',
  'undo-expired',
  'seat-taken',
  'invitation-used',
  'invalid-invitation',
  'not-failed',
  'not-enough-seats',
  'delegation-full',
  'seats-in-use',
  'duplicate-delegation',
  'unknown-question',
  'invalid-answers',
  'unknown-reference',
] as const;
export type ProblemSlug = (typeof PROBLEM_SLUGS)[number];

/**
 * The validation constraints of the DTOs (class-validator's names and the platform's own),
 * sent as `errors[].code`; `invalid` is any other refusal of a field.
 */
export const CONSTRAINT_CODES = [
  'invalid',
  'whitelistValidation',
  'notNull',
  'isDefined',
  'isNotEmpty',
  'isString',
  'isInt',
  'isBoolean',
  'isArray',
  'isObject',
  'isIn',
  'isEnum',
  'isUuid',
  'isUrl',
  'isIso8601',
  'isISO31661Alpha2',
  'isEmail',
  'isEmailAddress',
  'isPersonName',
  'isPlainText',
  'isTimeZone',
  'isStakeholderQuotas',
  'isPublicUrl',
  'min',
  'max',
  'minLength',
  'maxLength',
  'arrayMinSize',
  'arrayMaxSize',
  'arrayUnique',
  'matches',
  'equals',
] as const;
export type ConstraintCode = (typeof CONSTRAINT_CODES)[number];

/**
 * What a person reads of a problem, in one language. Every record is complete, so a slug,
 * status or constraint added above without its words fails the type check. Messages may hold
 * `{n}` (the number of the constraint) and `{values}` (the accepted values).
 */
export interface ProblemCatalogue {
  titles: Record<ProblemStatus, string>;
  details: Record<ProblemSlug, string>;
  constraints: Record<ConstraintCode, string>;
}
