import { HttpErrorResponse } from '@angular/common/http';
import { type TranslationKey, type UiLanguage, isTranslationKey } from '@gfmd/web-shared-util-i18n';

/** The app's own words for a validation constraint the API names in `errors[].code`. */
const CONSTRAINT_KEYS: Record<string, TranslationKey> = {
  notNull: 'validation.required',
  isDefined: 'validation.required',
  isNotEmpty: 'validation.required',
  isEmail: 'validation.email',
  isEmailAddress: 'validation.email',
  min: 'validation.min',
  max: 'validation.max',
  minLength: 'validation.minLength',
  maxLength: 'validation.maxLength',
  isUrl: 'validation.url',
  isPersonName: 'validation.personName',
  isPlainText: 'validation.plainText',
  whitelistValidation: 'validation.unknownField',
  isISO31661Alpha2: 'validation.country',
  isTimeZone: 'validation.timeZone',
};

/** The headline of a status when the problem's `type` is not one the app knows. */
const STATUS_KEYS: Record<number, TranslationKey> = {
  400: 'errors.invalid',
  401: 'errors.unauthorized',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  409: 'errors.conflict',
  413: 'errors.tooLarge',
  422: 'errors.rule',
  429: 'errors.tooMany',
};

const PROBLEM_BASE = 'https://gfmd-dialogues.org/problems/';

/** Problem types the app already has words for (others: `problem.<slug>` when it exists, else the status). */
const PROBLEM_KEYS: Record<string, TranslationKey> = {
  'duplicate-registration': 'register.duplicate',
  'registration-closed': 'dialogue.registrationClosed',
  'invalid-credentials': 'login.failed',
};

export type Translate = (key: TranslationKey) => string;

/** The dictionary key of a field error's constraint code (`validation.invalid` for any other). */
export function constraintKey(code: unknown): TranslationKey {
  return (
    (typeof code === 'string' &&
      Object.prototype.hasOwnProperty.call(CONSTRAINT_KEYS, code) &&
      CONSTRAINT_KEYS[code]) ||
    'validation.invalid'
  );
}

/** The dictionary key of a problem: the app's words for its type when it has some, else its status' headline. */
export function problemKey(type: unknown, status: unknown): TranslationKey {
  if (typeof type === 'string' && type.startsWith(PROBLEM_BASE)) {
    const slug = type.slice(PROBLEM_BASE.length);
    if (Object.prototype.hasOwnProperty.call(PROBLEM_KEYS, slug)) return PROBLEM_KEYS[slug];
    const key = `problem.${slug}`;
    if (isTranslationKey(key)) return key;
  }
  const byStatus = typeof status === 'number' ? STATUS_KEYS[status] : undefined;
  return byStatus ?? (typeof status === 'number' && status >= 500 ? 'errors.server' : 'errors.generic');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * A problem+json body in the app's words: its `title`/`detail` from the type (or the status) and
 * each `errors[].message` from its `code`. Used when the API answered in another language than
 * the page's (see `localizeProblemResponse`).
 */
export function localizeProblemBody(body: Record<string, unknown>, t: Translate): Record<string, unknown> {
  const text = t(problemKey(body['type'], body['status']));
  const errors = body['errors'];
  return {
    ...body,
    title: text,
    detail: text,
    ...(Array.isArray(errors)
      ? { errors: errors.map((e: unknown) => (isRecord(e) ? { ...e, message: t(constraintKey(e['code'])) } : e)) }
      : {}),
  };
}

/**
 * The error of an API call as the page shows it: a problem+json answer whose `Content-Language`
 * is not the page's language (an older API, or the language was switched while the request
 * was on its way) is put in the app's own words; anything else is left as it is.
 */
export function localizeProblemResponse(error: unknown, language: UiLanguage, t: Translate): unknown {
  if (!(error instanceof HttpErrorResponse) || !isRecord(error.error) || typeof error.error['title'] !== 'string') {
    return error;
  }
  const answered = error.headers?.get('Content-Language')?.slice(0, 2).toLowerCase();
  if (answered === language) {
    return error;
  }
  return new HttpErrorResponse({
    error: localizeProblemBody(error.error, t),
    headers: error.headers,
    status: error.status,
    statusText: error.statusText,
    url: error.url ?? undefined,
  });
}
