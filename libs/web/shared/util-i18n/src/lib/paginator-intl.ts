import { Injectable, effect, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18n } from './i18n.service';

/** Material paginator labels in the chosen language. */
@Injectable()
export class I18nPaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18n);
  /** The list's total is the server's estimate (`totalIsEstimate`): the range says "about". */
  estimate = false;

  constructor() {
    super();
    effect(() => {
      this.i18n.language();
      this.itemsPerPageLabel = this.i18n.t('paginator.itemsPerPage');
      this.nextPageLabel = this.i18n.t('paginator.next');
      this.previousPageLabel = this.i18n.t('paginator.previous');
      this.firstPageLabel = this.i18n.t('paginator.first');
      this.lastPageLabel = this.i18n.t('paginator.last');
      this.changes.next();
    });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) {
      return this.i18n.t('paginator.range', { from: 0, to: 0, total: 0 });
    }
    const from = page * pageSize + 1;
    const to = Math.min(length, (page + 1) * pageSize);
    return this.i18n.t(this.estimate ? 'paginator.rangeAbout' : 'paginator.range', { from, to, total: length });
  };
}
