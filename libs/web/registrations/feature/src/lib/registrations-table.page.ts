import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
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
  type ProblemDetails,
  type Question,
  type ReaderLanguage,
  type Registration,
  type RegistrationView,
  type RegistrationStatus,
  type StakeholderGroup,
} from '@gfmd/contracts';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import {
  ContentLangDirective,
  CountryPipe,
  I18n,
  LabelPipe,
  LocalDatePipe,
  TranslatePipe,
  contentIn,
} from '@gfmd/web-shared-util-i18n';
import { saveBlob } from '@gfmd/web-shared-util-http';
import {
  type ActionOptions,
  type AnswerRow,
  type RegistrationAction,
  answerRows,
  RegistrationsApi,
  RegistrationsTableStore,
  type SpaceRequestAction,
  pendingSpaceRequests,
} from '@gfmd/web-registrations-data-access';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import {
  DeclineDialogComponent,
  type DeclineDialogData,
  type DeclineDialogResult,
  StakeholderBalanceComponent,
} from '@gfmd/web-registrations-ui';
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

/** Below this width (a phone) each person is a card instead of a table row. */
export const COMPACT_QUERY = '(max-width: 599.98px)';
/** How long Undo stays offered after a decline (the API allows a little longer, see DECLINE_UNDO_MS). */
export const UNDO_VISIBLE_MS = 10_000;

const PROBLEM_BASE = 'https://gfmd-dialogues.org/problems/';

