import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl } from '@angular/forms';
import type { ProblemDetails } from '@gfmd/contracts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isFieldErrors(value: unknown): value is { field: string; message: string }[] {
  return (
    Array.isArray(value) &&
    value.every((e) => isRecord(e) && typeof e['field'] === 'string' && typeof e['message'] === 'string')
  );
}

/**
 * Turns anything thrown by an HTTP call into RFC 9457 problem details.
 * status 0 means the API could not be reached at all.
 */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof HttpErrorResponse) {
    const body: unknown = error.error;
    if (isRecord(body) && typeof body['title'] === 'string') {
      return {
        type: typeof body['type'] === 'string' ? body['type'] : 'about:blank',
        title: body['title'],
        status: typeof body['status'] === 'number' ? body['status'] : error.status,
        detail: typeof body['detail'] === 'string' ? body['detail'] : undefined,
        errors: isFieldErrors(body['errors']) ? body['errors'] : undefined,
      };
    }
    return {
      type: 'about:blank',
      title: error.status === 0 ? 'Network error' : error.statusText || 'Error',
      status: error.status,
      detail: typeof body === 'string' && body.length < 300 ? body : undefined,
    };
  }
  return {
    type: 'about:blank',
    title: error instanceof Error ? error.message : 'Unexpected error',
    status: -1,
  };
}

/**
 * Puts each `errors[].message` onto the form control named by its `field`
 * (dotted paths such as `speakers.0.name` are followed). Returns the messages
 * that matched no control, so the caller can show them in a summary.
 */
export function applyProblemToForm(form: AbstractControl, problem: ProblemDetails): string[] {
  const unmatched: string[] = [];
  for (const { field, message } of problem.errors ?? []) {
    const control = field ? form.get(field) : null;
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
    } else {
      unmatched.push(field ? `${field}: ${message}` : message);
    }
  }
  return unmatched;
}
