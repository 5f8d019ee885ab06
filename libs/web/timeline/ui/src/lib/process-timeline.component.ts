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
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { ContentLangDirective, I18n, LabelPipe, TranslatePipe, type TranslationKey } from '@gfmd/web-shared-util-i18n';
import {
  RECOMMENDED_LEAD_DAYS,
  ZOOMS,
  drawnSpan,
  groupByPhaseAndMonth,
  initialScrollX,
  layoutChart,
  pixelsPerDay,
  tableRows,
  type DialogueItem,
  type PhaseBand,
  type ProcessTimelineView,
  type TimelineItem,
  type Zoom,
} from './process-timeline.util';

type Row = TimelineItem | (PhaseBand & { kind: 'phase' });

const DAY = 86_400_000;
const ROW_HEIGHT = 44;
const AXIS_HEIGHT = 28;
const BAND_HEIGHT = 34;
/** a viewport width for tests and the first render, before the scroller has been measured */
const DEFAULT_VIEWPORT = 1000;

/**
 * One process's calendar: phases as bands, milestones, informal sessions and the dialogues ahead of
 * them with their lead time. A horizontal chart that scrolls along time (zoomed to the process, a
 * year, a quarter or a month) on wide screens, a list grouped by phase and month on phones, and a
 * sortable table on demand. Every item is reachable with Tab and the arrow keys in time order and
 * carries a full accessible name.
 */
