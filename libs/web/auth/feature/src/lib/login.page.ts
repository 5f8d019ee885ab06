import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { ProblemDetails } from '@gfmd/contracts';
import { applyProblemToForm, toProblem } from '@gfmd/web-shared-util-http';
import { AuthStore } from '@gfmd/web-auth-data-access';
import { AUTH_FORM_IMPORTS } from './auth-form.imports';
import { StaffEmailFieldComponent } from './email-field.component';

/** Only same-site paths are followed after login (no open redirect). */
export function safeReturnUrl(url: string | undefined): string | null {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login') ? url : null;
}

@Component({
  selector: 'gfmd-login-page',
  imports: [...AUTH_FORM_IMPORTS, RouterLink, StaffEmailFieldComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="gfmd-narrow">
      <h1>{{ 'login.title' | t }}</h1>
      @if (expired()) {
        <p class="gfmd-alert gfmd-alert--info" role="status">{{ 'login.expired' | t }}</p>
      }
      <p>{{ 'login.intro' | t }}</p>
      <gfmd-problem-alert
        [problem]="problem()"
        [unmatched]="unmatched()"
        [headlineKey]="problem()?.status === 401 ? 'login.failed' : undefined"
      />
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <gfmd-staff-email-field />
        <mat-form-field appearance="outline" class="gfmd-full">
          <mat-label>{{ 'login.password' | t }}</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="current-password" required />
          @if (form.controls.password.hasError('server')) {
            <mat-error>{{ form.controls.password.getError('server') }}</mat-error>
          } @else {
            <mat-error>{{ 'validation.required' | t }}</mat-error>
          }
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ (busy() ? 'login.signingIn' : 'login.submit') | t }}
        </button>
      </form>
      <p>
        <a routerLink="/login/forgot">{{ 'login.forgot' | t }}</a>
      </p>
    </section>
  `,
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  /** bound from the query string */
  readonly returnUrl = input<string>();
  readonly expired = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly unmatched = signal<string[]>([]);

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      const { email, password } = this.form.getRawValue();
      const user = await this.auth.login(email.trim(), password);
      const fallback = user.role === 'coordinator' ? '/workspace' : user.role === 'door' ? '/door' : '/console';
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? fallback);
    } catch (error) {
      const problem = toProblem(error);
      this.problem.set(problem);
      this.unmatched.set(applyProblemToForm(this.form, problem));
    } finally {
      this.busy.set(false);
    }
  }
}
