import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { type CoordinatedSpace, WorkspaceStore } from '@gfmd/web-coordinator-data-access';

/** A coordinator's home: only the spaces they coordinate, grouped by dialogue. */
@Component({
  selector: 'gfmd-workspace-page',
  imports: [
    RouterLink,
    LoadingStateComponent,
    EmptyStateComponent,
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
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      gap: 1rem;
    }
    li {
      border: 1px solid var(--gfmd-border);
      border-radius: 12px;
      padding: 1rem;
    }
    h3 {
      margin-top: 0;
    }
    .badge {
      margin-inline-start: 0.4rem;
    }
  `,
  template: `
    <h1>{{ 'workspace.title' | t }}</h1>
    <p>{{ 'workspace.intro' | t }}</p>
    <p>
      <a routerLink="/workspace/outcomes">{{ 'workspace.myOutcomes' | t }}</a>
    </p>
    @if (store.loaded() && store.spaces().length) {
      <p class="gfmd-alert" [class.gfmd-alert--warn]="store.pendingTotal() > 0" role="status">
        {{ 'workspace.awaitingTotal' | t: { count: store.pendingTotal() } }}
      </p>
    }
    <gfmd-problem-alert [problem]="store.problem()" [retryable]="true" (retry)="reload()" />
    @if (store.loading() && !store.loaded()) {
      <gfmd-loading-state />
    } @else if (store.loaded()) {
      @for (group of groups(); track group.dialogueId) {
        <section [attr.aria-labelledby]="'ws-' + group.dialogueId">
          <h2 [id]="'ws-' + group.dialogueId">{{ group.title }}</h2>
          <p class="gfmd-muted">{{ group.startsAt | localDate: 'date' : group.timeZone }}</p>
          <ul>
            @for (item of group.items; track item.space.id) {
              <li>
                <h3>
                  <a [routerLink]="['/workspace', item.dialogue.id, item.space.id]">{{ item.space.name }}</a>
                </h3>
                <p>{{ item.space.kind | label: 'spaceKind' }} · {{ item.space.access | label: 'access' }}</p>
                @if (item.pending !== null) {
                  <p>
                    <a [routerLink]="['/workspace', item.dialogue.id, item.space.id]">{{
                      'workspace.pendingCount' | t: { count: item.pending }
                    }}</a>
                    @if (item.pending > 0) {
                      <span class="gfmd-chip gfmd-chip--warn badge" aria-hidden="true">{{ item.pending }}</span>
                    }
                  </p>
                }
              </li>
            }
          </ul>
        </section>
      } @empty {
        <gfmd-empty-state [message]="'workspace.empty' | t" />
      }
    }
  `,
})
export class WorkspacePage {
  protected readonly store = inject(WorkspaceStore);
  protected readonly groups = computed(() => {
    const groups = new Map<
      string,
      { dialogueId: string; title: string; startsAt: string; timeZone: string; items: CoordinatedSpace[] }
    >();
    for (const item of this.store.spaces()) {
      const group = groups.get(item.dialogue.id) ?? {
        dialogueId: item.dialogue.id,
        title: item.dialogue.title,
        startsAt: item.dialogue.startsAt,
        timeZone: item.dialogue.timeZone,
        items: [],
      };
      group.items.push(item);
      groups.set(item.dialogue.id, group);
    }
    return [...groups.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  });

  constructor() {
    void this.store.load();
  }

  protected reload(): void {
    void this.store.load();
  }
}
