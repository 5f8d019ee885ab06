import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';

/**
 * A server-paged table: the projected table (or its loading and empty states) above Material's
 * paginator. Page indexes are 0-based, as the paginator's.
 */
@Component({
  selector: 'gfmd-paginated-table',
  imports: [MatPaginator],
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
  readonly pageIndex = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly pageSizeOptions = input<number[]>([10, 25, 50, 100]);
  /** the accessible name of the pager */
  readonly label = input.required<string>();

  readonly pageChange = output<PageEvent>();
}
