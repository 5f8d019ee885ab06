import { Injectable, inject, signal } from '@angular/core';
import type {
  CreateInvitationsRequest,
  DeliverySummary,
  Invitation,
  InvitationBatchResult,
  InvitationStatus,
  Page,
  ProblemDetails,
  SendPreview,
} from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '@gfmd/web-shared-util-http';
import { backoffPoll } from '@gfmd/web-shared-util-state';
import { InvitationsApi } from './invitations.api';

export interface InvitationListQuery {
  status: InvitationStatus | '';
  /** 1-based */
  page: number;
  pageSize: number;
}

/**
 * A dialogue's invitations: sending a batch, the delivery list, resending, and live delivery
 * status (`delivery`: the summary polled with backoff while anything is queued; each change
 * refreshes the current page of the list in place). Provide it in the page: polling ends with it.
 */
@Injectable()
export class InvitationsStore {
  private readonly api = inject(InvitationsApi);
  private readonly listState = signal<Page<Invitation> | null>(null);
  private readonly loadingState = signal(false);
  private readonly problemState = signal<ProblemDetails | null>(null);

  /** the current page of the delivery list (null until first loaded) */
  readonly list = this.listState.asReadonly();
  readonly listLoading = this.loadingState.asReadonly();
  /** the last list or resend problem */
  readonly listProblem = this.problemState.asReadonly();

  /** The list shown (dialogue and query), for refreshing it in place when delivery moves on. */
  private shown: { dialogueId: string; query: InvitationListQuery } | null = null;
  private followed: string | null = null;

  /** Live delivery counts of the followed dialogue (see `followDelivery`). */
  readonly delivery = backoffPoll<DeliverySummary>({
    load: () => firstValueFrom(this.api.summary(this.followed ?? '')),
    done: (s) => s.queued + s.sending === 0,
    changed: () => void this.refreshList(),
  });

  /** Follows a dialogue's delivery until nothing is queued (again after a send or a resend). */
  followDelivery(dialogueId: string): void {
    this.followed = dialogueId;
    this.delivery.start();
  }

  send(dialogueId: string, batch: CreateInvitationsRequest): Promise<InvitationBatchResult> {
    return firstValueFrom(this.api.send(dialogueId, batch));
  }

  /** Who `send` would email and who it would skip, without sending or writing anything. */
  preview(dialogueId: string, batch: CreateInvitationsRequest): Promise<SendPreview> {
    return firstValueFrom(this.api.preview(dialogueId, batch));
  }

  async loadList(dialogueId: string, query: InvitationListQuery): Promise<void> {
    this.shown = { dialogueId, query };
    this.loadingState.set(true);
    this.problemState.set(null);
    try {
      this.listState.set(await firstValueFrom(this.api.list(dialogueId, query)));
    } catch (error) {
      this.problemState.set(toProblem(error));
    } finally {
      this.loadingState.set(false);
    }
  }

  /**
   * Reads the shown page again and swaps its rows in place (rows are tracked by id, so the page,
   * scroll and focus stay); no loading state, and a failure keeps the rows as they were.
   */
  async refreshList(): Promise<void> {
    const shown = this.shown;
    if (!shown || this.loadingState()) return;
    try {
      const page = await firstValueFrom(this.api.list(shown.dialogueId, shown.query));
      if (this.shown === shown) this.listState.set(page);
    } catch {
      // the next change or the user's own reload shows it
    }
  }

  /** Resends each invitation in turn; returns how many were accepted (a failure is kept as the problem). */
  async resend(invitations: readonly Invitation[]): Promise<number> {
    this.problemState.set(null);
    let done = 0;
    for (const invitation of invitations) {
      try {
        await firstValueFrom(this.api.resend(invitation.id));
        done++;
      } catch (error) {
        this.problemState.set(toProblem(error));
      }
    }
    return done;
  }
}
