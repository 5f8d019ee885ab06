import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { TimelineEntry } from '@gfmd/contracts';
import { LeadTimeComponent } from '@gfmd/web-dialogues-ui';
import { I18n, LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { layoutTimeline } from './timeline-layout.util';

let nextId = 0;

/**
 * Informal sessions (bands) with the dialogues ahead of each (bars) and their lead time
 * (dashed lines) as an SVG chart, followed by the same data as a table for screen readers
 * and small screens. In a right-to-left page the chart is mirrored (time runs leftwards): the
 * layout is computed left to right and every x is read through `at`/`from`; text anchors need no
 * change, as `start` and `end` follow the text's direction.
 */
@Component({
  selector: 'gfmd-timeline-chart',
  imports: [RouterLink, LeadTimeComponent, TranslatePipe, LabelPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './timeline-chart.component.scss',
  templateUrl: './timeline-chart.component.html',
})
export class TimelineChartComponent {
  private readonly i18n = inject(I18n);

  readonly entries = input.required<readonly TimelineEntry[]>();
  /** where dialogue links go: the public page or the console editor */
  readonly linkTo = input<'public' | 'console'>('public');

  protected readonly id = `timeline-${nextId++}`;
  protected readonly layout = computed(() => layoutTimeline(this.entries()));
  protected readonly description = computed(() =>
    this.i18n.t('timeline.chartDescription', {
      sessions: this.entries().length,
      dialogues: this.entries().reduce((n, e) => n + e.dialogues.length, 0),
    }),
  );

  /** A point `x` from where time starts: from the left, or from the right in a right-to-left page. */
  protected at(x: number): number {
    return this.i18n.direction() === 'rtl' ? this.layout().width - x : x;
  }

  /** The left edge of a shape drawn from `x` over `width` in time (see `at`). */
  protected from(x: number, width: number): number {
    return this.i18n.direction() === 'rtl' ? this.layout().width - x - width : x;
  }

  protected link(dialogueId: string): string[] {
    return this.linkTo() === 'console' ? ['/console/dialogues', dialogueId] : ['/dialogues', dialogueId];
  }

  protected monthLabel(date: Date): string {
    return this.i18n.formatDate(date, 'month', 'UTC');
  }

  protected shortLabel(title: string): string {
    return title.length > 38 ? `${title.slice(0, 36)}…` : title;
  }
}
