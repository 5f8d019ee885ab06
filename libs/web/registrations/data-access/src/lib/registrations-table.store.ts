import { Injectable, computed, inject, signal } from '@angular/core';
import type { DialogueStats, Page, ProblemDetails, Registration } from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';
import { DialoguesApi } from '@gfmd/web-dialogues-data-access';
import { pagingFor, toProblem } from '@gfmd/web-shared-util-http';
import { type RegistrationQuery, RegistrationsApi } from './registrations.api';

export type SpaceRequestAction = 'approveSpace' | 'declineSpace';

/** The seat requests of a confirmed registration that wait for a space's approval. */
export function pendingSpaceRequests(registration: Registration): Registration['spaces'] {
  return registration.status === 'confirmed' ? registration.spaces.filter((s) => s.status === 'pending') : [];
}

/**
 * The list query sent to the API: the "Pending" status filter means everything that waits for a
 * staff decision, registrations awaiting approval and seat requests awaiting a space's approval.
 */
export function toListQuery(query: RegistrationQuery): RegistrationQuery {
  return query.status === 'pending' ? { ...query, status: undefined, awaiting: 'approval' } : query;
}

export type RegistrationAction = 'approve' | 'decline' | 'checkIn' | 'undoDecline';

/** Options of a row action: the decline reason (put in the email). */
export interface ActionOptions {
  reason?: string;
}

/** The outcome of a row action: the problem when the API refused, else the updated registration. */
export type ActionResult =
  { ok: true; registration: Registration; undoUntil: string | null } | { ok: false; problem: ProblemDetails };

/**
 * The file name in a Content-Disposition header: `filename*` (RFC 5987, UTF-8) first, else
 * `filename`; null when there is none. Path separators are dropped.
 */
export function fileNameOf(disposition: string | null | undefined): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  let name: string | null = null;
  if (star) {
    try {
      name = decodeURIComponent(star[1].trim());
    } catch {
      name = null;
    }
  }
  if (!name)
    name =
      /filename\s*=\s*"([^"]*)"/i.exec(disposition)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(disposition)?.[1] ?? null;
  const safe = name?.replace(/[\\/]+/g, ' ').trim();
  return safe || null;
}

interface TableState {
  dialogueId: string | null;
  query: Required<Pick<RegistrationQuery, 'page' | 'pageSize'>> & RegistrationQuery;
  page: Page<Registration> | null;
  stats: DialogueStats | null;
  loading: boolean;
  problem: ProblemDetails | null;
  /** ids of rows with an action in flight */
  busy: ReadonlySet<string>;
}

/** Staff list of a dialogue's registrations: filters, paging, row actions and the stakeholder balance. */
@Injectable()
export class RegistrationsTableStore {
  private readonly api = inject(RegistrationsApi);
  private readonly dialogues = inject(DialoguesApi);
  private readonly state = signal<TableState>({
    dialogueId: null,
    query: { page: 1, pageSize: 25 },
    page: null,
    stats: null,
    loading: false,
    problem: null,
    busy: new Set(),
  });
  private requestSeq = 0;

  readonly query = computed(() => this.state().query);
  readonly rows = computed(() => this.state().page?.items ?? []);
  readonly total = computed(() => this.state().page?.total ?? 0);
  /** The total is the server's estimate (more rows than it counts exactly). */
  readonly totalIsEstimate = computed(() => this.state().page?.totalIsEstimate === true);
  readonly stats = computed(() => this.state().stats);
  /** Seat requests waiting for a space's approval, across the spaces the caller may see. */
  readonly awaitingSpaceRequests = computed(() =>
    Object.values(this.state().stats?.awaiting?.bySpace ?? {}).reduce((n, x) => n + x, 0),
  );
  readonly loading = computed(() => this.state().loading);
  readonly problem = computed(() => this.state().problem);
  readonly busy = computed(() => this.state().busy);

  /** Starts on a dialogue, optionally with fixed filters (a coordinator's space); stats only for organizers. */
  async open(dialogueId: string, filters: Partial<RegistrationQuery> = {}, withStats = true): Promise<void> {
    this.state.update((s) => ({ ...s, dialogueId, query: { ...filters, page: 1, pageSize: s.query.pageSize } }));
    await Promise.all([this.load(), withStats ? this.loadStats() : Promise.resolve()]);
  }

