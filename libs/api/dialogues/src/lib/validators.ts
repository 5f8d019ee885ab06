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
                (STAKEHOLDER_GROUPS as readonly string[]).includes(k) &&
                Number.isInteger(n) &&
                n >= 0 &&
                n <= 1_000_000,
            )),
      },
    });
}
