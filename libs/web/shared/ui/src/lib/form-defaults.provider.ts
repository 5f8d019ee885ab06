import type { Provider } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18nPaginatorIntl } from '@gfmd/web-shared-util-i18n/paginator-intl';

/**
 * Form-field look and translated paginator labels. Provided on lazy routes (not in app.config)
 * so that Material's form-field and paginator code stays out of the initial bundle.
 */
export function provideFeatureDefaults(): Provider[] {
  return [
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { appearance: 'outline', subscriptSizing: 'dynamic' } },
    { provide: MatPaginatorIntl, useClass: I18nPaginatorIntl },
  ];
}
