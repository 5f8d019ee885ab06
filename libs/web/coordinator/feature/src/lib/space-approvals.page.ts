import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { PageEvent } from '@angular/material/paginator';
import type { ProblemDetails, Registration } from '@gfmd/contracts';
import { type SpaceDecision, SpaceApprovalsStore } from '@gfmd/web-coordinator-data-access';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import { PaginatedTableComponent } from '@gfmd/web-shared-ui/paginated-table';
import {
  ContentMessageComponent,
  CountryPipe,
  I18n,
  LabelPipe,
  LocalDatePipe,
  TranslatePipe,
  contentIn,
  contentMessage,
  type ContentMessage,
} from '@gfmd/web-shared-util-i18n';

/** The messages that name a person and the space. */
type SpaceMessageKey =
  'approvals.declineMessage' | `approvals.done.${'approved' | 'waitlisted' | 'declined' | 'undone'}`;

/** How long Undo stays offered after a decline (the API allows a little longer, see DECLINE_UNDO_MS). */
export const UNDO_VISIBLE_MS = 10_000;

/**
 * A space's pending approvals: one card per person (readable on a phone without scrolling
 * sideways) with Approve and Decline; declining asks first, since the person is emailed, and
 * then offers Undo for a few seconds in a bar that takes the focus (the email waits meanwhile).
 * The store comes from the space's layout (it also feeds the tab's badge).
 */
