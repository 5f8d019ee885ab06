import { Injectable, inject, signal } from '@angular/core';
import type {
  CreateInvitationsRequest,
  Invitation,
  InvitationBatchResult,
  InvitationStatus,
  Page,
  ProblemDetails,
  SendPreview,
} from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '@gfmd/web-shared-util-http';
import { InvitationsApi } from './invitations.api';

export interface InvitationListQuery {
  status: InvitationStatus | '';
  /** 1-based */
  page: number;
  pageSize: number;
}

/** A dialogue's invitations: sending a batch, the delivery list, resending. Provide it in the page. */
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

  send(dialogueId: string, batch: CreateInvitationsRequest): Promise<InvitationBatchResult> {
    return firstValueFrom(this.api.send(dialogueId, batch));
  }

  /** Who `send` would email and who it would skip, without sending or writing anything. */
  preview(dialogueId: string, batch: CreateInvitationsRequest): Promise<SendPreview> {
    return firstValueFrom(this.api.preview(dialogueId, batch));
  }

  async loadList(dialogueId: string, query: InvitationListQuery): Promise<void> {
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
