import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { BalanceCount, BalanceReportQuery } from '@gfmd/contracts';
import { ProcessStore } from '@gfmd/web-dialogues-data-access/processes';
import { ReportsStore } from '@gfmd/web-reports-data-access';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { I18n, LabelPipe, LocalDatePipe, LocalNumberPipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { saveBlob } from '@gfmd/web-shared-util-http';
import { BarChartComponent, type ChartRow, type ChartSeries } from './bar-chart.component';

type View = 'chart' | 'table';

/**
 * /console/processes/:id/reports: the stakeholder balance over the process's dialogues (by group,
 * by UN M49 region, first-time vs returning organizations, by dialogue) as charts or tables,
 * filtered by phase, theme and dialogue, its CSV, and a person's participation history.
 */
@Component({
  selector: 'gfmd-reports-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    EmptyStateComponent,
    LoadingStateComponent,
    ProblemAlertComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
    LocalNumberPipe,
    BarChartComponent,
  ],
  providers: [ReportsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reports.page.html',
  styleUrl: './reports.page.scss',
})
export class ReportsPage {
  /** route parameter */
  readonly id = input.required<string>();

  protected readonly process = inject(ProcessStore);
  protected readonly store = inject(ReportsStore);
  private readonly i18n = inject(I18n);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly view = signal<View>('chart');
  protected readonly filters = signal<BalanceReportQuery>({});
  protected readonly message = signal('');
  protected readonly filterForm = this.fb.group({ phaseId: '', themeId: '', dialogueId: '' });
  protected readonly historyForm = this.fb.group({ email: ['', [Validators.required, Validators.email]] });

  protected readonly dialogues = computed(() =>
    [...(this.process.timeline()?.dialogues ?? [])]
      .filter((d) => d.status !== 'cancelled')
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
  );
  protected readonly countSeries = computed<ChartSeries[]>(() => [
    { label: this.i18n.t('reports.confirmed') },
    { label: this.i18n.t('reports.checkedIn') },
  ]);
  protected readonly groupRows = computed<ChartRow[]>(() =>
    (this.store.balance()?.byGroup ?? []).map((g) => this.row(g.group, this.i18n.label('group', g.group), g)),
  );
  protected readonly regionRows = computed<ChartRow[]>(() =>
    (this.store.balance()?.byRegion ?? []).map((r) => this.row(r.region, this.i18n.label('region', r.region), r)),
  );
  protected readonly organizationRows = computed<ChartRow[]>(() => {
    const o = this.store.balance()?.organizations;
    return o
      ? [
          { key: 'firstTime', label: this.i18n.t('reports.firstTime'), values: [o.firstTime] },
          { key: 'returning', label: this.i18n.t('reports.returning'), values: [o.returning] },
        ]
      : [];
  });
  protected readonly organizationSeries = computed<ChartSeries[]>(() => [
    { label: this.i18n.t('reports.organizations') },
  ]);
  protected readonly groupSummary = computed(() => this.summary('reports.byGroup', this.groupRows()));
  protected readonly regionSummary = computed(() => this.summary('reports.byRegion', this.regionRows()));
  protected readonly organizationSummary = computed(() =>
    this.summary('reports.organizationsTitle', this.organizationRows(), true),
  );

  constructor() {
    effect(() => {
      const id = this.id();
      const filters = this.filters();
      untracked(() => {
        if (this.process.timeline()?.process.id !== id) void this.process.load(id);
        void this.store.load(id, filters);
      });
    });
  }

  protected applyFilters(): void {
    const { phaseId, themeId, dialogueId } = this.filterForm.getRawValue();
    this.filters.set({
      ...(phaseId ? { phaseId } : {}),
      ...(themeId ? { themeId } : {}),
      ...(dialogueId ? { dialogueId } : {}),
    });
  }

  protected clearFilters(): void {
    this.filterForm.reset({ phaseId: '', themeId: '', dialogueId: '' });
    this.filters.set({});
  }

  protected async downloadCsv(): Promise<void> {
    const result = await this.store.exportCsv(this.id(), this.filters());
    if ('blob' in result) {
      saveBlob(result.blob, result.fileName);
      this.message.set(this.i18n.t('reports.csvDone'));
    } else {
      this.store.problem.set(result);
    }
  }

  protected async searchHistory(): Promise<void> {
    this.historyForm.markAllAsTouched();
    if (this.historyForm.invalid) return;
    await this.store.searchHistory(this.historyForm.getRawValue().email.trim());
  }

  private row(key: string, label: string, c: BalanceCount): ChartRow {
    return { key, label, values: [c.confirmed, c.checkedIn] };
  }

  private summary(
    titleKey: 'reports.byGroup' | 'reports.byRegion' | 'reports.organizationsTitle',
    rows: ChartRow[],
    single = false,
  ): string {
    const parts = rows.map((r) =>
      single
        ? `${r.label}: ${r.values[0]}`
        : this.i18n.t('reports.rowSummary', { label: r.label, confirmed: r.values[0], checkedIn: r.values[1] }),
    );
    return `${this.i18n.t(titleKey)}. ${parts.join('; ')}`;
  }
}
