import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { STAKEHOLDER_GROUPS, type DialogueStats, type StakeholderGroup, type StakeholderQuotas } from '@gfmd/contracts';
import { I18n, LabelPipe, LocalNumberPipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';

export interface BalanceRow {
  group: StakeholderGroup;
  confirmed: number;
  waiting: number;
  quota: number | null;
}

/** Confirmed and waiting (pending + waitlisted) seats per stakeholder group, with its quota. */
export function balanceRows(stats: DialogueStats, quotas: StakeholderQuotas | null | undefined): BalanceRow[] {
  return STAKEHOLDER_GROUPS.map((group) => {
    const counts = stats.byGroup[group] ?? {};
    return {
      group,
      confirmed: counts.confirmed ?? 0,
      waiting: (counts.pending ?? 0) + (counts.waitlisted ?? 0),
      quota: quotas?.[group] ?? null,
    };
  }).filter((r) => r.confirmed || r.waiting || r.quota !== null);
}

/** Horizontal bar chart of the stakeholder balance against the quotas (SVG + the same data as a table). */
@Component({
  selector: 'gfmd-stakeholder-balance',
  imports: [TranslatePipe, LabelPipe, LocalNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    svg {
      width: 100%;
      max-width: 720px;
      height: auto;
      display: block;
    }
    text {
      font-size: 12px;
      fill: var(--mat-sys-on-surface);
    }
    .confirmed {
      fill: var(--gfmd-brand);
    }
    .waiting {
      fill: #8fb8cc;
    }
    .over {
      fill: var(--gfmd-error);
    }
    .quota {
      stroke: #c96a00;
      stroke-width: 3;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      font-size: 0.85rem;
    }
    .swatch {
      display: inline-block;
      width: 1rem;
      height: 0.7rem;
      margin-inline-end: 0.3rem;
    }
  `,
  template: `
    @if (rows().length) {
      <figure>
        <svg [attr.viewBox]="'0 0 720 ' + height()" role="img" [attr.aria-label]="summary()">
          @for (row of rows(); track row.group; let i = $index) {
            <text x="0" [attr.y]="i * 30 + 18">{{ row.group | label: 'group' }}</text>
            <rect
              [class]="row.quota !== null && row.confirmed > row.quota ? 'over' : 'confirmed'"
              [attr.x]="left"
              [attr.y]="i * 30 + 6"
              [attr.width]="scale(row.confirmed)"
              height="16"
            />
            <rect
              class="waiting"
              [attr.x]="left + scale(row.confirmed)"
              [attr.y]="i * 30 + 6"
              [attr.width]="scale(row.waiting)"
              height="16"
            />
            @if (row.quota !== null) {
              <line
                class="quota"
                [attr.x1]="left + scale(row.quota)"
                [attr.x2]="left + scale(row.quota)"
                [attr.y1]="i * 30 + 2"
                [attr.y2]="i * 30 + 26"
              />
            }
            <text [attr.x]="left + scale(row.confirmed + row.waiting) + 6" [attr.y]="i * 30 + 18">
              {{ row.confirmed | localNumber }}{{ row.quota !== null ? ' / ' + row.quota : '' }}
            </text>
          }
        </svg>
        <figcaption class="legend">
          <span
            ><span class="swatch confirmed" style="background: var(--gfmd-brand)"></span
            >{{ 'balance.confirmed' | t }}</span
          >
          <span><span class="swatch" style="background: #8fb8cc"></span>{{ 'balance.waiting' | t }}</span>
          <span><span class="swatch" style="background: #c96a00; width: 3px"></span>{{ 'balance.quota' | t }}</span>
          <span><span class="swatch" style="background: var(--gfmd-error)"></span>{{ 'balance.over' | t }}</span>
        </figcaption>
      </figure>
      <details>
        <summary>{{ 'balance.asTable' | t }}</summary>
        <div class="gfmd-table-wrap">
          <table class="gfmd-table">
            <thead>
              <tr>
                <th scope="col">{{ 'register.group' | t }}</th>
                <th scope="col">{{ 'balance.confirmed' | t }}</th>
                <th scope="col">{{ 'balance.waiting' | t }}</th>
                <th scope="col">{{ 'balance.quota' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.group) {
                <tr>
                  <th scope="row">{{ row.group | label: 'group' }}</th>
                  <td>{{ row.confirmed | localNumber }}</td>
                  <td>{{ row.waiting | localNumber }}</td>
                  <td>{{ row.quota === null ? '—' : (row.quota | localNumber) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </details>
    } @else {
      <p class="gfmd-muted">{{ 'balance.empty' | t }}</p>
    }
  `,
})
export class StakeholderBalanceComponent {
  private readonly i18n = inject(I18n);

  readonly stats = input.required<DialogueStats>();
  readonly quotas = input<StakeholderQuotas | null | undefined>(null);

  protected readonly left = 200;
  private readonly barSpace = 440;
  protected readonly rows = computed(() => balanceRows(this.stats(), this.quotas() ?? this.stats().quotas));
  protected readonly height = computed(() => Math.max(30, this.rows().length * 30 + 4));
  private readonly max = computed(() =>
    Math.max(1, ...this.rows().map((r) => Math.max(r.confirmed + r.waiting, r.quota ?? 0))),
  );
  protected readonly summary = computed(() =>
    this.rows()
      .map((r) =>
        this.i18n.t('balance.rowSummary', {
          group: this.i18n.label('group', r.group),
          confirmed: r.confirmed,
          waiting: r.waiting,
          quota: r.quota === null ? '—' : r.quota,
        }),
      )
      .join('; '),
  );

  protected scale(value: number): number {
    return (value / this.max()) * this.barSpace;
  }
}
