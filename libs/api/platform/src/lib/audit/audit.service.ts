import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, AuditEntityType } from '@gfmd/contracts';
import type { DataSource } from 'typeorm';
import { currentManager, inCurrentTransaction } from '../db/transaction-context';
import {
  bothCursors,
  cappedCount,
  type CappedCount,
  type CursorPart,
  decodeCursor,
  encodeCursor,
} from '../db/pagination';

/** A value of an audit entry's details: ids, field names, counts, flags — never personal data. */
export type AuditDetail = string | number | boolean | null | string[];

/** What happened, as a domain records it (`audit.record({...})`). */
export interface AuditEntry {
  /** The staff member who did it (null: the system, or a participant through a link). */
  actorUserId: string | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  dialogueId?: string | null;
  /** Ids and changed field names only (e.g. `{ fields: ['title', 'startsAt'] }`). */
  details?: Record<string, AuditDetail>;
}

export interface AuditRecord {
  id: string;
  at: Date;
  actorUserId: string | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  dialogueId: string | null;
  details: Record<string, unknown>;
}

export interface AuditQuery {
  actorUserId?: string;
  entityType?: AuditEntityType;
  entityId?: string;
  dialogueId?: string;
  action?: AuditAction;
  /** 1-based; with a cursor it only labels the answer. */
  page: number;
  pageSize: number;
  /** Keyset cursor: the nextCursor of the previous page. */
  after?: string;
  /** Keyset cursor backwards: the prevCursor of the next page. */
  before?: string;
}

/** A page of the audit log: its lines, the capped total and the keyset cursors around it. */
export interface AuditPage extends CappedCount {
  items: AuditRecord[];
  /** The `after` of the next page; null on the last page. */
  nextCursor: string | null;
  /** The `before` of the previous page; null on the first page. */
  prevCursor: string | null;
}

/** The audit list's cursor tag (newest first): another list's cursor is refused. */
const AUDIT_CURSOR = 'audit:at-desc';
const AUDIT_CURSOR_PARTS: CursorPart[] = ['timestamp', 'uuid'];

/** The names of the fields a patch really changes (for the audit log: names only, never values). */
export function changedFields<T extends object>(before: T, patch: Partial<T>): string[] {
  const same = (a: unknown, b: unknown) =>
    a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : JSON.stringify(a) === JSON.stringify(b);
  return (Object.keys(patch) as (keyof T)[])
    .filter((k) => patch[k] !== undefined && !same(before[k], patch[k]))
    .map(String)
    .sort();
}

const EMAIL_LIKE = /@/;

/** Refuses details that could hold personal data: strings with an @, or long free text. */
function assertNoPersonalData(details: Record<string, AuditDetail>): void {
  for (const [key, value] of Object.entries(details)) {
    const strings = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    for (const s of strings) {
      if (EMAIL_LIKE.test(s) || s.length > 100) {
        throw new Error(
          `audit details "${key}" look like free text or an email: only ids and field names belong there`,
        );
      }
    }
  }
}

