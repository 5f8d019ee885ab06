import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { type NavTab, TabNavComponent } from '@gfmd/web-shared-ui/tab-nav';
import { I18nTitleStrategy, LabelPipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { loadResource } from '@gfmd/web-shared-util-state';

/** One dialogue in the console: its title, status and tabs (details, spaces, agenda, registrations, invitations, outcome). */
@Component({
  selector: 'gfmd-dialogue-workspace',
  imports: [RouterOutlet, TabNavComponent, LoadingStateComponent, ProblemAlertComponent, TranslatePipe, LabelPipe],
  providers: [DialogueStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .title-row {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem 1rem;
    }
  `,
  template: `
    @if (store.dialogue(); as d) {
      <div class="title-row">
        <h1>{{ d.title }}</h1>
        <span class="gfmd-chip">{{ d.status | label: 'dialogueStatus' }}</span>
      </div>
      <gfmd-tab-nav [base]="['/console/dialogues', d.id]" [tabs]="tabs" label="console.dialogueSections">
        <gfmd-problem-alert [problem]="store.partialProblem()" [retryable]="true" (retry)="store.reload()" />
        <router-outlet />
      </gfmd-tab-nav>
    } @else if (store.loading()) {
      <h1>{{ 'dialogue.loadingTitle' | t }}</h1>
      <gfmd-loading-state />
    } @else {
      <h1>{{ 'dialogue.unavailable' | t }}</h1>
      <gfmd-problem-alert [problem]="store.problem()" [retryable]="true" (retry)="store.reload()" />
    }
  `,
})
export class DialogueWorkspaceLayout {
  private readonly titles = inject(I18nTitleStrategy);
  protected readonly store = inject(DialogueStore);

  readonly id = input.required<string>();

  protected readonly tabs: NavTab[] = [
    { path: '', label: 'console.tabDetails' },
    { path: 'spaces', label: 'title.spaces' },
    { path: 'agenda', label: 'console.tabAgenda' },
    { path: 'questions', label: 'console.tabQuestions' },
    { path: 'registrations', label: 'title.registrations' },
    { path: 'delegations', label: 'console.delegations' },
    { path: 'invitations', label: 'title.invitations' },
    { path: 'outcome', label: 'console.tabOutcome' },
    { path: 'attendance', label: 'title.attendance' },
    { path: 'documents', label: 'console.tabDocuments' },
  ];

  constructor() {
    loadResource(this.id, (id) => this.store.load(id));
    effect(() => {
      const title = this.store.dialogue()?.title;
      untracked(() => this.titles.setDynamic(title));
    });
  }
}
