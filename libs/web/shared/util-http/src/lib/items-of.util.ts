import type { Page } from '@gfmd/contracts';

/** Some list endpoints may answer a bare array or a page; both are accepted. */
export function itemsOf<T>(body: T[] | Page<T>): T[] {
  return Array.isArray(body) ? body : body.items;
}
