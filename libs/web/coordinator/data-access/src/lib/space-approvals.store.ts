import { Injectable, computed, inject, signal } from '@angular/core';
import type { Page, ProblemDetails, Registration, RegistrationStatus } from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';
import { RegistrationsApi } from '@gfmd/web-registrations-data-access';
import { toProblem } from '@gfmd/web-shared-util-http';

export type SpaceDecision = 'approve' | 'decline';

/** What a decision did: the new status of the seat request (an approval in a full space waits in line). */
export type SpaceDecisionResult = { seat: RegistrationStatus; undoUntil: string | null } | { problem: ProblemDetails };

interface ApprovalsState {
  dialogueId: string | null;
  spaceId: string | null;
  page: Page<Registration> | null;
  pageIndex: number;
  pageSize: number;
  loading: boolean;
  problem: ProblemDetails | null;
  /** ids of requests with a decision in flight */
  busy: ReadonlySet<string>;
}

/**
 * The seat requests waiting for approval in one space (`awaiting=space`), for its coordinators
 * (and organizers): the list, its count (the tab's badge) and the decisions. Provided by the
 * space's layout, so the tab bar and the page share it.
 */
@Injectable()
export class SpaceApprovalsStore {
  private readonly api = inject(RegistrationsApi);
  private readonly state = signal<ApprovalsState>({
    dialogueId: null,
    spaceId: null,
    page: null,
    pageIndex: 0,
    pageSize: 25,
    loading: false,
    problem: null,
    busy: new Set(),
  });
  private requestSeq = 0;

  readonly spaceId = computed(() => this.state().spaceId);
  readonly requests = computed(() => this.state().page?.items ?? []);
  /** How many requests wait (null until known). */
  readonly count = computed(() => this.state().page?.total ?? null);
  readonly pageIndex = computed(() => this.state().pageIndex);
  readonly pageSize = computed(() => this.state().pageSize);
  readonly loading = computed(() => this.state().loading);
  readonly loaded = computed(() => this.state().page !== null);
  readonly problem = computed(() => this.state().problem);
  readonly busy = computed(() => this.state().busy);

  async open(dialogueId: string, spaceId: string): Promise<void> {
    const s = this.state();
    if (s.dialogueId === dialogueId && s.spaceId === spaceId && s.page) {
      return;
    }
    this.state.update((x) => ({ ...x, dialogueId, spaceId, page: null, pageIndex: 0 }));
    await this.load();
  }

  async setPage(pageIndex: number, pageSize: number): Promise<void> {
    this.state.update((s) => ({ ...s, pageIndex, pageSize }));
    await this.load();
  }

  async load(): Promise<void> {
    const { dialogueId, spaceId, pageIndex, pageSize } = this.state();
    if (!dialogueId || !spaceId) {
      return;
    }
    const seq = ++this.requestSeq;
    this.state.update((s) => ({ ...s, loading: true, problem: null }));
    try {
      const page = await firstValueFrom(
        this.api.list(dialogueId, { spaceId, awaiting: 'space', page: pageIndex + 1, pageSize }),
      );
      if (seq === this.requestSeq) {
        this.state.update((s) => ({ ...s, page, loading: false }));
      }
    } catch (error) {
      if (seq === this.requestSeq) {
        this.state.update((s) => ({ ...s, loading: false, problem: toProblem(error) }));
      }
    }
  }

  /** Approves or declines the request of this space; a decided request leaves the list. */
  async decide(action: SpaceDecision, registration: Registration): Promise<SpaceDecisionResult> {
    const { spaceId } = this.state();
    if (!spaceId) {
      return { problem: toProblem(new Error('No space is open.')) };
    }
    this.state.update((s) => ({ ...s, busy: new Set([...s.busy, registration.id]) }));
    try {
      const call =
        action === 'approve'
          ? this.api.approveSpace(registration.id, spaceId)
          : this.api.declineSpace(registration.id, spaceId);
      const updated: Registration & { undoUntil?: string | null } = await firstValueFrom(call);
      const seat = updated.spaces.find((s) => s.spaceId === spaceId)?.status ?? 'declined';
      this.remove(registration.id);
      return { seat, undoUntil: updated.undoUntil ?? null };
    } catch (error) {
      const problem = toProblem(error);
      // Decided meanwhile (by another coordinator or an organizer): the list is stale.
      if (problem.status === 404 || problem.status === 422) {
        void this.load();
      }
      return { problem };
    } finally {
      this.state.update((s) => ({ ...s, busy: new Set([...s.busy].filter((id) => id !== registration.id)) }));
    }
  }

  /** Undoes a decline made here a moment ago; the request is back in the list. */
  async undoDecline(registration: Registration): Promise<{ ok: true } | { problem: ProblemDetails }> {
    const { spaceId } = this.state();
    if (!spaceId) {
      return { problem: toProblem(new Error('No space is open.')) };
    }
    try {
      await firstValueFrom(this.api.undoDeclineSpace(registration.id, spaceId));
      await this.load();
      return { ok: true };
    } catch (error) {
      return { problem: toProblem(error) };
    }
  }

  private remove(id: string): void {
    this.state.update((s) => {
      if (!s.page) {
        return s;
      }
      const items = s.page.items.filter((r) => r.id !== id);
      const removed = s.page.items.length - items.length;
      return { ...s, page: { ...s.page, items, total: Math.max(0, s.page.total - removed) } };
    });
    const { page } = this.state();
    if (page && !page.items.length && page.total > 0) {
      // The page emptied while more wait: show the next ones (or the previous page when this was the last).
      const lastIndex = Math.max(0, Math.ceil(page.total / this.state().pageSize) - 1);
      void this.setPage(Math.min(this.state().pageIndex, lastIndex), this.state().pageSize);
    }
  }
}
