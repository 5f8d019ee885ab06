import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { AuthApi } from '@gfmd/web-auth-data-access';
import { applyProblemToForm } from '@gfmd/web-shared-util-http';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { submitState } from '@gfmd/web-shared-util-state';
import { firstValueFrom } from 'rxjs';
import { AUTH_FORM_IMPORTS } from './auth-form.imports';
import { StaffEmailFieldComponent } from './email-field.component';

/** Public: asks for a password link by email (the answer never tells whether the address has an account). */
@Component({
  selector: 'gfmd-forgot-password-page',
  imports: [...AUTH_FORM_IMPORTS, StaffEmailFieldComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="gfmd-narrow">
      <h1>{{ 'title.forgotPassword' | t }}</h1>
      @if (state.done()) {
        <p class="gfmd-alert gfmd-alert--ok" role="status">{{ state.done() }}</p>
      } @else {
        <p>{{ 'password.forgotIntro' | t }}</p>
        <gfmd-problem-alert [problem]="state.problem()" [unmatched]="unmatched()" />
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <gfmd-staff-email-field />
          <button mat-flat-button type="submit" [disabled]="state.submitting()">
            {{ 'password.forgotSubmit' | t }}
          </button>
        </form>
      }
    </section>
  `,
})
export class ForgotPasswordPage {
  private readonly api = inject(AuthApi);
  private readonly i18n = inject(I18n);
  protected readonly state = submitState();
  protected readonly unmatched = signal<string[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
  });

  protected async submit(): Promise<void> {
    this.state.reset();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const email = this.form.getRawValue().email.trim();
    const outcome = await this.state.run(() =>
      firstValueFrom(this.api.requestPasswordReset(email, this.i18n.contractLanguage())),
    );
    if (outcome.ok) this.state.done.set(this.i18n.t('password.forgotDone'));
    else this.unmatched.set(applyProblemToForm(this.form, outcome.problem));
  }
}
