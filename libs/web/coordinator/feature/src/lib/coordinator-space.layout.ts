import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';
import { AuthStore } from '@gfmd/web-auth-data-access';
import { SpaceApprovalsStore } from '@gfmd/web-coordinator-data-access';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { type NavTab, TabNavComponent } from '@gfmd/web-shared-ui/tab-nav';
import {
  ContentLangDirective,
  I18n,
  I18nTitleStrategy,
  LabelPipe,
  TranslatePipe,
  contentIn,
} from '@gfmd/web-shared-util-i18n';
import { loadResource } from '@gfmd/web-shared-util-state';

/** One space of a coordinator: approvals, participants, the space's agenda, its details and translations, messages and the dialogue's outcome. */
@Component({
  selector: 'gfmd-coordinator-space',
  imports: [
    RouterOutlet,
    RouterLink,
    TabNavComponent,
    LoadingStateComponent,
    ProblemAlertComponent,
    TranslatePipe,
    LabelPipe,
    ContentLangDirective,
  ],
  providers: [DialogueStore, SpaceApprovalsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>
      <a routerLink="/workspace"><span class="gfmd-mirror" aria-hidden="true">←</span> {{ 'workspace.title' | t }}</a>
    </p>
    @if (store.dialogue(); as d) {
      @if (space(); as s) {
        @let name = words().name;
        @let title = words().title;
        <h1 [gfmdContentLang]="name.lang">{{ name.text }}</h1>
        <p class="gfmd-muted">
          <span [gfmdContentLang]="title.lang">{{ title.text }}</span> · {{ s.kind | label: 'spaceKind' }} ·
          {{ s.access | label: 'access' }}
        </p>
        <gfmd-tab-nav [base]="['/workspace', d.id, s.id]" [tabs]="tabs()" label="workspace.sections">
          <gfmd-problem-alert [problem]="store.partialProblem()" [retryable]="true" (retry)="store.reload()" />
          <router-outlet />
        </gfmd-tab-nav>
      } @else {
        <h1>{{ 'forbidden.title' | t }}</h1>
        <p class="gfmd-alert gfmd-alert--error" role="alert">{{ 'workspace.notYours' | t }}</p>
      }
    } @else if (store.loading()) {
      <h1>{{ 'workspace.title' | t }}</h1>
      <gfmd-loading-state />
    } @else {
      <h1>{{ 'dialogue.unavailable' | t }}</h1>
      <gfmd-problem-alert [problem]="store.problem()" [retryable]="true" (retry)="store.reload()" />
    }
  `,
})
export class CoordinatorSpaceLayout {
  private readonly auth = inject(AuthStore);
  private readonly titles = inject(I18nTitleStrategy);
  private readonly i18n = inject(I18n);
  protected readonly store = inject(DialogueStore);

  readonly dialogueId = input.required<string>();
  readonly spaceId = input.required<string>();

  private readonly approvals = inject(SpaceApprovalsStore);

  protected readonly tabs = computed<NavTab[]>(() => [
    { path: '', label: 'workspace.approvals', badge: this.approvals.count() },
    { path: 'participants', label: 'workspace.participants' },
    { path: 'agenda', label: 'console.tabAgenda' },
    { path: 'details', label: 'workspace.details' },
    { path: 'message', label: 'workspace.message' },
    { path: 'outcome', label: 'console.tabOutcome' },
  ]);

  /** The space, if the signed-in person coordinates it (admins and organizers may look too). */
  protected readonly space = computed(() => {
    const space = this.store.spaces().find((s) => s.id === this.spaceId());
    const me = this.auth.user();
    if (!space || !me) {
      return undefined;
    }
    return space.coordinatorUserIds.includes(me.id) || this.auth.canOrganize() ? space : undefined;
  });

  /** The space's name and the dialogue's title in the interface language, else the dialogue's languages in order. */
  protected readonly words = computed(() => {
    const d = this.store.dialogue();
    const languages = d?.languages ?? [];
    const language = this.i18n.language();
    return {
      name: contentIn(this.space() ?? {}, 'name', language, languages),
      title: contentIn(d ?? {}, 'title', language, languages),
    };
  });

  constructor() {
    loadResource(this.dialogueId, (id) => this.store.load(id));
    effect(() => {
      const dialogueId = this.dialogueId();
      const spaceId = this.spaceId();
      untracked(() => void this.approvals.open(dialogueId, spaceId));
    });
    effect(() => {
      const name = this.space() ? this.words().name.text : undefined;
      untracked(() => this.titles.setDynamic(name));
    });
  }
}
