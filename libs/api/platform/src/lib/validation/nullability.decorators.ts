import { applyDecorators, type Type } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * The message of a null sent for a field that cannot be empty. The validation pipe also gives
 * this message (and only this one) for every other field refused because its value is null.
 */
export const mustNotBeNull = (field: string) => `${field} must not be null`;

/** Refuses null (undefined is left to the other decorators). */
function NotNull(options?: ValidationOptions) {
  return (object: object, key: string | symbol) =>
    registerDecorator({
      name: 'notNull',
      target: object.constructor,
      propertyName: String(key),
      options: { message: mustNotBeNull(String(key)), ...options },
      validator: { validate: (v: unknown) => v !== null },
    });
}

/**
 * A field that may be left out but never emptied: undefined skips its other checks, null is
 * refused with "<field> must not be null". For fields whose column is NOT NULL (see
 * docs/decisions.md, "Null in a request").
 */
export const OptionalButNotNull = (options?: ValidationOptions) =>
  applyDecorators(
    ValidateIf((_: object, v: unknown) => v !== undefined),
    NotNull(options),
  );

/**
 * A field that may be left out, or sent as null to clear it (its column is nullable): both skip
 * its other checks. The service writes null for null.
 */
export const Nullable = () => ValidateIf((_: object, v: unknown) => v !== null && v !== undefined);

/**
 * The body of a PATCH made from the body of the POST: every field may be left out, and null
 * is refused except where the POST's field is `@Nullable()`.
 */
export function PatchType<T>(classRef: Type<T>): Type<Partial<T>> {
  return PartialType(classRef, { skipNullProperties: false });
}
