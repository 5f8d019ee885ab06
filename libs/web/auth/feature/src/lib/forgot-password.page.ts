import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { AuthApi } from '@gfmd/web-auth-data-access';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { applyProblemToForm } from '@gfmd/web-shared-util-http';
import { I18n, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { submitState } from '@gfmd/web-shared-util-state';
import { firstValueFrom } from 'rxjs';

/** Public: asks for a password link by email (the answer never tells whether the address has an account). */
@Component({
  selector: 'gfmd-forgot-password-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatButton,
    ProblemAlertComponent,
    TranslatePipe,
  ],
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
          <mat-form-field appearance="outline" class="gfmd-full">
            <mat-label>{{ 'login.email' | t }}</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="username" required />
            @if (form.controls.email.hasError('server')) {
              <mat-error>{{ form.controls.email.getError('server') }}</mat-error>
            } @else if (form.controls.email.hasError('email')) {
              <mat-error>{{ 'validation.email' | t }}</mat-error>
            } @else {
              <mat-error>{{ 'validation.required' | t }}</mat-error>
            }
          </mat-form-field>
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
      firstValueFrom(this.api.requestPasswordReset(email, this.i18n.language())),
    );
    if (outcome.ok) this.state.done.set(this.i18n.t('password.forgotDone'));
    else this.unmatched.set(applyProblemToForm(this.form, outcome.problem));
  }
}
