import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { firstValueFrom, map } from 'rxjs';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelect } from '@angular/material/select';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import {
  REGISTRATION_STATUSES,
  STAKEHOLDER_GROUPS,
  type Question,
  type Registration,
  type RegistrationView,
  type RegistrationStatus,
  type StakeholderGroup,
} from '@gfmd/contracts';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import {
  ContentLangDirective,
  ContentMessageComponent,
  CountryPipe,
  I18n,
  LabelPipe,
  LocalDatePipe,
  TranslatePipe,
} from '@gfmd/web-shared-util-i18n';
import { saveBlob } from '@gfmd/web-shared-util-http';
import {
  type AnswerRow,
  answerRows,
  RegistrationsApi,
  RegistrationsTableStore,
} from '@gfmd/web-registrations-data-access';
import { StakeholderBalanceComponent } from '@gfmd/web-registrations-ui';
import { PaginatedTableComponent } from '@gfmd/web-shared-ui/paginated-table';
import {
  StaffRegisterDialogComponent,
  type StaffRegisterDialogData,
  type StaffRegisterDialogResult,
} from './staff-register-dialog.component';
import {
  ImportRegistrationsDialogComponent,
  type ImportRegistrationsDialogData,
} from './import-registrations-dialog.component';
import { RegistrationDecisions, fullName } from './registration-decisions';

/** Below this width (a phone) each person is a card instead of a table row. */
export const COMPACT_QUERY = '(max-width: 599.98px)';

/**
 * Registrations of one dialogue for organizers (and, filtered by space, for coordinators). Check
 * in is the prominent action; approve and decline sit in a separate group, decline asks first
 * (an email goes out) and may be undone for a few seconds. On a phone each person is a card.
 * The decisions and the status message are RegistrationDecisions'.
 */
