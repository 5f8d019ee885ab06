import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AuthApi } from '@gfmd/web-auth-data-access';
import { applyProblemToForm } from '@gfmd/web-shared-util-http';
import { submitState } from '@gfmd/web-shared-util-state';
import { firstValueFrom } from 'rxjs';
import { NewPasswordFieldsComponent } from './new-password-fields.component';
import { MIN_PASSWORD_LENGTH, samePasswords } from './password-fields.util';
import { AUTH_FORM_IMPORTS } from './auth-form.imports';

/** Public: a staff member chooses their password from the emailed link (invitation or reset). */
@Component({
  selector: 'gfmd-set-password-page',
  imports: [...AUTH_FORM_IMPORTS, RouterLink, NewPasswordFieldsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="gfmd-narrow">
      <h1>{{ 'title.setPassword' | t }}</h1>
      @if (saved()) {
        <p class="gfmd-alert gfmd-alert--ok" role="status">{{ 'password.setDone' | t }}</p>
        <a mat-flat-button routerLink="/login">{{ 'password.signIn' | t }}</a>
      } @else if (!token()) {
        <p class="gfmd-alert gfmd-alert--info">{{ 'password.noToken' | t }}</p>
        <a mat-button routerLink="/login/forgot">{{ 'password.askAgain' | t }}</a>
      } @else {
        <p>{{ 'password.setIntro' | t }}</p>
        <gfmd-problem-alert [problem]="state.problem()" [unmatched]="unmatched()" />
        @if (state.problem()?.status === 410) {
          <p>
            <a routerLink="/login/forgot">{{ 'password.askAgain' | t }}</a>
          </p>
        }
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <gfmd-new-password-fields />
          <button mat-flat-button type="submit" [disabled]="state.submitting()">{{ 'password.setSubmit' | t }}</button>
        </form>
      }
    </section>
  `,
})
export class SetPasswordPage {
  private readonly api = inject(AuthApi);
  /** bound from the query string (?token=…) */
  readonly token = input<string>();
  protected readonly state = submitState();
  protected readonly saved = signal(false);
  protected readonly unmatched = signal<string[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
      repeat: ['', Validators.required],
    },
    { validators: samePasswords('password', 'repeat') },
  );

  protected async submit(): Promise<void> {
    this.state.reset();
    const token = this.token();
    if (!token) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { password } = this.form.getRawValue();
    const outcome = await this.state.run(() => firstValueFrom(this.api.confirmPasswordReset(token, password)));
    if (outcome.ok) this.saved.set(true);
    else this.unmatched.set(applyProblemToForm(this.form, outcome.problem));
  }
}
