import { Injectable, computed, inject, signal } from '@angular/core';
import type { OutboundEmail, Page, ProblemDetails } from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '@gfmd/web-shared-util-http';
import { OutboxApi, type OutboxQuery } from './outbox.api';

/** The email outbox for admins: filter, page, retry failed rows. */
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
  readonly loaded = computed(() => this.pageState() !== null);
  readonly loading = this.loadingState.asReadonly();
  readonly problem = this.problemState.asReadonly();
  readonly retrying = this.retryingState.asReadonly();

  async setQuery(change: Partial<OutboxQuery>): Promise<void> {
    this.queryState.update((q) => ({ ...q, ...change, page: change.page ?? 1 }));
    await this.load();
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
    } catch (error) {
      this.problemState.set(toProblem(error));
    } finally {
      this.retryingState.update((s) => new Set([...s].filter((id) => id !== email.id)));
    }
  }
}