@Component({
  selector: 'gfmd-registrations-table-page',
  imports: [
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    NgTemplateOutlet,
    RouterLink,
    PaginatedTableComponent,
    MatTable,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatCell,
    MatCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatRow,
    MatRowDef,
    StakeholderBalanceComponent,
    LoadingStateComponent,
    EmptyStateComponent,
    ProblemAlertComponent,
    TranslatePipe,
    LabelPipe,
    CountryPipe,
    LocalDatePipe,
    ContentLangDirective,
    ContentMessageComponent,
  ],
  providers: [RegistrationsTableStore, RegistrationDecisions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './registrations-table.page.scss',
  templateUrl: './registrations-table.page.html',
})
export class RegistrationsTablePage {
  private readonly i18n = inject(I18n);
  protected readonly dialogue = inject(DialogueStore);
  protected readonly store = inject(RegistrationsTableStore);
  protected readonly decisions = inject(RegistrationDecisions);

  /** a coordinator's own space: the list is limited to it and approvals apply to it */
  readonly spaceId = input<string>();
  /** route data: e.g. 'pending' for the approvals tab */
  readonly fixedStatus = input<RegistrationStatus>();
  /** route data (the organizer console): offer "Add a participant" */
  readonly staffRegistration = input(false);

  protected readonly statuses = REGISTRATION_STATUSES;
  protected readonly groups = STAKEHOLDER_GROUPS;
  protected readonly columns = ['name', 'organization', 'group', 'status', 'checkIn', 'actions'];
  protected readonly search = signal('');
  /** A phone: one card per person, the search first, the balance after the list. */
  readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(COMPACT_QUERY)
      .pipe(map((s) => s.matches)),
    {
      initialValue: false,
    },
  );
  private readonly dialogs = inject(MatDialog);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  /** The dialogue's own questions: the answers are shown under their labels. */
  private readonly questions = signal<Question[]>([]);
  private readonly registrationsApi = inject(RegistrationsApi);

  constructor() {
    effect(() => {
      const id = this.dialogue.dialogue()?.id;
      if (id)
        untracked(
          () =>
            void firstValueFrom(this.registrationsApi.questions(id)).then(
              (qs) => this.questions.set(qs),
              () => this.questions.set([]),
            ),
        );
    });
    effect(() => {
      const id = this.dialogue.dialogue()?.id;
      const spaceId = this.spaceId();
      const status = this.fixedStatus();
      if (id) {
        untracked(() => void this.store.open(id, { spaceId, status }, !spaceId));
      }
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected filterStatus(status: RegistrationStatus | ''): void {
    void this.store.setQuery({ status });
  }

  protected filterGroup(stakeholderGroup: StakeholderGroup | ''): void {
    void this.store.setQuery({ stakeholderGroup });
  }

  protected filterSpace(spaceId: string): void {
    void this.store.setQuery({ spaceId: spaceId || undefined });
  }

  protected onSearch(value: string): void {
    this.search.set(value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.store.setQuery({ q: value.trim() || undefined }), 300);
  }

  protected clearFilters(): void {
    this.search.set('');
    void this.store.setQuery({
      status: this.fixedStatus() ?? '',
      stakeholderGroup: '',
      spaceId: this.spaceId(),
      q: undefined,
    });
  }

  protected page(event: PageEvent): void {
    void this.store.goToPage(event.pageIndex, event.pageSize);
  }

  /**
   * A person's row is kept when the list is read again (after adding someone, a filter…): by id,
   * as the phone's cards are, so the answers someone opened stay open and the focus stays put.
   */
  protected readonly trackById = (_: number, r: Registration) => r.id;

  protected readonly fullName = fullName;

  protected statusTone(status: RegistrationStatus): string {
    return status === 'confirmed'
      ? 'gfmd-chip--ok'
      : status === 'pending' || status === 'waitlisted'
        ? 'gfmd-chip--warn'
        : 'gfmd-chip--error';
  }

  /** "Add a participant": the form in a dialog; then says what happened and shows the list again. */
  protected async addParticipant(): Promise<void> {
    const d = this.dialogue.dialogue();
    if (!d) return;
    const ref = this.dialogs.open<StaffRegisterDialogComponent, StaffRegisterDialogData, StaffRegisterDialogResult>(
      StaffRegisterDialogComponent,
      {
        data: { dialogue: d, spaces: this.dialogue.spaces() },
        maxWidth: '95vw',
        width: '44rem',
        autoFocus: 'first-tabbable',
      },
    );
    const result = await firstValueFrom(ref.afterClosed());
    if (!result) return;
    this.decisions.actionProblem.set(null);
    const status = result.created.status === 'confirmed' ? 'confirmed' : 'waitlisted';
    this.decisions.message.set(this.i18n.t(`registrations.added.${status}`, { name: result.name }));
    await this.store.load();
    void this.store.loadStats();
  }

  /** "Import from CSV": preview, import, result in a dialog; the list is read again after an import. */
  protected async importCsv(): Promise<void> {
    const d = this.dialogue.dialogue();
    if (!d) return;
    const ref = this.dialogs.open<ImportRegistrationsDialogComponent, ImportRegistrationsDialogData, boolean>(
      ImportRegistrationsDialogComponent,
      { data: { dialogueId: d.id }, maxWidth: '95vw', width: '56rem' },
    );
    if (await firstValueFrom(ref.afterClosed())) {
      await this.store.load();
      void this.store.loadStats();
    }
  }

  protected async exportCsv(): Promise<void> {
    const result = await this.store.exportCsv();
    if ('blob' in result) {
      saveBlob(result.blob, result.fileName ?? `registrations-${this.dialogue.dialogue()?.id ?? 'dialogue'}.csv`);
    } else {
      this.decisions.actionProblem.set(result);
    }
  }

  /** A person's answers, each under its question's label (answers to removed questions by key). */
  protected answerRows(r: Registration): AnswerRow[] {
    return answerRows(
      (r as RegistrationView).answers,
      this.questions(),
      this.i18n.language(),
      this.dialogue.dialogue()?.languages ?? [],
      (v) => this.i18n.t(v ? 'common.yes' : 'common.no'),
    );
  }
}
