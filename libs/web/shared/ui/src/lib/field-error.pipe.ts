import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { I18n } from '@gfmd/web-shared-util-i18n';

/**
 * The message for a control's first error: the server's own words when the API refused
 * the field (see applyProblemToForm), otherwise a translated validator message.
 * Use inside `<mat-error>`: `{{ form.controls.email | fieldError }}`.
 */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(control: AbstractControl | null | undefined): string {
    const errors = control?.errors;
    if (!errors) {
      return '';
    }
    const server: unknown = errors['server'];
    if (typeof server === 'string') {
      return server;
    }
    if (errors['required']) {
      return this.i18n.t('validation.required');
    }
    if (errors['email']) {
      return this.i18n.t('validation.email');
    }
    if (errors['emailFormat']) {
      return this.i18n.t('validation.emailFormat');
    }
    if (errors['minlength']) {
      return this.i18n.t('validation.minLength');
    }
    if (errors['min']) {
      return this.i18n.t('validation.min');
    }
    if (errors['max']) {
      return this.i18n.t('validation.max');
    }
    if (errors['maxlength']) {
      return this.i18n.t('validation.maxLength');
    }
    if (errors['country']) {
      return this.i18n.t('validation.country');
    }
    if (errors['url']) {
      return this.i18n.t('validation.url');
    }
    if (errors['endBeforeStart']) {
      return this.i18n.t('validation.endBeforeStart');
    }
    return this.i18n.t('errors.invalid');
  }
}
