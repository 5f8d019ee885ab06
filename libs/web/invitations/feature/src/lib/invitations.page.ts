import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelect } from '@angular/material/select';
import {
  INVITATION_STATUSES,
  type CreateInvitationsRequest,
  type Invitation,
  type InvitationBatchResult,
  type InvitationStatus,
  type SendPreview,
} from '@gfmd/contracts';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { I18n, LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { submitState } from '@gfmd/web-shared-util-state';
import { InvitationsStore, acceptedValues, parseRecipients } from '@gfmd/web-invitations-data-access';
import { PaginatedTableComponent } from '@gfmd/web-shared-ui/paginated-table';
import { DeliveryProgressComponent } from '@gfmd/web-shared-ui/delivery-progress';

const MAX_FILE_BYTES = 1_000_000;

/** Invite people by pasting or uploading a CSV, preview, send, then follow delivery and resend failures. */
@Component({
  selector: 'gfmd-invitations-page',
  imports: [
    FormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    PaginatedTableComponent,
    DeliveryProgressComponent,
    LoadingStateComponent,
    EmptyStateComponent,
    ProblemAlertComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  providers: [InvitationsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './invitations.page.scss',
  templateUrl: './invitations.page.html',
})
export class InvitationsPage {
  private readonly invitations = inject(InvitationsStore);
  private readonly i18n = inject(I18n);
  protected readonly dialogue = inject(DialogueStore);

  protected readonly statuses = INVITATION_STATUSES;
  protected readonly text = signal('');
  protected readonly spaceIds = signal<string[]>([]);
  protected readonly note = signal('');
  private readonly submission = submitState();
  protected readonly sending = this.submission.submitting;
  protected readonly sendProblem = this.submission.problem;
  protected readonly result = signal<InvitationBatchResult | null>(null);
  /** The batch checked with the API (`?dryRun=true`) and what sending it would do, awaiting confirmation. */
  protected readonly pending = signal<{ batch: CreateInvitationsRequest; preview: SendPreview } | null>(null);
  protected readonly pendingText = computed(() => {
    const pending = this.pending();
    return pending ? this.i18n.sendPreview(pending.preview) : '';
  });
  protected readonly fileError = signal('');

  protected readonly parsed = computed(() => parseRecipients(this.text()));
  protected readonly valid = computed(() => this.parsed().filter((r) => r.issues.length === 0));
  protected readonly invalidCount = computed(() => this.parsed().length - this.valid().length);

  protected readonly statusFilter = signal<InvitationStatus | ''>('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(25);
  protected readonly list = this.invitations.list;
  protected readonly listLoading = this.invitations.listLoading;
  protected readonly listProblem = this.invitations.listProblem;
  protected readonly resending = signal<ReadonlySet<string>>(new Set());
  protected readonly message = signal('');
  /** live delivery counts, polled while anything is queued */
  protected readonly delivery = this.invitations.delivery;
  protected readonly failedOnPage = computed(() => (this.list()?.items ?? []).filter((i) => i.status === 'failed'));

  constructor() {
    // A count is only good for the batch it was made for: editing the batch asks for a new one.
    effect(() => {
      this.text();
      this.spaceIds();
      this.note();
      untracked(() => this.pending.set(null));
    });
    // Delivery is followed from the start: a batch sent earlier may still be going out.
    effect(() => {
      const id = this.dialogue.dialogue()?.id;
      if (id) {
        untracked(() => this.invitations.followDelivery(id));
      }
    });
    effect(() => {
      const id = this.dialogue.dialogue()?.id;
      this.statusFilter();
      this.pageIndex();
      this.pageSize();
      if (id) {
        untracked(() => void this.loadList(id));
      }
    });
  }

  protected async readFile(event: Event): Promise<void> {
    this.fileError.set('');
    const input = event.target;
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (!file) {
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      this.fileError.set(this.i18n.t('invitations.fileTooLarge'));
      return;
    }
    this.text.set(await file.text());
  }

  protected issueText(issue: string): string {
    switch (issue) {
      case 'invalidEmail':
        return this.i18n.t('invitations.issue.invalidEmail');
      case 'duplicate':
        return this.i18n.t('invitations.issue.duplicate');
      case 'unknownGroup':
        return this.i18n.t('invitations.issue.unknownGroup', { values: acceptedValues('group', this.i18n.language()) });
      default:
        return this.i18n.t('invitations.issue.unknownLanguage', {
          values: acceptedValues('language', this.i18n.language()),
        });
    }
  }

  /** First step: the API counts who would be emailed (nothing is written); the user then confirms. */
  protected async check(): Promise<void> {
    const id = this.dialogue.dialogue()?.id;
    const recipients = this.valid().map((r) => r.recipient);
    if (!id || !recipients.length || this.sending()) {
      return;
    }
    const batch: CreateInvitationsRequest = {
      recipients,
      ...(this.spaceIds().length ? { spaceIds: this.spaceIds() } : {}),
      ...(this.note().trim() ? { message: this.note().trim() } : {}),
    };
    this.submission.reset();
    this.result.set(null);
    this.pending.set(null);
    const outcome = await this.submission.run(() => this.invitations.preview(id, batch));
    if (outcome.ok) {
      this.pending.set({ batch, preview: outcome.value });
    }
  }

  protected cancelSend(): void {
    this.pending.set(null);
  }

  /** Second step: sends exactly the batch that was counted; on failure it stays, ready to send again. */
  protected async send(): Promise<void> {
    const id = this.dialogue.dialogue()?.id;
    const pending = this.pending();
    if (!id || !pending || this.sending()) {
      return;
    }
    this.submission.reset();
    this.result.set(null);
    const outcome = await this.submission.run(() => this.invitations.send(id, pending.batch));
    if (!outcome.ok) {
      return;
    }
    this.result.set(outcome.value);
    this.pending.set(null);
    this.text.set('');
    this.invitations.followDelivery(id);
    await this.loadList(id);
  }

  protected filter(status: InvitationStatus | ''): void {
    this.statusFilter.set(status);
    this.pageIndex.set(0);
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected async resend(invitations: readonly Invitation[]): Promise<void> {
    this.message.set('');
    this.resending.update((s) => new Set([...s, ...invitations.map((i) => i.id)]));
    const done = await this.invitations.resend(invitations);
    this.resending.set(new Set());
    this.message.set(this.i18n.t('invitations.resent', { count: done }));
    const id = this.dialogue.dialogue()?.id;
    if (id) {
      this.invitations.followDelivery(id);
      await this.loadList(id);
    }
  }

  private loadList(dialogueId: string): Promise<void> {
    return this.invitations.loadList(dialogueId, {
      status: this.statusFilter(),
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
    });
  }
}
