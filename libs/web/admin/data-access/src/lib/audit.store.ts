import { Injectable, computed, inject, signal } from '@angular/core';
import type { AuditEvent, Page, ProblemDetails, User } from '@gfmd/contracts';
import { DialoguesApi } from '@gfmd/web-dialogues-data-access';
import { pagingFor, toProblem } from '@gfmd/web-shared-util-http';
import { firstValueFrom } from 'rxjs';
import { type AuditQuery, StaffAdminApi } from './staff-admin.api';

/**
 * The audit log for admins: filter by person and dialogue, page forwards and backwards by the
 * shown page's cursors (the same cost at any depth), a jump by number.
 */
@Injectable()
export class AuditStore {
  private readonly api = inject(StaffAdminApi);
  private readonly dialoguesApi = inject(DialoguesApi);
  private readonly peopleState = signal<User[]>([]);
  private readonly dialoguesState = signal<{ id: string; title: string }[]>([]);
  private readonly queryState = signal<Required<Pick<AuditQuery, 'page' | 'pageSize'>> & AuditQuery>({
    page: 1,
    pageSize: 50,
  });
  private readonly pageState = signal<Page<AuditEvent> | null>(null);
  private readonly loadingState = signal(false);
  private readonly problemState = signal<ProblemDetails | null>(null);

  readonly query = this.queryState.asReadonly();
  readonly rows = computed(() => this.pageState()?.items ?? []);
  readonly total = computed(() => this.pageState()?.total ?? 0);
  /** The total is the server's estimate (more rows than it counts exactly). */
  readonly totalIsEstimate = computed(() => this.pageState()?.totalIsEstimate === true);
  readonly loaded = computed(() => this.pageState() !== null);
  readonly loading = this.loadingState.asReadonly();
  readonly problem = this.problemState.asReadonly();
  /** The filters' choices: staff members and dialogues. */
  readonly people = this.peopleState.asReadonly();
  readonly dialogues = this.dialoguesState.asReadonly();
  /** Dialogue titles by id, to name the dialogue of each line. */
  readonly dialogueTitles = computed(() => new Map(this.dialoguesState().map((d) => [d.id, d.title])));

  /** Loads the filters' choices (a failure leaves them empty: the log still works). */
  async loadChoices(): Promise<void> {
    const [people, dialogues] = await Promise.allSettled([
      firstValueFrom(this.api.users()),
      firstValueFrom(this.dialoguesApi.dialogues()),
    ]);
    if (people.status === 'fulfilled') this.peopleState.set(people.value.items);
    if (dialogues.status === 'fulfilled') {
      this.dialoguesState.set(dialogues.value.map((d) => ({ id: d.id, title: d.title })));
    }
  }

  /** Changes filters (back to page 1 unless a page is given; a cursor only when given) and reloads. */
  async setQuery(change: Partial<AuditQuery>): Promise<void> {
    this.queryState.update((q) => ({
      ...q,
      ...change,
      page: change.page ?? 1,
      after: change.after,
      before: change.before,
    }));
    await this.load();
  }

  /**
   * Goes to a page of the paginator (0-based): the next or previous page by the shown page's
   * cursor, a jump (first, last, a new page size) by its number.
   */
  async goToPage(pageIndex: number, pageSize: number): Promise<void> {
    await this.setQuery(pagingFor(this.pageState(), pageIndex, pageSize));
  }

  async load(): Promise<void> {
    this.loadingState.set(true);
    this.problemState.set(null);
    try {
      this.pageState.set(await firstValueFrom(this.api.audit(this.queryState())));
    } catch (error) {
      this.problemState.set(toProblem(error));
    } finally {
      this.loadingState.set(false);
    }
  }
}
