import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatSelect } from '@angular/material/select';
import {
  INVITATION_STATUSES,
  type Invitation,
  type InvitationBatchResult,
  type InvitationStatus,
  type Page,
  type ProblemDetails,
  type SendPreview,
} from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';
import { DialogueStore } from '../../dialogues/data-access/dialogue.store';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '../../shared/ui';
import { I18n, LabelPipe, LocalDatePipe, TranslatePipe } from '../../shared/util-i18n';
import { toProblem } from '../../shared/util-http';
import { InvitationsApi, parseRecipients, type InvitationBatch } from '../data-access';

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
    MatPaginator,
    LoadingStateComponent,
    EmptyStateComponent,
    ProblemAlertComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './invitations.page.scss',
  templateUrl: './invitations.page.html',
})
export class InvitationsPage {
  private readonly api = inject(InvitationsApi);
  private readonly i18n = inject(I18n);
  protected readonly dialogue = inject(DialogueStore);

  protected readonly statuses = INVITATION_STATUSES;
  protected readonly text = signal('');
  protected readonly spaceIds = signal<string[]>([]);
  protected readonly note = signal('');
  protected readonly sending = signal(false);
  protected readonly sendProblem = signal<ProblemDetails | null>(null);
  protected readonly result = signal<InvitationBatchResult | null>(null);
  /** The batch checked with the API (`?dryRun=true`) and what sending it would do, awaiting confirmation. */
  protected readonly pending = signal<{ batch: InvitationBatch; preview: SendPreview; text: string } | null>(null);
  protected readonly fileError = signal('');

  protected readonly parsed = computed(() => parseRecipients(this.text()));
  protected readonly valid = computed(() => this.parsed().filter((r) => r.issues.length === 0));
  protected readonly invalidCount = computed(() => this.parsed().length - this.valid().length);

  protected readonly statusFilter = signal<InvitationStatus | ''>('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(25);
  protected readonly list = signal<Page<Invitation> | null>(null);
  protected readonly listLoading = signal(false);
  protected readonly listProblem = signal<ProblemDetails | null>(null);
  protected readonly resending = signal<ReadonlySet<string>>(new Set());
  protected readonly message = signal('');
  protected readonly failedOnPage = computed(() => (this.list()?.items ?? []).filter((i) => i.status === 'failed'));

  constructor() {
    // A count is only good for the batch it was made for: editing the batch asks for a new one.
    effect(() => {
      this.text();
      this.spaceIds();
      this.note();
      untracked(() => this.pending.set(null));
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
        return this.i18n.t('invitations.issue.unknownGroup');
      default:
        return this.i18n.t('invitations.issue.unknownLanguage');
    }
  }

  /** First step: the API counts who would be emailed (nothing is written); the user then confirms. */
  protected async check(): Promise<void> {
    const id = this.dialogue.dialogue()?.id;
    const recipients = this.valid().map((r) => r.recipient);
    if (!id || !recipients.length) {
      return;
    }
    const batch: InvitationBatch = {
      recipients,
      ...(this.spaceIds().length ? { spaceIds: this.spaceIds() } : {}),
      ...(this.note().trim() ? { message: this.note().trim() } : {}),
    };
    this.sending.set(true);
    this.sendProblem.set(null);
    this.result.set(null);
    this.pending.set(null);
    try {
      const preview = await firstValueFrom(this.api.preview(id, batch));
      this.pending.set({ batch, preview, text: this.i18n.sendPreview(preview) });
    } catch (error) {
      this.sendProblem.set(toProblem(error));
    } finally {
      this.sending.set(false);
    }
  }

  protected cancelSend(): void {
    this.pending.set(null);
  }

  /** Second step: sends exactly the batch that was counted. */
  protected async send(): Promise<void> {
    const id = this.dialogue.dialogue()?.id;
    const pending = this.pending();
    if (!id || !pending) {
      return;
    }
    this.sending.set(true);
    this.sendProblem.set(null);
    this.result.set(null);
    try {
      const result = await firstValueFrom(this.api.send(id, pending.batch));
      this.result.set(result);
      this.pending.set(null);
      this.text.set('');
      await this.loadList(id);
    } catch (error) {
      this.sendProblem.set(toProblem(error));
    } finally {
      this.sending.set(false);
    }
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
    this.listProblem.set(null);
    this.message.set('');
    this.resending.update((s) => new Set([...s, ...invitations.map((i) => i.id)]));
    let done = 0;
    for (const invitation of invitations) {
      try {
        await firstValueFrom(this.api.resend(invitation.id));
        done++;
      } catch (error) {
        this.listProblem.set(toProblem(error));
      }
    }
    this.resending.set(new Set());
    this.message.set(this.i18n.t('invitations.resent', { count: done }));
    const id = this.dialogue.dialogue()?.id;
    if (id) {
      await this.loadList(id);
    }
  }

  private async loadList(dialogueId: string): Promise<void> {
    this.listLoading.set(true);
    this.listProblem.set(null);
    try {
      this.list.set(
        await firstValueFrom(
          this.api.list(dialogueId, {
            status: this.statusFilter(),
            page: this.pageIndex() + 1,
            pageSize: this.pageSize(),
          }),
        ),
      );
    } catch (error) {
      this.listProblem.set(toProblem(error));
    } finally {
      this.listLoading.set(false);
    }
  }
}
