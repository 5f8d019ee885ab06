import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LocalNumberPipe } from '@gfmd/web-shared-util-i18n';

/** One bar of a chart: its label and a value per series. */
export interface ChartRow {
  key: string;
  label: string;
  values: number[];
}

/** A series: its name (legend) and colour class (`s0`, `s1`…). */
export interface ChartSeries {
  label: string;
}

/**
 * Horizontal bars drawn in plain SVG (one row per category, one bar per series), sized by CSS so
 * the labels keep their size on a phone. The chart is an image with an accessible name (`summary`:
 * every value in words); the page offers the same data as a table.
 */
@Component({
  selector: 'gfmd-bar-chart',
  imports: [LocalNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      container-type: inline-size;
    }
    figure {
      margin: 0;
    }
    .rows {
      max-width: 760px;
    }
    .row {
      display: grid;
      grid-template-columns: minmax(8rem, 14rem) 1fr;
      align-items: center;
      gap: 0.2rem 0.5rem;
      padding: 0.25rem 0;
      font-size: 0.9rem;
    }
    @container (max-width: 30rem) {
      .row {
        grid-template-columns: 1fr;
      }
    }
    .bars {
      display: grid;
      grid-template-columns: 1fr 3.5rem;
      align-items: center;
      gap: 2px 0.4rem;
    }
    svg {
      display: block;
      width: 100%;
      height: 0.9rem;
      background: var(--gfmd-surface-alt);
    }
    .value {
      font-variant-numeric: tabular-nums;
      text-align: end;
    }
    .s0 {
      fill: var(--gfmd-brand);
      background: var(--gfmd-brand);
    }
    .s1 {
      fill: #c96a00;
      background: #c96a00;
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
    <figure class="chart" role="img" [attr.aria-label]="summary()">
      <div class="rows" aria-hidden="true">
        @for (row of rows(); track row.key) {
          <div class="row">
            <span class="label">{{ row.label }}</span>
            <span class="bars">
              @for (value of row.values; track $index) {
                <svg viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                  <rect [attr.class]="'s' + $index" x="0" y="0" height="10" [attr.width]="percent(value)" />
                </svg>
                <span class="value">{{ value | localNumber }}</span>
              }
            </span>
          </div>
        }
      </div>
      @if (series().length > 1) {
        <figcaption class="legend" aria-hidden="true">
          @for (s of series(); track $index) {
            <span><span [class]="'swatch s' + $index"></span>{{ s.label }}</span>
          }
        </figcaption>
      }
    </figure>
  `,
})
export class BarChartComponent {
  readonly rows = input.required<ChartRow[]>();
  readonly series = input.required<ChartSeries[]>();
  /** The chart's accessible name: what it shows, every value in words. */
  readonly summary = input.required<string>();

  private readonly max = computed(() => Math.max(1, ...this.rows().flatMap((r) => r.values)));

  /** A share of the largest value, in percent of the track. */
  protected percent(value: number): number {
    return Math.min(100, (value / this.max()) * 100);
  }
}
