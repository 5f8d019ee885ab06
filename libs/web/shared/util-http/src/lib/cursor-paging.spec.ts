import type { Page } from '@gfmd/contracts';
import { pagingFor } from './cursor-paging';

const shown = (page: number, extra: Partial<Page<unknown>> = {}): Page<unknown> => ({
  items: [],
  total: 120000,
  totalIsEstimate: true,
  page,
  pageSize: 50,
  nextCursor: `next-of-${page}`,
  prevCursor: page > 1 ? `prev-of-${page}` : null,
  ...extra,
});

describe('pagingFor', () => {
  it('steps forward by the shown page’s nextCursor and back by its prevCursor', () => {
    expect(pagingFor(shown(7), 7, 50)).toEqual({ page: 8, pageSize: 50, after: 'next-of-7' });
    expect(pagingFor(shown(7), 5, 50)).toEqual({ page: 6, pageSize: 50, before: 'prev-of-7' });
  });

  it('reads page 1 without a cursor, whatever the page shown', () => {
    expect(pagingFor(shown(2), 0, 50)).toEqual({ page: 1, pageSize: 50 });
    expect(pagingFor(null, 0, 25)).toEqual({ page: 1, pageSize: 25 });
  });

  it('falls back to the page number for jumps, a new page size or a list without cursors', () => {
    expect(pagingFor(shown(7), 2399, 50)).toEqual({ page: 2400, pageSize: 50 });
    expect(pagingFor(shown(7), 7, 100)).toEqual({ page: 8, pageSize: 100 });
    expect(pagingFor(shown(7, { nextCursor: undefined, prevCursor: undefined }), 7, 50)).toEqual({
      page: 8,
      pageSize: 50,
    });
    expect(pagingFor(shown(7, { nextCursor: null }), 7, 50)).toEqual({ page: 8, pageSize: 50 });
  });
});
