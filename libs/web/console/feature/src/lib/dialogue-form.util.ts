import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** Group validator: `endKey` must be after `startKey` (both `YYYY-MM-DDTHH:mm` or `HH:mm` strings). */
export function endAfterStart(startKey: string, endKey: string): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const start: unknown = group.get(startKey)?.value;
    const end = group.get(endKey);
    if (typeof start !== 'string' || !start || !end || typeof end.value !== 'string' || !end.value) {
      return null;
    }
    if (end.value <= start) {
      end.setErrors({ ...(end.errors ?? {}), endBeforeStart: true });
      return { endBeforeStart: true };
    }
    if (end.hasError('endBeforeStart')) {
      const { endBeforeStart: _ignored, ...rest } = end.errors ?? {};
      end.setErrors(Object.keys(rest).length ? rest : null);
    }
    return null;
  };
}

/** http(s) URL or empty. */
export const optionalUrl: ValidatorFn = (control) => {
  const value: unknown = control.value;
  if (typeof value !== 'string' || !value.trim()) {
    return null;
  }
  return /^https?:\/\/\S+$/i.test(value.trim()) ? null : { url: true };
};

/** An IANA time zone the browser knows (aliases such as UTC or Europe/Kiev included). */
export const timeZoneValidator: ValidatorFn = (control) => {
  const value: unknown = control.value;
  if (typeof value !== 'string' || !value) {
    return null;
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return null;
  } catch {
    return { timeZone: true };
  }
};
