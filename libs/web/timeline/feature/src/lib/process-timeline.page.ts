import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { ContentLangDirective, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { ProcessTimelineStore } from '@gfmd/web-timeline-data-access';
import { ProcessTimelineComponent, buildTimelineView, defaultZoom } from '@gfmd/web-timeline-ui';
import { SynthesisDuesComponent } from '@gfmd/web-syntheses-feature';

/**
 * The public timeline of one process (`/timeline?process=<slug>` or `/processes/<slug>/timeline`):
 * a process selector and the process's calendar, opened on the coming months when it is under way.
 */
@Component({
  selector: 'gfmd-process-timeline-page',
  imports: [
    ContentLangDirective,
    ProcessTimelineComponent,
    LoadingStateComponent,
    EmptyStateComponent,
    ProblemAlertComponent,
    SynthesisDuesComponent,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .picker {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: center;
      margin: 0 0 1rem;
    }
    .picker select {
      font: inherit;
      padding: 0.4rem;
      max-width: 100%;
      min-height: 36px;
    }
  `,
  template: `
    <h1>{{ 'timeline.title' | t }}</h1>
    <p>{{ 'ptimeline.intro' | t }}</p>
    <gfmd-problem-alert [problem]="store.problem()" [retryable]="true" (retry)="reload()" />
    @if (store.processes(); as processes) {
      @if (processes.length) {
        <div class="picker">
          <label for="timeline-process">{{ 'ptimeline.process' | t }}</label>
          <select id="timeline-process" (change)="choose($any($event.target).value)">
            @for (p of processes; track p.id) {
              <option
                [value]="p.slug"
                [selected]="p.id === store.timeline()?.process?.id"
                [gfmdContentLang]="p.titleLang"
              >
                {{ p.title }}
              </option>
            }
          </select>
        </div>
      } @else {
        <gfmd-empty-state [message]="'ptimeline.none' | t" />
      }
    }
    @if (store.unknown()) {
      <gfmd-empty-state [message]="'notFound.body' | t" />
    } @else if (view(); as v) {
      <gfmd-process-timeline [view]="v" [initialZoom]="zoom()" />
      @if (store.timeline()?.syntheses?.length) {
        <gfmd-synthesis-dues [dues]="store.timeline()?.syntheses ?? []" />
      }
    } @else if (store.loading()) {
      <gfmd-loading-state />
    }
  `,
})
export class ProcessTimelinePage {
  protected readonly store = inject(ProcessTimelineStore);
  private readonly router = inject(Router);

  /** `?process=<slug>` */
  readonly process = input<string>();
  /** `/processes/:slug/timeline` */
  readonly slug = input<string>();

  protected readonly view = computed(() => {
    const timeline = this.store.timeline();
    return timeline ? buildTimelineView(timeline) : null;
  });
  protected readonly zoom = computed(() => {
    const process = this.store.timeline()?.process;
    return process ? defaultZoom(process) : 'process';
  });

  constructor() {
    effect(() => {
      const slug = this.slug() ?? this.process() ?? null;
      untracked(() => void this.store.load(slug));
    });
  }

  protected choose(slug: string): void {
    if (this.slug()) {
      void this.router.navigate(['/processes', slug, 'timeline']);
    } else {
      void this.router.navigate(['/timeline'], { queryParams: { process: slug } });
    }
  }

  protected reload(): void {
    this.store.reset();
    void this.store.load(this.slug() ?? this.process() ?? null);
  }
}