  /** Changes filters (back to page 1 unless a page is given) and reloads. */
  async setQuery(change: Partial<RegistrationQuery>): Promise<void> {
    this.state.update((s) => ({
      ...s,
      query: { ...s.query, ...change, page: change.page ?? 1, after: change.after, before: change.before },
    }));
    await this.load();
  }

  /**
   * Goes to a page of the paginator (0-based): the next or previous page by the shown page's
   * cursor (the same cost at any depth), a jump by its number.
   */
  async goToPage(pageIndex: number, pageSize: number): Promise<void> {
    await this.setQuery(pagingFor(this.state().page, pageIndex, pageSize));
  }

  async load(): Promise<void> {
    const { dialogueId, query } = this.state();
    if (!dialogueId) {
      return;
    }
    const seq = ++this.requestSeq;
    this.state.update((s) => ({ ...s, loading: true, problem: null }));
    try {
      const page = await firstValueFrom(this.api.list(dialogueId, toListQuery(query)));
      if (seq === this.requestSeq) {
        this.state.update((s) => ({ ...s, page, loading: false }));
      }
    } catch (error) {
      if (seq === this.requestSeq) {
        this.state.update((s) => ({ ...s, loading: false, problem: toProblem(error) }));
      }
    }
  }

  async loadStats(): Promise<void> {
    const { dialogueId } = this.state();
    if (!dialogueId) {
      return;
    }
    try {
      const stats = await firstValueFrom(this.dialogues.stats(dialogueId));
      this.state.update((s) => ({ ...s, stats }));
    } catch {
      this.state.update((s) => ({ ...s, stats: null }));
    }
  }

  /** Runs a row action (on one seat request for the `…Space` actions); answers the problem if the API refused. */
  /** Runs a row action; answers the updated registration (and a decline's undo time) or the problem. */
  async act(
    action: RegistrationAction | SpaceRequestAction,
    registration: Registration,
    spaceId?: string,
    options: ActionOptions = {},
  ): Promise<ActionResult> {
    this.state.update((s) => ({ ...s, busy: new Set([...s.busy, registration.id]) }));
    try {
      const call =
        action === 'approveSpace' || action === 'declineSpace'
          ? this.spaceCall(action, registration.id, spaceId ?? '')
          : action === 'approve'
            ? this.api.approve(registration.id, spaceId)
            : action === 'decline'
              ? this.api.decline(registration.id, spaceId, options.reason)
              : action === 'undoDecline'
                ? this.api.undoDecline(registration.id)
                : this.api.checkIn(registration.id);
      const answer: Registration & { undoUntil?: string | null } = await firstValueFrom(call);
      const { undoUntil, ...updated } = answer;
      this.state.update((s) => ({
        ...s,
        page: s.page
          ? { ...s.page, items: s.page.items.map((r) => (r.id === registration.id ? { ...r, ...updated } : r)) }
          : s.page,
      }));
      void this.loadStats();
      return { ok: true, registration: { ...registration, ...updated }, undoUntil: undoUntil ?? null };
    } catch (error) {
      return { ok: false, problem: toProblem(error) };
    } finally {
      this.state.update((s) => ({ ...s, busy: new Set([...s.busy].filter((id) => id !== registration.id)) }));
    }
  }

  private spaceCall(action: SpaceRequestAction, id: string, spaceId: string) {
    return action === 'approveSpace' ? this.api.approveSpace(id, spaceId) : this.api.declineSpace(id, spaceId);
  }

  /** The CSV export and its file name (from Content-Disposition: the dialogue's title and day), or the problem. */
  async exportCsv(): Promise<{ blob: Blob; fileName: string | null } | ProblemDetails> {
    const { dialogueId, query } = this.state();
    try {
      const res = await firstValueFrom(this.api.csv(dialogueId ?? '', toListQuery(query)));
      return { blob: res.body ?? new Blob([]), fileName: fileNameOf(res.headers.get('content-disposition')) };
    } catch (error) {
      return toProblem(error);
    }
  }
}
