import { ChangeDetectionStrategy, Component, type OnInit, inject, input, signal } from '@angular/core';
import { SynthesesApi } from '@gfmd/web-syntheses-data-access';
import { TranslatePipe, type TranslationKey } from '@gfmd/web-shared-util-i18n';
import { firstValueFrom } from 'rxjs';

/**
 * The links of a synthesis subscriber's emails: `/subscriptions/confirm/:token` and
 * `/subscriptions/leave/:token`. Opening the page does it (one POST): mail scanners that only
 * fetch the link do not run the page's script.
 */
@Component({
  selector: 'gfmd-subscription-link-page',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>{{ 'title.subscription' | t }}</h1>
      <p role="status" [class]="gone() ? 'gfmd-alert gfmd-alert--warn' : 'gfmd-alert gfmd-alert--info'">
        {{ message() | t }}
      </p>
    </div>
  `,
  styles: `
    .page {
      display: block;
      max-width: 40rem;
      margin: 0 auto;
      padding: 1rem;
    }
  `,
})
export class SubscriptionLinkPage implements OnInit {
  private readonly api = inject(SynthesesApi);
  readonly action = input.required<'confirm' | 'leave'>();
  readonly token = input.required<string>();
  protected readonly message = signal<TranslationKey>('synthesis.link.working');
  protected readonly gone = signal(false);

  ngOnInit(): void {
    void this.init();
  }

  private async init(): Promise<void> {
    const confirm = this.action() === 'confirm';
    try {
      await firstValueFrom(this.api.follow(this.token(), confirm ? 'confirm' : 'unsubscribe'));
      this.message.set(confirm ? 'synthesis.link.confirmed' : 'synthesis.link.unsubscribed');
    } catch {
      this.gone.set(true);
      this.message.set('synthesis.link.gone');
    }
  }
}
