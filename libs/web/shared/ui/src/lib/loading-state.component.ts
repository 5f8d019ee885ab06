import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';

/** A polite "loading…" status with a spinner. */
@Component({
  selector: 'gfmd-loading-state',
  imports: [MatProgressSpinner, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="gfmd-state" role="status">
      <mat-progress-spinner mode="indeterminate" diameter="28" aria-hidden="true" />
      <span>{{ label() ?? ('common.loading' | t) }}</span>
    </div>
  `,
})
export class LoadingStateComponent {
  readonly label = input<string>();
}
