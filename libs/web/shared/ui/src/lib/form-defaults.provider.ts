import { Injectable, type Provider } from '@angular/core';
import type { AbstractControl, FormGroupDirective, NgForm } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18nPaginatorIntl } from '@gfmd/web-shared-util-i18n/paginator-intl';

/**
 * A field shows its error once the person changed it and left it, or tried to submit its form,
 * or when the server refused its value (applyProblemToForm, after any action) — not merely
 * because they tabbed through it (Material's default shows it on any blur).
 */
@Injectable()
export class ChangedOrSubmittedErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    if (!control?.invalid) {
      return false;
    }
    return (control.dirty && control.touched) || !!form?.submitted || control.hasError('server');
  }
}

/**
 * Form-field look, when field errors show, and translated paginator labels. Provided on lazy
 * routes (not in app.config) so that Material's form-field and paginator code stays out of the
 * initial bundle.
 */
export function provideFeatureDefaults(): Provider[] {
  return [
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { appearance: 'outline', subscriptSizing: 'dynamic' } },
    { provide: ErrorStateMatcher, useClass: ChangedOrSubmittedErrorStateMatcher },
    { provide: MatPaginatorIntl, useClass: I18nPaginatorIntl },
  ];
}