@Component({
  selector: 'gfmd-process-timeline',
  imports: [RouterLink, TranslatePipe, LabelPipe, ContentLangDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './process-timeline.component.scss',
  templateUrl: './process-timeline.component.html',
  host: { '(keydown)': 'onKeydown($event)' },
})
export class ProcessTimelineComponent {
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly view = input.required<ProcessTimelineView>();
  /** the zoom it opens at (the page picks the coming months for a current process) */
  readonly initialZoom = input<Zoom>('process');
  readonly linkTo = input<'public' | 'console'>('public');
  /** "now", for tests */
  readonly now = input<number>(Date.now());

  protected readonly zooms = ZOOMS;
  protected readonly zoomLabels: Record<Zoom, TranslationKey> = {
    process: 'ptimeline.zoom.process',
    year: 'ptimeline.zoom.year',
    quarter: 'ptimeline.zoom.quarter',
    month: 'ptimeline.zoom.month',
  };
  protected readonly kindLabels: Record<Row['kind'], TranslationKey> = {
    phase: 'ptimeline.kind.phase',
    milestone: 'ptimeline.kind.milestone',
    session: 'ptimeline.kind.session',
    dialogue: 'ptimeline.kind.dialogue',
    synthesis: 'ptimeline.kind.synthesis',
  };
  protected readonly zoom = signal<Zoom>('process');
  protected readonly asTable = signal(false);
  protected readonly sortDirection = signal<'ascending' | 'descending'>('ascending');
  private readonly viewportWidth = signal(DEFAULT_VIEWPORT);
  private readonly scroller = viewChild<ElementRef<HTMLElement>>('scroller');

  protected readonly layout = computed(() => layoutChart(this.view(), this.zoom(), this.viewportWidth(), this.now()));
  protected readonly chartHeight = computed(() => AXIS_HEIGHT + BAND_HEIGHT + this.layout().rows * ROW_HEIGHT);
  protected readonly groups = computed(() => groupByPhaseAndMonth(this.view()));
  /** phases and items in time order: the order of Tab and the arrow keys */
  protected readonly sequence = computed(() => tableRows(this.view(), 'ascending'));
  protected readonly rows = computed(() => tableRows(this.view(), this.sortDirection()));
  protected readonly positions = computed(() => {
    const l = this.layout();
    const byItem = new Map(l.items.map((p) => [p.item, p]));
    const byPhase = new Map(l.bands.map((b) => [b.id, b]));
    return this.sequence().map((row) => {
      if (row.kind === 'phase') {
        const band = byPhase.get(row.id);
        return { row, left: band?.x ?? 0, width: band?.width ?? 0, top: AXIS_HEIGHT, leadX: null, alignEnd: false };
      }
      const p = byItem.get(row);
      return {
        row,
        left: p?.x ?? 0,
        width: p?.width ?? 0,
        top: AXIS_HEIGHT + BAND_HEIGHT + (p?.row ?? 0) * ROW_HEIGHT,
        leadX: p?.leadX ?? null,
        alignEnd: p?.alignEnd ?? false,
      };
    });
  });

  constructor() {
    // open at the page's zoom, scrolled to the coming weeks (current process) or to the start
    effect(() => {
      const zoom = this.initialZoom();
      this.view();
      untracked(() => {
        this.zoom.set(zoom);
        this.afterRender(() =>
          this.scrollTo(initialScrollX(this.layout(), this.view(), zoom, this.viewportWidth(), this.now()), false),
        );
      });
    });
    afterNextRender(() => {
      const element = this.scroller()?.nativeElement;
      if (!element || typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(() => {
        if (element.clientWidth > 0) this.viewportWidth.set(element.clientWidth);
      });
      observer.observe(element);
      this.destroyRef.onDestroy(() => observer.disconnect());
    });
  }

  protected setZoom(zoom: Zoom): void {
    const element = this.scroller()?.nativeElement;
    const span = drawnSpan(this.view());
    const before = pixelsPerDay(this.zoom(), span, this.viewportWidth());
    // keep the instant at the middle of the screen where it is
    const centre = element ? span.from + ((this.scrollStart(element) + element.clientWidth / 2) / before) * DAY : null;
    this.zoom.set(zoom);
    if (centre !== null && element) {
      this.afterRender(() => {
        const after = pixelsPerDay(zoom, span, this.viewportWidth());
        this.scrollTo(((centre - span.from) / DAY) * after - element.clientWidth / 2, false);
      });
    }
  }

  protected scrollBy(direction: -1 | 1): void {
    const element = this.scroller()?.nativeElement;
    if (element) this.scrollTo(this.scrollStart(element) + direction * element.clientWidth * 0.8, true);
  }

  /** Wide screens: scroll the chart to today. Phones (the chart is hidden): focus the next item in the list. */
  protected scrollToToday(): void {
    const x = this.layout().todayX;
    const element = this.scroller()?.nativeElement;
    if (element && element.offsetParent !== null) {
      if (x !== null) this.scrollTo(x - element.clientWidth * 0.2, true);
      return;
    }
    const host = this.host.nativeElement as HTMLElement;
    const now = this.now();
    const next = Array.from(host.querySelectorAll<HTMLElement>('.list [data-at]')).find(
      (item) => Date.parse(item.dataset['at'] ?? '') >= now,
    );
    next?.focus();
    next?.scrollIntoView?.({ block: 'center', behavior: this.motion() });
  }

  protected toggleSort(): void {
    this.sortDirection.update((d) => (d === 'ascending' ? 'descending' : 'ascending'));
  }

  /** Arrow keys (and Home/End) move the focus along the items in time order (time runs leftwards in Arabic). */
  protected onKeydown(event: KeyboardEvent): void {
    const container = (event.target as HTMLElement).closest('.chart, .list');
    if (!container || !(event.target as HTMLElement).hasAttribute('data-tl-item')) return;
    const items = Array.from(container.querySelectorAll<HTMLElement>('[data-tl-item]'));
    const index = items.indexOf(event.target as HTMLElement);
    if (index < 0) return;
    const forward = this.i18n.direction() === 'rtl' ? -1 : 1;
    const next = {
      ArrowRight: index + forward,
      ArrowDown: index + 1,
      ArrowLeft: index - forward,
      ArrowUp: index - 1,
      Home: 0,
      End: items.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = items[Math.max(0, Math.min(items.length - 1, next))];
    target.focus();
    target.scrollIntoView?.({ block: 'nearest', inline: 'center', behavior: this.motion() });
  }

  protected link(item: TimelineItem): string[] {
    return this.linkTo() === 'console' ? ['/console/dialogues', item.id] : ['/dialogues', item.id];
  }

  /** "4 Dec 2017" or "4 Dec 2017 – 6 Dec 2017", in the item's own zone (phases: calendar dates). */
  dates(row: Pick<Row, 'startsAt' | 'endsAt'> & { timeZone?: string | null; kind?: string }): string {
    if (row.kind === 'phase' && row.endsAt) return this.phaseDates({ startsAt: row.startsAt, endsAt: row.endsAt });
    const zone = row.timeZone ?? 'UTC';
    const from = this.i18n.formatDate(row.startsAt, 'date', zone);
    const to = row.endsAt ? this.i18n.formatDate(row.endsAt, 'date', zone) : from;
    return from === to ? from : `${from} – ${to}`;
  }

  /** A phase covers whole UTC days: its end is the next day's 00:00Z, its last day the one before. */
  phaseDates(phase: { startsAt: string; endsAt: string }): string {
    const from = this.i18n.formatDate(phase.startsAt, 'date', 'UTC');
    const to = this.i18n.formatDate(lastDay(phase.endsAt), 'date', 'UTC');
    return from === to ? from : `${from} – ${to}`;
  }

  monthLabel(date: Date): string {
    return this.i18n.formatDate(date, 'month', 'UTC');
  }

  /** "14 days before Informal session 3" */
  leadText(item: DialogueItem): string {
    const days = item.leadTimeDays;
    const number = item.session?.number ?? '';
    if (days === null || !item.session) return this.i18n.t('ptimeline.leadUnknown');
    if (days > 0) return this.i18n.t('ptimeline.leadBefore', { count: days, number });
    if (days === 0) return this.i18n.t('ptimeline.leadSameDay', { number });
    return this.i18n.t('ptimeline.leadAfter', { count: -days, number });
  }

  warning(item: DialogueItem): string | null {
    if (item.leadLevel === 'late') return this.i18n.t('ptimeline.warnLate');
    if (item.leadLevel === 'short') return this.i18n.t('ptimeline.warnShort', { min: RECOMMENDED_LEAD_DAYS });
    return null;
  }

  /** The accessible name of an item: its kind, title, dates, venue and (dialogues) lead time. */
  name(row: Row): string {
    switch (row.kind) {
      case 'phase':
        return this.i18n.t('ptimeline.name.phase', {
          title: row.title,
          from: this.i18n.formatDate(row.startsAt, 'date', 'UTC'),
          to: this.i18n.formatDate(lastDay(row.endsAt), 'date', 'UTC'),
        });
      case 'milestone':
        return row.venue
          ? this.i18n.t('ptimeline.name.milestone', { title: row.title, date: this.dates(row), venue: row.venue })
          : this.i18n.t('ptimeline.name.milestoneNoVenue', { title: row.title, date: this.dates(row) });
      case 'session':
        return this.i18n.t('ptimeline.name.session', {
          number: row.number,
          title: row.title,
          date: this.dates(row),
          venue: row.venue,
        });
      case 'dialogue': {
        const name = this.i18n.t('ptimeline.name.dialogue', {
          title: row.title,
          date: this.dates(row),
          lead: this.leadText(row),
        });
        const warning = this.warning(row);
        return warning ? `${name}. ${warning}` : name;
      }
      case 'synthesis':
        return `${this.i18n.t('ptimeline.kind.synthesis')}: ${row.title}, ${this.dates(row)}`;
    }
  }

  /** Text drawn next to an item on the chart (cut with an ellipsis by CSS when long). */
  shortLabel(row: Row): string {
    if (row.kind === 'session') return this.i18n.t('ptimeline.sessionTitle', { number: row.number });
    return row.title;
  }

  private motion(): ScrollBehavior {
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    return reduce ? 'auto' : 'smooth';
  }

  /**
   * Scrolls the chart to `start` pixels from where time starts: the left edge, or the right edge
   * in a right-to-left page (where `scrollLeft` runs from 0 down to negative values).
   */
  private scrollTo(start: number, animate: boolean): void {
    const element = this.scroller()?.nativeElement;
    if (!element) return;
    const max = Math.max(0, this.layout().width - element.clientWidth);
    const target = Math.max(0, Math.min(max, start)) * (this.i18n.direction() === 'rtl' ? -1 : 1);
    if (typeof element.scrollTo === 'function') {
      element.scrollTo({ left: target, behavior: animate ? this.motion() : 'auto' });
    } else {
      element.scrollLeft = target;
    }
  }

  /** How far the chart is scrolled from where time starts (see `scrollTo`). */
  private scrollStart(element: HTMLElement): number {
    return this.i18n.direction() === 'rtl' ? -element.scrollLeft : element.scrollLeft;
  }

  private afterRender(fn: () => void): void {
    afterNextRender(fn, { injector: this.injector });
  }
}

/** The last day a whole-day range covers (its end is the next day's 00:00Z). */
function lastDay(iso: string): string {
  return new Date(Date.parse(iso) - 1).toISOString();
}
