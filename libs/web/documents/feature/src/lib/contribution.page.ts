import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ContributionPage as ContributionPageView, ProblemDetails } from '@gfmd/contracts';
import { DocumentsApi } from '@gfmd/web-documents-data-access';
import { LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { toProblem } from '@gfmd/web-shared-util-http';
import { I18nTitleStrategy, LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';

/**
 * A written contribution's own page (accepted ones are public): its text, its file, and the
 * published recommendations that cite it — so its author sees what their input informed.
 */
@Component({
  selector: 'gfmd-contribution-page',
  imports: [RouterLink, LoadingStateComponent, ProblemAlertComponent, TranslatePipe, LabelPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .cited li {
      margin-bottom: 0.75rem;
    }
    .cited blockquote {
      margin: 0.25rem 0 0;
      padding-inline-start: 0.75rem;
      border-inline-start: 3px solid var(--gfmd-border, #d9e2ec);
      overflow-wrap: anywhere;
    }
  `,
  template: `
    @if (contribution(); as c) {
      <article>
        <p>
          <a [routerLink]="['/dialogues', c.dialogueId]"
            ><span class="gfmd-mirror" aria-hidden="true">←</span> {{ 'contribution.backToDialogue' | t }}</a
          >
        </p>
        <h1>{{ c.title }}</h1>
        <p class="gfmd-muted">
          {{ 'contribution.by' | t: { who: c.organization ?? c.name ?? ('contribution.anonymous' | t) } }} ·
          {{ c.stakeholderGroup | label: 'group' }} · {{ c.submittedAt | localDate: 'date' }}
        </p>
        <p class="text">{{ c.text }}</p>
        @if (c.documentId) {
          <p>
            <a [href]="api.fileUrl(c.documentId)">{{ 'contribution.file' | t }}</a>
          </p>
        }
        <section aria-labelledby="cited-heading">
          <h2 id="cited-heading">{{ 'contribution.citedBy' | t }}</h2>
          @if (c.citedBy.length) {
            <ul class="cited">
              @for (r of c.citedBy; track r.reference) {
                <li>
                  <a [routerLink]="['/recommendations', r.reference]">{{ r.reference }}</a>
                  <span class="gfmd-muted"> · {{ r.dialogueTitle }}</span>
                  <blockquote>{{ r.text }}</blockquote>
                </li>
              }
            </ul>
          } @else {
            <p class="gfmd-muted">{{ 'contribution.citedByNone' | t }}</p>
          }
        </section>
      </article>
    } @else if (problem()) {
      <h1>{{ 'contribution.pageTitle' | t }}</h1>
      <gfmd-problem-alert [problem]="problem()" [retryable]="problem()?.status !== 404" (retry)="load(id())" />
    } @else {
      <h1>{{ 'contribution.pageTitle' | t }}</h1>
      <gfmd-loading-state />
    }
  `,
})
export class ContributionPage {
  protected readonly api = inject(DocumentsApi);
  private readonly titles = inject(I18nTitleStrategy);

  /** the route's :id */
  readonly id = input.required<string>();
  protected readonly contribution = signal<ContributionPageView | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    effect(() => this.titles.setDynamic(this.contribution()?.title));
  }

  protected load(id: string) {
    this.problem.set(null);
    this.contribution.set(null);
    this.api.contribution(id).subscribe({
      next: (c) => this.contribution.set(c),
      error: (e: unknown) => this.problem.set(toProblem(e)),
    });
  }
}