/**
 * Registrations of one dialogue for organizers (and, filtered by space, for coordinators). Check
 * in is the prominent action; approve and decline sit in a separate group, decline asks first
 * (an email goes out) and may be undone for a few seconds. On a phone each person is a card.
 * After an action the focus stays on the person's row or card (or on Undo), never on the page.
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
  ],
  providers: [RegistrationsTableStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './registrations-table.page.scss',
  templateUrl: './registrations-table.page.html',
})
export class RegistrationsTablePage {
  private readonly i18n = inject(I18n);
  private readonly confirm = inject(ConfirmService);
  protected readonly dialogue = inject(DialogueStore);
  protected readonly store = inject(RegistrationsTableStore);

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
  protected readonly actionProblem = signal<ProblemDetails | null>(null);
  protected readonly message = signal('');
  protected readonly spacesById = computed(() => new Map(this.dialogue.spaces().map((s) => [s.id, s])));
  /** A phone: one card per person, the search first, the balance after the list. */
  readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(COMPACT_QUERY)
      .pipe(map((s) => s.matches)),
    {
      initialValue: false,
    },
  );
  /** Registrations just declined whose decline may still be undone. */
  protected readonly undoable = signal<ReadonlySet<string>>(new Set());
  /** The refusal was "the dialogue is full": offer to raise the capacity (organizers). */
  protected readonly dialogueFull = computed(() => this.actionProblem()?.type === `${PROBLEM_BASE}dialogue-full`);
  private readonly dialogs = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly undoTimers = new Map<string, ReturnType<typeof setTimeout>>();
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
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.searchTimer);
      this.undoTimers.forEach((t) => clearTimeout(t));
    });
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

  protected fullName(r: Registration): string {
    return `${r.firstName} ${r.lastName}`;
  }

  protected canApprove(r: Registration): boolean {
    return r.status === 'pending' || r.status === 'waitlisted';
  }

  protected canDecline(r: Registration): boolean {
    return r.status === 'pending' || r.status === 'waitlisted' || r.status === 'confirmed';
  }

  protected canCheckIn(r: Registration): boolean {
    return r.status === 'confirmed' && !r.checkedInAt;
  }

  protected statusTone(status: RegistrationStatus): string {
    return status === 'confirmed'
      ? 'gfmd-chip--ok'
      : status === 'pending' || status === 'waitlisted'
        ? 'gfmd-chip--warn'
        : 'gfmd-chip--error';
  }

  protected async checkIn(r: Registration): Promise<void> {
    await this.act('checkIn', r);
    this.focusRow(r.id);
  }

  protected async approve(r: Registration): Promise<void> {
    await this.act('approve', r);
    this.focusRow(r.id);
  }

  /** Asks first (an email goes to the person, with the optional reason); then offers Undo for a few seconds. */
  protected async decline(r: Registration): Promise<void> {
    const ref = this.dialogs.open<DeclineDialogComponent, DeclineDialogData, DeclineDialogResult>(
      DeclineDialogComponent,
      { data: { name: this.fullName(r), email: r.email }, role: 'alertdialog', maxWidth: '95vw', width: '32rem' },
    );
    const answer = await firstValueFrom(ref.afterClosed());
    if (!answer) {
      return; // the dialog gives the focus back to the Decline button
    }
    const undoUntil = await this.act('decline', r, { reason: answer.reason });
    if (undoUntil) {
      this.offerUndo(r.id);
      this.focus('undo', r.id);
    } else {
      this.focusRow(r.id);
    }
  }

  protected async undo(r: Registration): Promise<void> {
    this.endUndo(r.id);
    await this.act('undoDecline', r);
    this.focusRow(r.id);
  }

  /** Runs an action and says how it went; answers the decline's undo time, if any. */
  private async act(action: RegistrationAction, registration: Registration, options: ActionOptions = {}) {
    this.actionProblem.set(null);
    this.message.set('');
    const result = await this.store.act(action, registration, this.spaceId(), options);
    if (!result.ok) {
      this.actionProblem.set(result.problem);
      return null;
    }
    const name = this.fullName(registration);
    const undoable = action === 'decline' && result.undoUntil;
    this.message.set(this.i18n.t(undoable ? 'registrations.declinedUndo' : `registrations.done.${action}`, { name }));
    return result.undoUntil;
  }

  private offerUndo(id: string): void {
    this.undoable.update((s) => new Set([...s, id]));
    clearTimeout(this.undoTimers.get(id));
    this.undoTimers.set(
      id,
      setTimeout(() => {
        const hadFocus = this.find('undo', id) === document.activeElement;
        this.endUndo(id);
        if (hadFocus) this.focusRow(id);
      }, UNDO_VISIBLE_MS),
    );
  }

  private endUndo(id: string): void {
    clearTimeout(this.undoTimers.get(id));
    this.undoTimers.delete(id);
    this.undoable.update((s) => new Set([...s].filter((x) => x !== id)));
  }

  /** After the next render: the person's row (or card), which takes focus programmatically. */
  private focusRow(id: string): void {
    this.focus('row', id);
  }

  /** After the next render: the Undo button or the row/card of a registration (the row when Undo is gone). */
  private focus(what: 'undo' | 'row', id: string): void {
    afterNextRender(() => (this.find(what, id) ?? this.find('row', id))?.focus(), { injector: this.injector });
  }

  /** Ids are the API's UUIDs: safe inside a quoted attribute selector. */
  private find(what: 'undo' | 'row', id: string): HTMLElement | null {
    const attr = what === 'undo' ? 'data-undo' : 'data-registration';
    return this.host.nativeElement.querySelector<HTMLElement>(`[${attr}="${id.replace(/["\\]/g, '')}"]`);
  }

  /** Seat requests waiting for a space's approval ("Approve for <space>"). */
  protected readonly pendingSpaces = pendingSpaceRequests;

  /** Approves or declines one space request (declining asks first: the person is emailed). */
  protected async actOnSpace(action: SpaceRequestAction, registration: Registration, spaceId: string): Promise<void> {
    const name = `${registration.firstName} ${registration.lastName}`;
    const space = this.spaceName(spaceId);
    if (
      action === 'declineSpace' &&
      !(await this.confirm.ask({
        title: this.i18n.t('approvals.declineTitle', { name }),
        message: this.i18n.t('approvals.declineMessage', { name, space }),
        confirm: this.i18n.t('registrations.decline'),
        cancel: this.i18n.t('common.cancel'),
        destructive: true,
      }))
    ) {
      return;
    }
    this.actionProblem.set(null);
    this.message.set('');
    const result = await this.store.act(action, registration, spaceId);
    if (!result.ok) {
      this.actionProblem.set(result.problem);
      return;
    }
    const seat = this.store
      .rows()
      .find((r) => r.id === registration.id)
      ?.spaces.find((s) => s.spaceId === spaceId);
    const key =
      seat?.status === 'confirmed'
        ? 'approvals.done.approved'
        : seat?.status === 'waitlisted'
          ? 'approvals.done.waitlisted'
          : 'approvals.done.declined';
    this.message.set(this.i18n.t(key, { name, space }));
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
    this.actionProblem.set(null);
    const status = result.created.status === 'confirmed' ? 'confirmed' : 'waitlisted';
    this.message.set(this.i18n.t(`registrations.added.${status}`, { name: result.name }));
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
      this.actionProblem.set(result);
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

  /** A space's name in the page's language, else the dialogue's languages in order (with the language it is in). */
  protected spaceLabel(spaceId: string): { text: string; lang: ReaderLanguage | null } {
    const space = this.spacesById().get(spaceId);
    return space
      ? contentIn(space, 'name', this.i18n.language(), this.dialogue.dialogue()?.languages ?? [])
      : { text: spaceId, lang: null };
  }

  /**
   * "Approve for <space>" (or decline) in three parts: the space's name in its own element, so a
   * name shown in a fallback language is marked with `lang` inside the sentence of the interface.
   */
  protected spaceAction(
    key: 'registrations.approveFor' | 'registrations.declineFor',
    spaceId: string,
  ): { before: string; name: { text: string; lang: ReaderLanguage | null }; after: string } {
    const slot = '\u0000';
    const [before = '', after = ''] = this.i18n.t(key, { space: slot }).split(slot);
    return { before, name: this.spaceLabel(spaceId), after };
  }

  protected spaceName(spaceId: string): string {
    return this.spaceLabel(spaceId).text;
  }
}
