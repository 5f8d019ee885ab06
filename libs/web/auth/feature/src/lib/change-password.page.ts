import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { AuthApi, AuthStore } from '@gfmd/web-auth-data-access';
import { applyProblemToForm } from '@gfmd/web-shared-util-http';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { submitState } from '@gfmd/web-shared-util-state';
import { firstValueFrom } from 'rxjs';
import { NewPasswordFieldsComponent } from './new-password-fields.component';
import { MIN_PASSWORD_LENGTH, samePasswords } from './password-fields.util';
import { AUTH_FORM_IMPORTS } from './auth-form.imports';

/** Every signed-in staff member changes their own password. */
@Component({
  selector: 'gfmd-change-password-page',
  imports: [...AUTH_FORM_IMPORTS, NewPasswordFieldsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="gfmd-narrow">
      <h1>{{ 'title.changePassword' | t }}</h1>
      <gfmd-problem-alert [problem]="state.problem()" [unmatched]="unmatched()" />
      <p class="gfmd-visually-hidden" role="status" aria-live="polite">{{ state.done() }}</p>
      @if (state.done()) {
        <p class="gfmd-alert gfmd-alert--ok">{{ state.done() }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <!-- for password managers: whose password this is -->
        <input type="email" autocomplete="username" [value]="email()" hidden aria-hidden="true" />
        <mat-form-field appearance="outline" class="gfmd-full">
          <mat-label>{{ 'password.current' | t }}</mat-label>
          <input matInput type="password" formControlName="currentPassword" autocomplete="current-password" required />
          @if (form.controls.currentPassword.hasError('server')) {
            <mat-error>{{ form.controls.currentPassword.getError('server') }}</mat-error>
          } @else {
            <mat-error>{{ 'validation.required' | t }}</mat-error>
          }
        </mat-form-field>
        <gfmd-new-password-fields name="newPassword" />
        <button mat-flat-button type="submit" [disabled]="state.submitting()">{{ 'password.submit' | t }}</button>
      </form>
    </section>
  `,
})
export class ChangePasswordPage {
  private readonly api = inject(AuthApi);
  private readonly i18n = inject(I18n);
  private readonly auth = inject(AuthStore);
  protected readonly email = () => this.auth.user()?.email ?? '';
  protected readonly state = submitState();
  protected readonly unmatched = signal<string[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', Validators.required],
      newPassword: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
      repeat: ['', Validators.required],
    },
    { validators: samePasswords('newPassword', 'repeat') },
  );

  protected async submit(): Promise<void> {
    this.state.reset();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    const outcome = await this.state.run(() => firstValueFrom(this.api.changePassword(currentPassword, newPassword)));
    if (outcome.ok) {
      this.form.reset();
      this.unmatched.set([]);
      this.state.done.set(this.i18n.t('password.changed'));
    } else {
      this.unmatched.set(applyProblemToForm(this.form, outcome.problem));
    }
  }
}
