import { STAKEHOLDER_GROUPS } from '@gfmd/contracts';
import { isValidTimeZone } from '@gfmd/api-platform';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** An IANA time zone known to the runtime (e.g. Europe/Zurich). */
export function IsTimeZone(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an IANA time zone such as Europe/Zurich`, ...options },
      validator: { validate: (v: unknown) => typeof v === 'string' && isValidTimeZone(v) },
    });
}

/** { <stakeholder group>: seats } with known groups and whole, non-negative seat counts. */
export function IsStakeholderQuotas(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isStakeholderQuotas',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must map stakeholder groups (${STAKEHOLDER_GROUPS.join(', ')}) to whole numbers of seats ≥ 0`,
        ...options,
      },
      validator: {
        validate: (v: unknown) =>
          v === null ||
          (typeof v === 'object' &&
            !Array.isArray(v) &&
            Object.entries(v as object).every(
              ([k, n]) =>
                (STAKEHOLDER_GROUPS as readonly string[]).includes(k) && Number.isInteger(n) && n >= 0 && n <= 1_000_000,
            )),
      },
    });
}

/** Plain text without control characters (tab and newlines allowed when multiline). */
export function IsPlainText(multiline = false, options?: ValidationOptions) {
  // eslint-disable-next-line no-control-regex
  const re = multiline ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ : /[\u0000-\u001F\u007F\u2028\u2029]/;
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPlainText',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must not contain control characters`, ...options },
      validator: { validate: (v: unknown) => v === null || v === undefined || (typeof v === 'string' && !re.test(v)) },
    });
}