/**
 * The audit log (`audit_events`, this repository's alone): every domain records what a staff
 * member did, in the transaction of the change, so a change that rolls back leaves no line and a
 * committed one always has its line. `record` refuses to run outside a transaction.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes one or more audit lines in the current transaction (see `inTransaction`). */
  async record(entries: AuditEntry | AuditEntry[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (!list.length) return;
    if (!inCurrentTransaction()) throw new Error('audit.record must run inside the transaction of the change');
    const values: unknown[] = [];
    const rows = list.map((e) => {
      const details = e.details ?? {};
      assertNoPersonalData(details);
      const base = values.length;
      values.push(e.actorUserId, e.action, e.entityType, e.entityId, e.dialogueId ?? null, JSON.stringify(details));
      return `($${base + 1}::uuid, $${base + 2}, $${base + 3}, $${base + 4}::uuid, $${base + 5}::uuid, $${base + 6}::jsonb)`;
    });
    await currentManager(this.dataSource).query(
      `INSERT INTO audit_events (actor_user_id, action, entity_type, entity_id, dialogue_id, details) VALUES ${rows.join(', ')}`,
      values,
    );
  }

  /**
   * A page of the audit log, newest first (`at DESC, id DESC`), with the total capped (COUNT_CAP,
   * then the planner's estimate): by `after` (keyset, the previous page's nextCursor), `before`
   * (the next page's prevCursor) or page number (OFFSET, its cost growing with the depth). Every
   * filter has an index ending in `(at, id)`, so a keyset page is one index range read at any depth.
   * The cursor's row is looked up for its exact `at` (microseconds; the cursor carries
   * milliseconds), the cursor's own time being the fallback when the row is gone (retention).
   * A cursor this list did not make, or both at once: 400.
   */
  async list(query: AuditQuery): Promise<AuditPage> {
    if (query.after !== undefined && query.before !== undefined) throw bothCursors();
    const after =
      query.after === undefined ? undefined : decodeCursor(query.after, AUDIT_CURSOR, AUDIT_CURSOR_PARTS, 'after');
    const before =
      query.before === undefined ? undefined : decodeCursor(query.before, AUDIT_CURSOR, AUDIT_CURSOR_PARTS, 'before');
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (query.actorUserId) add('actor_user_id = ?', query.actorUserId);
    if (query.entityType) add('entity_type = ?', query.entityType);
    if (query.entityId) add('entity_id = ?', query.entityId);
    if (query.dialogueId) add('dialogue_id = ?', query.dialogueId);
    if (query.action) add('action = ?', query.action);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const m = currentManager(this.dataSource);
    const count = cappedCount((text, p) => m.query(text, p), `FROM audit_events ${filter}`, values);
    const params = [...values];
    const keyset = [...where];
    const cursor = after ?? before;
    if (cursor) {
      const [at, id] = cursor;
      params.push(id, at);
      const idP = `$${params.length - 1}::uuid`;
      const atP = `$${params.length}::timestamptz`;
      // Backwards (the lines newer than the cursor, nearest first): the same index read the other way.
      keyset.push(
        `(at, id) ${after ? '<' : '>'} (COALESCE((SELECT c.at FROM audit_events c WHERE c.id = ${idP}), ${atP}), ${idP})`,
      );
    }
    const backwards = before !== undefined;
    const order = backwards ? 'ASC' : 'DESC';
    params.push(query.pageSize + 1); // one more: whether a page exists beyond this one
    let paging = `LIMIT $${params.length}`;
    if (!cursor) {
      params.push((query.page - 1) * query.pageSize);
      paging += ` OFFSET $${params.length}`;
    }
    const [found, total] = await Promise.all([
      m.query(
        `SELECT id, at, actor_user_id AS "actorUserId", action, entity_type AS "entityType", entity_id AS "entityId",
                dialogue_id AS "dialogueId", details
           FROM audit_events ${keyset.length ? `WHERE ${keyset.join(' AND ')}` : ''}
          ORDER BY at ${order}, id ${order}
          ${paging}`,
        params,
      ) as Promise<AuditRecord[]>,
      count,
    ]);
    const rows = backwards ? found.reverse() : found;
    // Backwards, the extra row is the first (the rows come back newest first).
    const more = rows.length > query.pageSize;
    const items = backwards && more ? rows.slice(1) : rows.slice(0, query.pageSize);
    const first = items[0];
    const last = items[items.length - 1];
    const cursorOf = (r: AuditRecord) => encodeCursor(AUDIT_CURSOR, [new Date(r.at).toISOString(), r.id]);
    return {
      items,
      ...total,
      nextCursor: last && (backwards || more) ? cursorOf(last) : null,
      prevCursor: first && (backwards ? more : after !== undefined || query.page > 1) ? cursorOf(first) : null,
    };
  }
}
