import { isEmail, registerDecorator, type ValidationOptions } from 'class-validator';
import { isWellFormedText } from './plain-text.decorators';

export const EMAIL_MAX_LENGTH = 254;

/** An email address as every route takes it (the address alone, a domain name, not an IP). */
export function isEmailAddress(v: unknown): boolean {
  // isEmail decodes parts of the address and throws URIError on a lone surrogate: check first.
  if (typeof v !== 'string' || v.length > EMAIL_MAX_LENGTH || !isWellFormedText(v)) return false;
  try {
    return isEmail(v, { allow_display_name: false, allow_ip_domain: false });
  } catch {
    return false;
  }
}

/** The one email validator of every DTO: a string of at most 254 characters that is an address. */
export function IsEmailAddress(options?: ValidationOptions) {
  return (object: object, key: string | symbol) =>
    registerDecorator({
      name: 'isEmailAddress',
      target: object.constructor,
      propertyName: String(key),
      options: { message: `${String(key)} must be an email address`, ...options },
      validator: { validate: isEmailAddress },
    });
}
