import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { MatPaginator, MatPaginatorIntl, type PageEvent } from '@angular/material/paginator';
import { I18nPaginatorIntl } from '@gfmd/web-shared-util-i18n/paginator-intl';
import { EmptyStateComponent } from './empty-state.component';
import { LoadingStateComponent } from './loading-state.component';

/**
 * A server-paged table: the projected table (or its loading and empty states) above Material's
 * paginator. Page indexes are 0-based, as the paginator's. With `totalIsEstimate` (the server
 * counted up to its cap and estimated the rest) the range reads "1–50 of about 120,000": each
 * table has its own paginator labels for that.
 */
@Component({
  selector: 'gfmd-paginated-table',
  imports: [MatPaginator],
  providers: [{ provide: MatPaginatorIntl, useClass: I18nPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: ':host { display: block; }',
  template: `
    <ng-content />
    <mat-paginator
      [length]="total()"
      [pageIndex]="pageIndex()"
      [pageSize]="pageSize()"
      [pageSizeOptions]="pageSizeOptions()"
      (page)="pageChange.emit($event)"
      [attr.aria-label]="label()"
    />
  `,
})
export class PaginatedTableComponent {
  readonly total = input.required<number>();
  /** `total` is the server's estimate (Page.totalIsEstimate). */
  readonly totalIsEstimate = input(false);
  readonly pageIndex = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly pageSizeOptions = input<number[]>([10, 25, 50, 100]);
  /** the accessible name of the pager */
  readonly label = input.required<string>();

  readonly pageChange = output<PageEvent>();

  constructor() {
    const intl = inject(MatPaginatorIntl) as I18nPaginatorIntl;
    effect(() => {
      intl.estimate = this.totalIsEstimate();
      intl.changes.next();
    });
  }
}

/**
 * The whole server-paged list of a staff page: the loading state on the first load, then the
 * table (caption for screen readers, `aria-busy` while a page loads, the page's own `<thead>` and
 * `<tbody>` projected into it) or the empty state, above the paginator. With `cards`, each row
 * becomes a card on a phone (each cell under the other, labelled by its `data-label`).
 */
@Component({
  selector: 'gfmd-paged-table',
  imports: [PaginatedTableComponent, LoadingStateComponent, EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: ':host { display: block; }',
  template: `
    @if (loading() && !loaded()) {
      <gfmd-loading-state />
    } @else if (loaded()) {
      <gfmd-paginated-table
        [total]="total()"
        [totalIsEstimate]="totalIsEstimate()"
        [pageIndex]="pageIndex()"
        [pageSize]="pageSize()"
        [pageSizeOptions]="pageSizeOptions()"
        [label]="label()"
        (pageChange)="pageChange.emit($event)"
      >
        @if (rows()) {
          <div class="gfmd-table-wrap" [attr.aria-busy]="loading()">
            <table class="gfmd-table" [class.gfmd-table--cards]="cards()" [style.min-width]="minWidth()">
              <caption class="gfmd-visually-hidden">
                {{
                  caption()
                }}
              </caption>
              <ng-content select="thead" />
              <ng-content select="tbody" />
            </table>
          </div>
        } @else {
          <gfmd-empty-state [message]="empty()" />
        }
      </gfmd-paginated-table>
    }
  `,
})
export class PagedTableComponent {
  readonly loading = input.required<boolean>();
  readonly loaded = input.required<boolean>();
  /** rows on this page (0: the empty state) */
  readonly rows = input.required<number>();
  readonly total = input.required<number>();
  /** `total` is the server's estimate (Page.totalIsEstimate). */
  readonly totalIsEstimate = input(false);
  readonly pageIndex = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly pageSizeOptions = input<number[]>([25, 50, 100]);
  /** the table's caption (read by screen readers) */
  readonly caption = input.required<string>();
  /** the accessible name of the pager */
  readonly label = input.required<string>();
  /** what the empty state says */
  readonly empty = input.required<string>();
  readonly cards = input(false);
  /** a CSS width below which the table scrolls sideways instead of squeezing its columns */
  readonly minWidth = input<string | null>(null);

  readonly pageChange = output<PageEvent>();
}
