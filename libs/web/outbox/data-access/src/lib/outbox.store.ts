import { Injectable, computed, inject, signal } from '@angular/core';
import type { DeliverySummary, OutboundEmail, Page, ProblemDetails } from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';
import { pagingFor, toProblem } from '@gfmd/web-shared-util-http';
import { backoffPoll } from '@gfmd/web-shared-util-state';
import { OutboxApi, type OutboxQuery } from './outbox.api';

/**
 * The email outbox for admins: filter, page, retry failed rows, and live delivery counts
 * (`delivery`, polled with backoff while anything is queued or sending; each change reads the
 * shown page again in place). Provide it in the page: polling ends with it.
 */
@Injectable()
export class OutboxStore {
  private readonly api = inject(OutboxApi);
  private readonly queryState = signal<Required<Pick<OutboxQuery, 'page' | 'pageSize'>> & OutboxQuery>({
    page: 1,
    pageSize: 50,
  });
  private readonly pageState = signal<Page<OutboundEmail> | null>(null);
  private readonly loadingState = signal(false);
  private readonly problemState = signal<ProblemDetails | null>(null);
  private readonly retryingState = signal<ReadonlySet<string>>(new Set());

  readonly query = this.queryState.asReadonly();
  readonly rows = computed(() => this.pageState()?.items ?? []);
  readonly total = computed(() => this.pageState()?.total ?? 0);
  /** The total is the server's estimate (more rows than it counts exactly). */
  readonly totalIsEstimate = computed(() => this.pageState()?.totalIsEstimate === true);
  readonly loaded = computed(() => this.pageState() !== null);
  readonly loading = this.loadingState.asReadonly();
  readonly problem = this.problemState.asReadonly();
  readonly retrying = this.retryingState.asReadonly();

  /** Live counts by status for the filters' kind (the status filter does not narrow them). */
  readonly delivery = backoffPoll<DeliverySummary>({
    load: () => {
      const { kind, dialogueId } = this.queryState();
      return firstValueFrom(this.api.summary({ kind, dialogueId }));
    },
    done: (s) => s.queued + s.sending === 0,
    changed: () => void this.refresh(),
  });

  /** Changes filters (back to page 1 unless a page is given; a cursor only when given) and reloads. */
  async setQuery(change: Partial<OutboxQuery>): Promise<void> {
    const before = this.queryState();
    this.queryState.update((q) => ({
      ...q,
      ...change,
      page: change.page ?? 1,
      after: change.after,
      before: change.before,
    }));
    const after = this.queryState();
    if (after.kind !== before.kind || after.dialogueId !== before.dialogueId) this.delivery.start();
    await this.load();
  }

  /**
   * Goes to a page of the paginator (0-based): the next or previous page by the shown page's
   * cursor (the same cost at any depth), a jump by its number.
   */
  async goToPage(pageIndex: number, pageSize: number): Promise<void> {
    await this.setQuery(pagingFor(this.pageState(), pageIndex, pageSize));
  }

  /**
   * Reads the shown page again and swaps its rows in place (tracked by id: page, scroll and focus
   * stay); no loading state, and a failure keeps the rows as they were.
   */
  async refresh(): Promise<void> {
    if (this.loadingState()) return;
    const query = this.queryState();
    try {
      const page = await firstValueFrom(this.api.list(query));
      if (this.queryState() === query) this.pageState.set(page);
    } catch {
      // the next change or the user's own reload shows it
    }
  }

  async load(): Promise<void> {
    this.loadingState.set(true);
    this.problemState.set(null);
    try {
      this.pageState.set(await firstValueFrom(this.api.list(this.queryState())));
    } catch (error) {
      this.problemState.set(toProblem(error));
    } finally {
      this.loadingState.set(false);
    }
  }

  async retry(email: OutboundEmail): Promise<void> {
    this.retryingState.update((s) => new Set([...s, email.id]));
    try {
      await firstValueFrom(this.api.retry(email.id));
      this.pageState.update((p) =>
        p
          ? { ...p, items: p.items.map((e) => (e.id === email.id ? { ...e, status: 'queued', lastError: null } : e)) }
          : p,
      );
      this.delivery.start();
    } catch (error) {
      this.problemState.set(toProblem(error));
    } finally {
      this.retryingState.update((s) => new Set([...s].filter((id) => id !== email.id)));
    }
  }
}
