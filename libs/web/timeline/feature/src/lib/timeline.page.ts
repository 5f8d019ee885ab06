import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { TimelineStore } from '@gfmd/web-timeline-data-access';
import { TimelineChartComponent } from '@gfmd/web-timeline-ui';

/** Public (and console) view of the informal sessions and the dialogues ahead of each. */
@Component({
  selector: 'gfmd-timeline-page',
  imports: [TimelineChartComponent, LoadingStateComponent, EmptyStateComponent, ProblemAlertComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!embedded()) {
      <h1>{{ 'timeline.title' | t }}</h1>
    }
    <p>{{ 'timeline.intro' | t }}</p>
    <gfmd-problem-alert [problem]="store.problem()" [retryable]="true" (retry)="reload()" />
    @if (store.loading() && !store.loaded()) {
      <gfmd-loading-state />
    } @else if (store.loaded()) {
      @if (store.entries().length) {
        <gfmd-timeline-chart [entries]="store.entries()" [linkTo]="embedded() ? 'console' : 'public'" />
      } @else {
        <gfmd-empty-state [message]="'timeline.empty' | t" />
      }
    }
  `,
})
export class TimelinePage {
  protected readonly store = inject(TimelineStore);

  /** true inside the console, where links open the editor */
  readonly embedded = input(false);

  constructor() {
    void this.store.load();
  }

  protected reload(): void {
    void this.store.load();
  }
}
