import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ProblemDetails, RapporteurOutcome } from '@gfmd/contracts';
import { OutcomesApi } from '@gfmd/web-outcomes-data-access';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { toProblem } from '@gfmd/web-shared-util-http';
import { firstValueFrom } from 'rxjs';

/**
 * /workspace/outcomes — "My outcomes": the outcomes the signed-in staff member is named
 * rapporteur on, whatever their role (a rapporteur need not organize or coordinate anything),
 * each opening the outcome editor.
 */
@Component({
  selector: 'gfmd-my-outcomes-page',
  imports: [
    RouterLink,
    EmptyStateComponent,
    LoadingStateComponent,
    ProblemAlertComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    ul {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    li {
      border: 1px solid var(--gfmd-border);
      border-radius: 12px;
      padding: 1rem;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.15rem;
      overflow-wrap: anywhere;
    }
    p {
      margin: 0.25rem 0 0;
    }
  `,
  template: `
    <p>
      <a routerLink="/workspace"><span class="gfmd-mirror" aria-hidden="true">←</span> {{ 'workspace.title' | t }}</a>
    </p>
    <h1>{{ 'workspace.myOutcomes' | t }}</h1>
    <p>{{ 'workspace.myOutcomesIntro' | t }}</p>
    <gfmd-problem-alert [problem]="problem()" [retryable]="true" (retry)="load()" />
    @if (items(); as list) {
      @if (list.length) {
        <ul>
          @for (o of list; track o.dialogueId) {
            <li>
              <h2>
                <a [routerLink]="['/workspace/outcomes', o.dialogueId]">{{ o.dialogueTitle }}</a>
              </h2>
              <span class="gfmd-chip" [class.gfmd-chip--ok]="o.status === 'published'">
                <span class="gfmd-visually-hidden">{{ 'outcome.status' | t }}: </span
                >{{ o.status | label: 'outcomeStatus' }}
              </span>
              <span class="gfmd-muted">
                · {{ 'outcome.version' | t: { version: o.version } }} ·
                {{ 'workspace.outcomeChanged' | t: { date: (o.updatedAt | localDate: 'dateTime') } }}
              </span>
              @if (o.status === 'returned' && o.returnComment) {
                <p class="gfmd-alert gfmd-alert--warn">
                  {{ 'outcome.returnedWith' | t: { comment: o.returnComment } }}
                </p>
              }
            </li>
          }
        </ul>
      } @else {
        <gfmd-empty-state [message]="'workspace.noOutcomes' | t" />
      }
    } @else if (!problem()) {
      <gfmd-loading-state />
    }
  `,
})
export class MyOutcomesPage {
  private readonly api = inject(OutcomesApi);
  protected readonly items = signal<RapporteurOutcome[] | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.problem.set(null);
    try {
      this.items.set((await firstValueFrom(this.api.mine())).items);
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }
}
