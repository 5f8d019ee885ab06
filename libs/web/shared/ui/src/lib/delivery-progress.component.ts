import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { DeliverySummary } from '@gfmd/contracts';
import { I18n, TranslatePipe } from '@gfmd/web-shared-util-i18n';

/**
 * Where a batch of emails stands: a determinate progress bar ("12 of 1,000 sent"), the counts by
 * status, and a polite live region that announces the end of delivery once (not every read).
 */
@Component({
  selector: 'gfmd-delivery-progress',
  imports: [MatProgressBar, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      margin: 0.5rem 0 1rem;
    }
    .progress-text {
      margin: 0.25rem 0;
      font-size: 0.9rem;
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      list-style: none;
      margin: 0;
      padding: 0;
      font-size: 0.9rem;
    }
    .counts strong {
      font-variant-numeric: tabular-nums;
    }
  `,
  template: `
    @if (summary(); as s) {
      @if (s.total > 0) {
        <mat-progress-bar
          mode="determinate"
          [value]="percent()"
          [attr.aria-label]="progressText()"
          [attr.aria-valuetext]="progressText()"
        />
        <p class="progress-text">
          {{ progressText() }}
          @if (live()) {
            <span class="gfmd-muted"> · {{ 'delivery.live' | t }}</span>
          }
        </p>
      }
      <ul class="counts" [attr.aria-label]="'delivery.heading' | t">
        <li>
          {{ 'delivery.queued' | t }} <strong>{{ n(s.queued) }}</strong>
        </li>
        @if (s.sending) {
          <li>
            {{ 'delivery.sending' | t }} <strong>{{ n(s.sending) }}</strong>
          </li>
        }
        <li>
          {{ 'delivery.sent' | t }} <strong>{{ n(s.sent) }}</strong>
        </li>
        <li>
          {{ 'delivery.failed' | t }} <strong>{{ n(s.failed) }}</strong>
        </li>
        @if (s.closed) {
          <li [attr.title]="'delivery.closedHint' | t">
            {{ 'delivery.closed' | t }} <strong>{{ n(s.closed) }}</strong>
          </li>
        }
      </ul>
    }
    <p class="gfmd-visually-hidden" role="status" aria-live="polite">{{ announcement() }}</p>
  `,
})
export class DeliveryProgressComponent {
  private readonly i18n = inject(I18n);

  /** the last summary read (nothing is shown before the first) */
  readonly summary = input<DeliverySummary | null>(null);
  /** whether it is still being followed (a "live" hint beside the bar) */
  readonly live = input(false);
  /** set once delivery has ended after being followed: announced in the live region */
  readonly finished = input(false);

  /** emails that left the queue (sent, failed or closed), as a percentage of the batch */
  protected readonly percent = computed(() => {
    const s = this.summary();
    if (!s || !s.total) return 0;
    return Math.round(((s.total - s.queued - s.sending) / s.total) * 100);
  });

  protected readonly progressText = computed(() => {
    const s = this.summary();
    return s ? this.i18n.t('delivery.progress', { sent: s.sent + s.closed, total: s.total }) : '';
  });

  protected readonly announcement = computed(() => {
    const s = this.summary();
    return s && this.finished() ? this.i18n.t('delivery.done', { sent: s.sent + s.closed, failed: s.failed }) : '';
  });

  protected n(value: number): string {
    return this.i18n.formatNumber(value);
  }
}
