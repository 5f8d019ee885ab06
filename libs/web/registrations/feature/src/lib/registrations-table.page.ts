import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
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
  type Registration,
  type RegistrationStatus,
  type StakeholderGroup,
} from '@gfmd/contracts';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { CountryPipe, I18n, LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { saveBlob } from '@gfmd/web-shared-util-http';
import {
  type RegistrationAction,
  RegistrationsTableStore,
  type SpaceRequestAction,
  pendingSpaceRequests,
} from '@gfmd/web-registrations-data-access';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import { StakeholderBalanceComponent } from '@gfmd/web-registrations-ui';
import { PaginatedTableComponent } from '@gfmd/web-shared-ui/paginated-table';

/** Registrations of one dialogue for organizers (and, filtered by space, for coordinators). */
@Component({
  selector: 'gfmd-registrations-table-page',
  imports: [
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
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

  protected readonly statuses = REGISTRATION_STATUSES;
  protected readonly groups = STAKEHOLDER_GROUPS;
  protected readonly columns = ['name', 'organization', 'group', 'status', 'checkIn', 'actions'];
  protected readonly search = signal('');
  protected readonly actionProblem = signal<ProblemDetails | null>(null);
  protected readonly message = signal('');
  protected readonly spacesById = computed(() => new Map(this.dialogue.spaces().map((s) => [s.id, s])));
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
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
    void this.store.setQuery({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected async act(action: RegistrationAction, registration: Registration): Promise<void> {
    this.actionProblem.set(null);
    this.message.set('');
    const problem = await this.store.act(action, registration, this.spaceId());
    if (problem) {
      this.actionProblem.set(problem);
    } else {
      const name = `${registration.firstName} ${registration.lastName}`;
      this.message.set(this.i18n.t(`registrations.done.${action}`, { name }));
    }
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
    const problem = await this.store.act(action, registration, spaceId);
    if (problem) {
      this.actionProblem.set(problem);
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

  protected async exportCsv(): Promise<void> {
    const result = await this.store.exportCsv();
    if (result instanceof Blob) {
      saveBlob(result, `registrations-${this.dialogue.dialogue()?.id ?? 'dialogue'}.csv`);
    } else {
      this.actionProblem.set(result);
    }
  }

  protected spaceName(spaceId: string): string {
    return this.spacesById().get(spaceId)?.name ?? spaceId;
  }
}
