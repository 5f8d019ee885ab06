import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** The staff password rule the browser can check (the server also judges strength). */
export const MIN_PASSWORD_LENGTH = 12;

/** A form-group validator: `repeat` must equal `password` (error `mismatch` on the group). */
export function samePasswords(password: string, repeat: string): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const a = group.get(password)?.value;
    const b = group.get(repeat)?.value;
    return a && b && a !== b ? { mismatch: true } : null;
  };
}