@Component({
  selector: 'gfmd-space-approvals',
  imports: [
    MatButton,
    PaginatedTableComponent,
    LoadingStateComponent,
    EmptyStateComponent,
    ProblemAlertComponent,
    TranslatePipe,
    LabelPipe,
    CountryPipe,
    LocalDatePipe,
    ContentMessageComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    ul {
      list-style: none;
      padding: 0;
      margin: 0 0 1rem;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
      gap: 1rem;
    }
    li {
      border: 1px solid var(--gfmd-border);
      border-radius: 12px;
      padding: 1rem;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    h3 {
      margin: 0 0 0.25rem;
    }
    p {
      margin: 0 0 0.5rem;
    }
    .undo-bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      justify-content: space-between;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.75rem;
    }
  `,
  template: `
    <h2 tabindex="-1">{{ 'workspace.approvals' | t }}</h2>
    <p>{{ 'approvals.intro' | t }}</p>
    <p role="status" class="gfmd-visually-hidden"><gfmd-message [message]="message()" /></p>
    @if (undo(); as u) {
      <div class="gfmd-alert gfmd-alert--ok undo-bar" data-testid="undo-bar">
        <span aria-hidden="true"><gfmd-message [message]="message()" /></span>
        <button mat-stroked-button type="button" (click)="undoDecline(u)">
          {{ 'registrations.undo' | t }}<span class="gfmd-visually-hidden"> {{ u.firstName }} {{ u.lastName }}</span>
        </button>
      </div>
    } @else if (message()) {
      <p class="gfmd-alert gfmd-alert--ok" aria-hidden="true"><gfmd-message [message]="message()" /></p>
    }
    <gfmd-problem-alert [problem]="actionProblem()" />
    <gfmd-problem-alert [problem]="store.problem()" [retryable]="true" (retry)="store.load()" />
    @if (store.loading() && !store.loaded()) {
      <gfmd-loading-state />
    } @else if (store.loaded()) {
      @if (!store.requests().length) {
        <gfmd-empty-state [message]="'approvals.empty' | t" />
      } @else {
        <gfmd-paginated-table
          [total]="store.count() ?? 0"
          [pageIndex]="store.pageIndex()"
          [pageSize]="store.pageSize()"
          [label]="'approvals.pages' | t"
          (pageChange)="page($event)"
        >
          <ul [attr.aria-busy]="store.loading()">
            @for (r of store.requests(); track r.id) {
              <li>
                <h3>{{ r.title ? r.title + ' ' : '' }}{{ r.firstName }} {{ r.lastName }}</h3>
                <p>
                  <small>{{ r.email }}</small>
                </p>
                <p>
                  {{ r.organization }}
                  @if (r.jobTitle) {
                    · {{ r.jobTitle }}
                  }
                </p>
                <p class="gfmd-muted">
                  {{ r.stakeholderGroup | label: 'group' }} · {{ r.country | country }} ·
                  {{ 'approvals.registeredOn' | t: { date: (r.createdAt | localDate: 'date') } }}
                </p>
                @if (r.accessibilityNeeds) {
                  <p>
                    <span class="gfmd-chip">{{ 'registrations.accessibility' | t }}</span>
                  </p>
                }
                <div class="actions">
                  <button
                    mat-flat-button
                    type="button"
                    [disabled]="store.busy().has(r.id)"
                    (click)="decide('approve', r)"
                  >
                    {{ 'registrations.approve' | t
                    }}<span class="gfmd-visually-hidden"> {{ r.firstName }} {{ r.lastName }}</span>
                  </button>
                  <button mat-button type="button" [disabled]="store.busy().has(r.id)" (click)="decide('decline', r)">
                    {{ 'registrations.decline' | t
                    }}<span class="gfmd-visually-hidden"> {{ r.firstName }} {{ r.lastName }}</span>
                  </button>
                </div>
              </li>
            }
          </ul>
        </gfmd-paginated-table>
      }
    }
  `,
})
export class SpaceApprovalsPage {
  private readonly i18n = inject(I18n);
  private readonly confirm = inject(ConfirmService);
  private readonly dialogue = inject(DialogueStore);
  protected readonly store = inject(SpaceApprovalsStore);
  /** What the last action did; the space's name in it is marked when it is a fallback. */
  protected readonly message = signal<ContentMessage>('');
  protected readonly actionProblem = signal<ProblemDetails | null>(null);
  /** The request just declined, while its decline may be undone. */
  protected readonly undo = signal<Registration | null>(null);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private undoTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.undoTimer));
  }

  /** The space's name for the messages: in the page's language, else the dialogue's languages in order. */
  private readonly spaceName = computed(() =>
    contentIn(
      this.dialogue.spaces().find((s) => s.id === this.store.spaceId()) ?? {},
      'name',
      this.i18n.language(),
      this.dialogue.dialogue()?.languages ?? [],
    ),
  );

  /** A message naming the person and the space, the space's name in its own language. */
  private spaceMessage(key: SpaceMessageKey, name: string): ContentMessage {
    return contentMessage(this.i18n, key, { name }, { param: 'space', ...this.spaceName() });
  }

  protected page(event: PageEvent): void {
    void this.store.setPage(event.pageIndex, event.pageSize);
  }

  protected async decide(action: SpaceDecision, r: Registration): Promise<void> {
    this.endUndo();
    this.message.set('');
    this.actionProblem.set(null);
    const name = `${r.firstName} ${r.lastName}`;
    if (action === 'decline') {
      const ok = await this.confirm.ask({
        title: this.i18n.t('approvals.declineTitle', { name }),
        message: this.spaceMessage('approvals.declineMessage', name),
        confirm: this.i18n.t('registrations.decline'),
        cancel: this.i18n.t('common.cancel'),
        destructive: true,
      });
      if (!ok) {
        return;
      }
    }
    const result = await this.store.decide(action, r);
    if ('problem' in result) {
      this.actionProblem.set(result.problem);
      return;
    }
    const key =
      result.seat === 'confirmed'
        ? 'approvals.done.approved'
        : result.seat === 'waitlisted'
          ? 'approvals.done.waitlisted'
          : 'approvals.done.declined';
    this.message.set(this.spaceMessage(key, name));
    if (action === 'decline' && result.undoUntil) this.offerUndo(r);
  }

  protected async undoDecline(r: Registration): Promise<void> {
    this.endUndo();
    this.message.set('');
    const result = await this.store.undoDecline(r);
    if ('problem' in result) {
      this.actionProblem.set(result.problem);
      return;
    }
    const name = `${r.firstName} ${r.lastName}`;
    this.message.set(this.spaceMessage('approvals.done.undone', name));
  }

  private offerUndo(r: Registration): void {
    this.undo.set(r);
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLElement>('[data-testid=undo-bar] button')?.focus(),
      {
        injector: this.injector,
      },
    );
    this.undoTimer = setTimeout(() => {
      const bar = this.host.nativeElement.querySelector('[data-testid=undo-bar]');
      const hadFocus = !!bar?.contains(document.activeElement);
      this.endUndo();
      // The focus does not fall to the page: it goes to the list's heading.
      if (hadFocus) this.host.nativeElement.querySelector<HTMLElement>('h2')?.focus();
    }, UNDO_VISIBLE_MS);
  }

  private endUndo(): void {
    clearTimeout(this.undoTimer);
    this.undo.set(null);
  }
}
