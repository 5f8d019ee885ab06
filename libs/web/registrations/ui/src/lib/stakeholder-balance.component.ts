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

/**
 * Horizontal bars of the stakeholder balance against the quotas (HTML, so the text keeps its size
 * on a phone, where each group's name goes above its bar), with the same data as a table.
 */
@Component({
  selector: 'gfmd-stakeholder-balance',
  imports: [TranslatePipe, LabelPipe, LocalNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      container-type: inline-size;
    }
    figure {
      margin: 0 0 0.5rem;
    }
    .bars {
      max-width: 720px;
    }
    .bar-row {
      display: grid;
      grid-template-columns: minmax(8rem, 13rem) 1fr minmax(3.5rem, auto);
      align-items: center;
      gap: 0.25rem 0.5rem;
      padding: 0.2rem 0;
      font-size: 0.9rem;
    }
    /* A phone: the group's name on its own line, the bar full width below it. */
    @container (max-width: 30rem) {
      .bar-row {
        grid-template-columns: 1fr auto;
      }
      .group {
        grid-column: 1 / -1;
      }
    }
    .track {
      position: relative;
      display: flex;
      height: 1rem;
      background: var(--gfmd-surface-alt);
    }
    .track span {
      display: block;
      height: 100%;
    }
    .confirmed {
      background: var(--gfmd-brand);
    }
    .waiting {
      background: #8fb8cc;
    }
    .over {
      background: var(--gfmd-error);
    }
    .quota {
      position: absolute;
      top: -0.2rem;
      bottom: -0.2rem;
      width: 3px;
      margin-inline-start: -1px;
      background: #c96a00;
    }
    .figure-value {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      font-size: 0.85rem;
      margin-top: 0.5rem;
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
        <div class="bars" role="img" [attr.aria-label]="summary()">
          @for (row of rows(); track row.group) {
            <div class="bar-row" aria-hidden="true">
              <span class="group">{{ row.group | label: 'group' }}</span>
              <span class="track">
                <span
                  [class]="row.quota !== null && row.confirmed > row.quota ? 'over' : 'confirmed'"
                  [style.width.%]="percent(row.confirmed)"
                ></span>
                <span class="waiting" [style.width.%]="percent(row.waiting)"></span>
                @if (row.quota !== null) {
                  <span class="quota" [style.inset-inline-start.%]="percent(row.quota)"></span>
                }
              </span>
              <span class="figure-value"
                >{{ row.confirmed | localNumber }}{{ row.quota !== null ? ' / ' + row.quota : '' }}</span
              >
            </div>
          }
        </div>
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

  protected readonly rows = computed(() => balanceRows(this.stats(), this.quotas() ?? this.stats().quotas));
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

  /** A share of the widest bar (or quota), in percent of the track. */
  protected percent(value: number): number {
    return Math.min(100, (value / this.max()) * 100);
  }
}
