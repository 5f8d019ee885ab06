import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { I18nTitleStrategy, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { loadResource } from '@gfmd/web-shared-util-state';
import { OutcomeEditorPage } from './outcome-editor.page';

/**
 * /workspace/outcomes/:dialogueId — the outcome editor for a rapporteur who neither organizes
 * nor coordinates the dialogue: the dialogue's title, a way back to "My outcomes", and the same
 * editor as the console's (the API decides what each person may change).
 */
@Component({
  selector: 'gfmd-rapporteur-outcome-page',
  imports: [RouterLink, LoadingStateComponent, ProblemAlertComponent, OutcomeEditorPage, TranslatePipe, LocalDatePipe],
  providers: [DialogueStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>
      <a routerLink="/workspace/outcomes"
        ><span class="gfmd-mirror" aria-hidden="true">←</span> {{ 'workspace.myOutcomes' | t }}</a
      >
    </p>
    @if (store.dialogue(); as d) {
      <h1>{{ d.title }}</h1>
      <p class="gfmd-muted">{{ d.startsAt | localDate: 'date' : d.timeZone }} · {{ d.venue }}</p>
      <gfmd-problem-alert [problem]="store.partialProblem()" [retryable]="true" (retry)="store.reload()" />
      <gfmd-outcome-editor-page [dialogueId]="d.id" />
    } @else if (store.loading()) {
      <h1>{{ 'title.outcome' | t }}</h1>
      <gfmd-loading-state />
    } @else {
      <h1>{{ 'dialogue.unavailable' | t }}</h1>
      <gfmd-problem-alert [problem]="store.problem()" [retryable]="true" (retry)="store.reload()" />
    }
  `,
})
export class RapporteurOutcomePage {
  private readonly titles = inject(I18nTitleStrategy);
  protected readonly store = inject(DialogueStore);

  /** the route's :dialogueId */
  readonly dialogueId = input.required<string>();

  constructor() {
    loadResource(this.dialogueId, (id) => this.store.load(id));
    effect(() => {
      const title = this.store.dialogue()?.title;
      untracked(() => this.titles.setDynamic(title));
    });
  }
}
