import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Language, SubscriberStatus } from '@gfmd/contracts';
import { currentManager } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';

/** Whose subscriber: a whole process, a session's synthesis or a milestone's (exactly one). */
export interface SubscriberScope {
  processId?: string;
  informalSessionId?: string;
  milestoneId?: string;
}

export interface SubscriberRecord {
  id: string;
  processId: string | null;
  informalSessionId: string | null;
  milestoneId: string | null;
  email: string;
  name: string | null;
  language: Language;
  status: SubscriberStatus;
  addedBy: 'organizer' | 'self';
  createdAt: Date;
  confirmedAt: Date | null;
}

const columns = (p = '') =>
  `${p}id, ${p}process_id AS "processId", ${p}informal_session_id AS "informalSessionId", ${p}milestone_id AS "milestoneId",
   ${p}email, ${p}name, ${p}language, ${p}status, ${p}added_by AS "addedBy", ${p}created_at AS "createdAt",
   ${p}confirmed_at AS "confirmedAt"`;
const COLUMNS = columns();

const scopeWhere = (scope: SubscriberScope, at: number) =>
  scope.processId
    ? { sql: `process_id = $${at}`, value: scope.processId }
    : scope.informalSessionId
      ? { sql: `informal_session_id = $${at}`, value: scope.informalSessionId }
      : { sql: `milestone_id = $${at}`, value: scope.milestoneId };

/** The only SQL on `synthesis_subscribers` and `synthesis_subscriber_tokens` (personal data: export and erasure). */
@Injectable()
export class SubscribersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get db() {
    return currentManager(this.dataSource);
  }

  list(scope: SubscriberScope): Promise<SubscriberRecord[]> {
    const w = scopeWhere(scope, 1);
    return this.db.query(`SELECT ${COLUMNS} FROM synthesis_subscribers WHERE ${w.sql} ORDER BY created_at, id`, [
      w.value,
    ]);
  }

  find(id: string): Promise<SubscriberRecord | null> {
    return this.db
      .query<SubscriberRecord[]>(`SELECT ${COLUMNS} FROM synthesis_subscribers WHERE id = $1`, [id])
      .then((r) => r[0] ?? null);
  }

  findByEmail(scope: SubscriberScope, email: string): Promise<SubscriberRecord | null> {
    const w = scopeWhere(scope, 2);
    return this.db
      .query<SubscriberRecord[]>(
        `SELECT ${COLUMNS} FROM synthesis_subscribers WHERE lower(email) = $1 AND ${w.sql} FOR UPDATE`,
        [email, w.value],
      )
      .then((r) => r[0] ?? null);
  }

  /** Inserts one subscriber unless the address is in the scope already (then null). */
  async insert(
    scope: SubscriberScope,
    s: {
      email: string;
      name: string | null;
      language: Language;
      status: SubscriberStatus;
      addedBy: 'organizer' | 'self';
    },
  ): Promise<SubscriberRecord | null> {
    const rows = await this.db.query<SubscriberRecord[]>(
      `INSERT INTO synthesis_subscribers (process_id, informal_session_id, milestone_id, email, name, language, status, added_by, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $7 = 'confirmed' THEN now() END)
       ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [
        scope.processId ?? null,
        scope.informalSessionId ?? null,
        scope.milestoneId ?? null,
        s.email,
        s.name,
        s.language,
        s.status,
        s.addedBy,
      ],
    );
    return rows[0] ?? null;
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.db.query(`DELETE FROM synthesis_subscribers WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }

  async confirm(id: string): Promise<void> {
    await this.db.query(
      `UPDATE synthesis_subscribers SET status = 'confirmed', confirmed_at = coalesce(confirmed_at, now()) WHERE id = $1`,
      [id],
    );
  }

  /** Confirmed subscribers of a session or milestone, and of its process; one per address (the narrowest scope wins). */
  recipients(
    target: { informalSessionId?: string; milestoneId?: string },
    processId: string,
  ): Promise<SubscriberRecord[]> {
    return this.db.query(
      `SELECT DISTINCT ON (lower(email)) ${COLUMNS} FROM synthesis_subscribers
        WHERE status = 'confirmed'
          AND (process_id = $1 OR informal_session_id = $2 OR milestone_id = $3)
        ORDER BY lower(email), (process_id IS NULL) DESC, id`,
      [processId, target.informalSessionId ?? null, target.milestoneId ?? null],
    );
  }

  /** The subscriber a token opens (null: unknown). */
  async byToken(tokenHash: string): Promise<SubscriberRecord | null> {
    const rows = await this.db.query<SubscriberRecord[]>(
      `SELECT ${columns('s.')} FROM synthesis_subscriber_tokens t
         JOIN synthesis_subscribers s ON s.id = t.subscriber_id WHERE t.token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Stores the hashes of fresh tokens for the subscribers that still exist; answers their ids. */
  async addTokens(tokens: { subscriberId: string; tokenHash: string }[]): Promise<Set<string>> {
    if (!tokens.length) return new Set();
    const rows = await this.db.query<{ subscriberId: string }[]>(
      `INSERT INTO synthesis_subscriber_tokens (token_hash, subscriber_id)
       SELECT t.hash, t.sid FROM unnest($1::text[], $2::uuid[]) AS t(hash, sid)
         JOIN synthesis_subscribers s ON s.id = t.sid
       RETURNING subscriber_id AS "subscriberId"`,
      [tokens.map((t) => t.tokenHash), tokens.map((t) => t.subscriberId)],
    );
    return new Set(rows.map((r) => r.subscriberId));
  }

  byEmail(email: string): Promise<SubscriberRecord[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM synthesis_subscribers WHERE lower(email) = $1 ORDER BY created_at`, [
      email,
    ]);
  }

  /** Erasure: every subscription of the address (their tokens go with them). Answers the ids. */
  async deleteByEmail(email: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `DELETE FROM synthesis_subscribers WHERE lower(email) = $1 RETURNING id`,
      [email],
    );
    return rows.map((r) => r.id);
  }
}
