import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, AuditEntityType } from '@gfmd/contracts';
import type { DataSource } from 'typeorm';
import { currentManager, inCurrentTransaction } from '../db/transaction-context';
import { cappedCount, type CappedCount } from '../db/pagination';

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
  page: number;
  pageSize: number;
}

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

  /** A page of audit lines, newest first, with the total that match. */
  /** A page of the audit log, newest first; the total capped (COUNT_CAP, then the planner's estimate). */
  async list(query: AuditQuery): Promise<{ items: AuditRecord[] } & CappedCount> {
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
    const count = await cappedCount((text, p) => m.query(text, p), `FROM audit_events ${filter}`, values);
    const rows: AuditRecord[] = await m.query(
      `SELECT id, at, actor_user_id AS "actorUserId", action, entity_type AS "entityType", entity_id AS "entityId",
              dialogue_id AS "dialogueId", details
         FROM audit_events ${filter}
        ORDER BY at DESC, id DESC
        LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items: rows, ...count };
  }
}
