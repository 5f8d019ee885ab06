import type { Page } from '@gfmd/contracts';

/** The paging part of a keyset list's query (docs/http-contract.md, "Conventions"). */
export interface CursorPaging {
  /** 1-based; with a cursor it only labels the answer. */
  page: number;
  pageSize: number;
  after?: string;
  before?: string;
}

/**
 * The query of the page a paginator asks for (0-based `pageIndex`, as Material's), from the page
 * shown: the next page by its `nextCursor` and the previous one by its `prevCursor` (page 1
 * without a cursor), so the usual steps cost the same at any depth; a jump (first, last, a new
 * page size) or a list without cursors falls back to the page number (OFFSET on the server).
 */
export function pagingFor(shown: Page<unknown> | null, pageIndex: number, pageSize: number): CursorPaging {
  const page = pageIndex + 1;
  if (!shown || pageSize !== shown.pageSize || page === 1) return { page, pageSize };
  if (page === shown.page + 1 && shown.nextCursor) return { page, pageSize, after: shown.nextCursor };
  if (page === shown.page - 1 && shown.prevCursor) return { page, pageSize, before: shown.prevCursor };
  return { page, pageSize };
}
