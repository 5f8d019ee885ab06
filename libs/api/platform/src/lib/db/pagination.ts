import { badRequest } from '../problem/problem.exception';
import { msg } from '../i18n/catalogue';

/**
 * Staff lists' totals (docs/http-contract.md, "Pages"): exact up to COUNT_CAP matching rows;
 * beyond, the planner's estimate with `totalIsEstimate: true`, so a page never counts a
 * million rows to say how many there are (docs/performance.md, "A whole process on one database").
 */
export const COUNT_CAP = 1000;

/** Runs one statement and answers its rows (a repository's current manager). */
export type RunQuery = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export interface CappedCount {
  total: number;
  /** True when more than `cap` rows match: `total` is then the planner's estimate (at least cap + 1). */
  totalIsEstimate: boolean;
}

/**
 * The number of rows of `fromWhere` (`FROM … WHERE …`, with its `params`): counts at most cap + 1
 * of them (a LIMIT under the count, so the cost is bounded by the cap, not by the table); when
 * there are more, `EXPLAIN (FORMAT JSON)` of the same statement gives the planner's row estimate.
 */
export async function cappedCount(
  run: RunQuery,
  fromWhere: string,
  params: unknown[],
  cap = COUNT_CAP,
): Promise<CappedCount> {
  const [row] = await run(
    `SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${Number(cap) + 1}) capped`,
    params,
  );
  const n = Number(row?.['n'] ?? 0);
  if (n <= cap) return { total: n, totalIsEstimate: false };
  return { total: await estimatedCount(run, fromWhere, params, cap + 1), totalIsEstimate: true };
}

/**
 * The planner's estimate of the rows of `fromWhere` (`EXPLAIN (FORMAT JSON)`, about 1 ms), at
 * least `atLeast` (the rows already seen).
 */
export async function estimatedCount(
  run: RunQuery,
  fromWhere: string,
  params: unknown[],
  atLeast = 0,
): Promise<number> {
  const [plan] = await run(`EXPLAIN (FORMAT JSON) SELECT 1 ${fromWhere}`, params);
  const json = plan?.['QUERY PLAN'] as { Plan?: { 'Plan Rows'?: number } }[] | string | undefined;
  const parsed = typeof json === 'string' ? (JSON.parse(json) as { Plan?: { 'Plan Rows'?: number } }[]) : json;
  return Math.max(atLeast, Math.round(Number(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0)));
}

/** The kinds of value a keyset cursor carries, each checked when decoded. */
export type CursorPart = 'int' | 'uuid' | 'timestamp';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const checks: Record<CursorPart, (v: unknown) => boolean> = {
  int: (v) => typeof v === 'string' && /^[0-9]{1,19}$/.test(v),
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  timestamp: (v) => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v)),
};

/**
 * An opaque keyset cursor: base64url of `[list, ...values]` — the sort key of the last row of a
 * page. `list` names the list and its sort, so a cursor of another list (or sort) is refused.
 */
export function encodeCursor(list: string, values: string[]): string {
  return Buffer.from(JSON.stringify([list, ...values])).toString('base64url');
}

/**
 * The values of a cursor made by `encodeCursor(list, …)` with the given parts; anything else
 * (not base64url JSON, another list, a value of the wrong kind) is a 400 problem on `field`.
 */
export function decodeCursor(cursor: string, list: string, parts: CursorPart[], field = 'after'): string[] {
  const invalid = () =>
    badRequest(msg('platform.invalidCursor'), [{ field, message: msg('platform.invalidCursor.field') }]);
  if (typeof cursor !== 'string' || cursor.length > 400 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== parts.length + 1 || decoded[0] !== list) throw invalid();
  const values = decoded.slice(1);
  if (!values.every((v, i) => checks[parts[i]](v))) throw invalid();
  return values as string[];
}

/** A keyset page is read after one cursor or before another, never both: a 400 problem on `before`. */
export function bothCursors() {
  return badRequest(msg('platform.bothCursors'), [{ field: 'before', message: msg('platform.bothCursors') }]);
}
