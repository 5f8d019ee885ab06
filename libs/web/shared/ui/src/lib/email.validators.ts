import { type AbstractControl, type ValidationErrors, type ValidatorFn, Validators } from '@angular/forms';

/**
 * A complete address: a local part without spaces or stray dots, and a domain name with a dot
 * and a top-level domain of two letters or more ("ana@example" or "ana@@x.org" are typing
 * mistakes the API would refuse anyway).
 */
const EMAIL_FORMAT =
  /^(?!\.)(?!.*\.\.)[^\s@"(),:;<>[\\\]]+(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

/** `{ emailFormat: true }` for an address that is not complete (empty values are left to `required`). */
export const emailFormat: ValidatorFn = (control: AbstractControl<string | null>): ValidationErrors | null => {
  const value = (control.value ?? '').trim();
  return !value || EMAIL_FORMAT.test(value) ? null : { emailFormat: true };
};

/** The checks of every email field before anything is sent: required, Angular's email, complete, at most 254 characters. */
export const emailValidators: ValidatorFn[] = [
  Validators.required,
  Validators.email,
  emailFormat,
  Validators.maxLength(254),
];
