import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { ProblemDetails } from '@gfmd/contracts';
import { I18n, TranslatePipe, type TranslationKey } from '@gfmd/web-shared-util-i18n';

const HEADLINES: Record<number, TranslationKey> = {
  0: 'errors.network',
  400: 'errors.invalid',
  401: 'errors.unauthorized',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  409: 'errors.conflict',
  413: 'errors.tooLarge',
  422: 'errors.rule',
  429: 'errors.tooMany',
};

/** Renders problem+json errors (RFC 9457) for people, announced to screen readers. */
@Component({
  selector: 'gfmd-problem-alert',
  imports: [MatButton, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problem(); as p) {
      <div class="gfmd-alert gfmd-alert--error" role="alert">
        <p class="gfmd-alert__title">{{ headline() }}</p>
        @if (p.detail || p.title) {
          <p>{{ p.detail ?? p.title }}</p>
        }
        @if (messages().length) {
          <ul>
            @for (message of messages(); track $index) {
              <li>{{ message }}</li>
            }
          </ul>
        }
        @if (retryable()) {
          <button mat-stroked-button type="button" (click)="retry.emit()">{{ 'common.retry' | t }}</button>
        }
      </div>
    }
  `,
})
export class ProblemAlertComponent {
  private readonly i18n = inject(I18n);

  readonly problem = input<ProblemDetails | null | undefined>();
  /** Field errors that matched no form control (see applyProblemToForm). */
  readonly unmatched = input<string[]>([]);
  /** Show the field errors of the problem as a list (when there is no form to map them onto). */
  readonly listFieldErrors = input(false);
  readonly retryable = input(false);
  /** overrides the headline chosen from the status (e.g. a refused sign-in is not "sign in again") */
  readonly headlineKey = input<TranslationKey>();
  readonly retry = output<void>();

  protected readonly headline = computed(() => {
    const override = this.headlineKey();
    if (override) {
      return this.i18n.t(override);
    }
    const status = this.problem()?.status ?? -1;
    return this.i18n.t(HEADLINES[status] ?? (status >= 500 ? 'errors.server' : 'errors.generic'));
  });

  protected readonly messages = computed(() => {
    const fieldErrors = this.listFieldErrors()
      ? (this.problem()?.errors ?? []).map((e) => (e.field ? `${e.field}: ${e.message}` : e.message))
      : [];
    return [...fieldErrors, ...this.unmatched()];
  });
}
