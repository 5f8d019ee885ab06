import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { DIALOGUE_STATUSES, type DialogueStatus } from '@gfmd/contracts';
import { CatalogStore } from '@gfmd/web-dialogues-data-access';
import { LeadTimeComponent } from '@gfmd/web-dialogues-ui';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { TimelinePage } from '@gfmd/web-timeline-feature';
import { TimelineStore } from '@gfmd/web-timeline-data-access';

/** Console overview: the timeline chart and every dialogue (drafts included). */
@Component({
  selector: 'gfmd-console-home-page',
  imports: [
    RouterLink,
    MatAnchor,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    TimelinePage,
    LeadTimeComponent,
    LoadingStateComponent,
    EmptyStateComponent,
    ProblemAlertComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'console.title' | t }}</h1>
    <div class="gfmd-actions">
      <a mat-flat-button routerLink="/console/dialogues/new">{{ 'console.newDialogue' | t }}</a>
    </div>

    <h2>{{ 'timeline.title' | t }}</h2>
    <gfmd-timeline-page [embedded]="true" />

    <h2 id="all-dialogues">{{ 'console.allDialogues' | t }}</h2>
    <div class="gfmd-filters">
      <mat-form-field>
        <mat-label>{{ 'common.status' | t }}</mat-label>
        <mat-select [value]="status()" (valueChange)="status.set($event)">
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (s of statuses; track s) {
            <mat-option [value]="s">{{ s | label: 'dialogueStatus' }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    <gfmd-problem-alert [problem]="catalog.problem()" [retryable]="true" (retry)="reload()" />
    @if (catalog.loading() && !catalog.loaded()) {
      <gfmd-loading-state />
    } @else if (dialogues().length) {
      <div class="gfmd-table-wrap">
        <table class="gfmd-table" aria-labelledby="all-dialogues">
          <thead>
            <tr>
              <th scope="col">{{ 'timeline.dialogue' | t }}</th>
              <th scope="col">{{ 'common.status' | t }}</th>
              <th scope="col">{{ 'dialogue.when' | t }}</th>
              <th scope="col">{{ 'dialogues.session' | t }}</th>
              <th scope="col">{{ 'dialogue.leadTime' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (d of dialogues(); track d.id) {
              <tr>
                <td>
                  <a [routerLink]="['/console/dialogues', d.id]">{{ d.title }}</a>
                </td>
                <td>{{ d.status | label: 'dialogueStatus' }}</td>
                <td>{{ d.startsAt | localDate: 'date' : d.timeZone }}</td>
                <td>{{ catalog.sessionsById().get(d.informalSessionId)?.number ?? '—' }}</td>
                <td>
                  <gfmd-lead-time [days]="d.leadTimeDays" />
                  @if (d.schedulingWarnings.length) {
                    <span class="gfmd-visually-hidden">{{ d.schedulingWarnings.join('. ') }}</span>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    } @else if (catalog.loaded()) {
      <gfmd-empty-state [message]="'console.noDialogues' | t" />
    }
  `,
})
export class ConsoleHomePage {
  protected readonly catalog = inject(CatalogStore);
  private readonly timeline = inject(TimelineStore);
  protected readonly statuses = DIALOGUE_STATUSES;
  protected readonly status = signal<DialogueStatus | ''>('');
  protected readonly dialogues = computed(() => {
    const status = this.status();
    return [...this.catalog.dialogues()]
      .filter((d) => !status || d.status === status)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  });

  constructor() {
    // Staff see drafts too: reload what may have been cached from an anonymous visit.
    void this.catalog.load(true);
  }

  protected reload(): void {
    void this.catalog.load(true);
    void this.timeline.load();
  }
}
