// Over 400 lines on purpose: the sole owner of outbound_emails (docs/architecture.md), so every
// statement on that table (claim, sweep, caps, summaries, erasure) is here and nowhere else.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EmailKind, EmailStatus, Language } from '@gfmd/contracts';
import { cappedCount, type CappedCount, currentManager } from '@gfmd/api-platform';
import { Repository } from 'typeorm';
import type { EnqueueRow } from '../queue/mail-queue';
import type { TemplateParams } from '../templates/template-renderer';
import { OutboundEmailEntity, StoredAttachment } from './outbound-email.entity';

export type OutboxRecord = OutboundEmailEntity;
export type NewOutboxRow = Omit<
  OutboundEmailEntity,
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'status'
  | 'attempts'
  | 'lastError'
  | 'providerMessageId'
  | 'sentAt'
  | 'lockedUntil'
  | 'params'
  | 'batchId'
> & { params?: TemplateParams | null; batchId?: string | null };

/** What the worker needs to send a claimed row (the body is rendered from `params` when not stored). */
export interface ClaimedEmail {
  id: string;
  kind: EmailKind;
  recipient: string;
  language: Language;
  subject: string;
  html: string | null;
  text: string | null;
  params: TemplateParams | null;
  attachments: StoredAttachment[];
  headers: Record<string, string>;
  attempts: number;
  dialogueId: string | null;
  registrationId: string | null;
  invitationId: string | null;
}

export interface PersonEmailRecord {
  id: string;
  kind: string;
  subject: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
  registrationId: string | null;
}

export interface OutboxRowState {
  id: string;
  status: EmailStatus;
  sendAfter: Date | null;
  lockedUntil: Date | null;
}

export interface SweepCandidate {
  id: string;
  status: EmailStatus;
  sendAfter: Date | null;
}

export interface OutboxListFilter {
  status?: EmailStatus;
  kind?: EmailKind;
  dialogueId?: string;
  skip: number;
  take: number;
}

const INSERT_CHUNK = 2000;

/**
 * Joined into a worker's writes: the statement's transaction (its own, or the caller's) commits
 * without waiting for the WAL flush, like `SET LOCAL synchronous_commit TO OFF` without the extra
 * round trip. Only for writes whose loss in a database crash means at most one more attempt.
 */
const ASYNC_COMMIT = `(SELECT set_config('synchronous_commit', 'off', true))`;

/** The only code that reads and writes the outbox table (other domains go through OutboxService). */
@Injectable()
export class OutboxRepository {
  constructor(@InjectRepository(OutboundEmailEntity) readonly repo: Repository<OutboundEmailEntity>) {}

  /** The manager of the transaction under way in the async context, or the data source's one. */
  private get manager() {
    return currentManager(this.repo.manager.connection);
  }

  /**
   * Inserts rows in the caller's transaction with one statement per 2,000 rows; a row whose
   * idempotency key exists already is skipped (the cause has mailed before). Returns the rows inserted.
   */
  async insert(rows: NewOutboxRow[]): Promise<{ id: string; sendAfter: Date | null; idempotencyKey: string }[]> {
    const out: { id: string; sendAfter: Date | null; idempotencyKey: string }[] = [];
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      // One JSON document per chunk: serialised natively and parsed by PostgreSQL in one pass
      // (text arrays of rendered HTML cost far more to escape on the way in).
      const records = chunk.map((r) => ({
        kind: r.kind,
        recipient: r.recipient,
        language: r.language,
        subject: r.subject,
        html: r.html,
        text: r.text,
        attachments: r.attachments ?? [],
        headers: r.headers ?? {},
        params: r.params ?? null,
        key: r.idempotencyKey,
        dialogue_id: r.dialogueId ?? null,
        registration_id: r.registrationId ?? null,
        invitation_id: r.invitationId ?? null,
        batch_id: r.batchId ?? null,
        send_after: r.sendAfter ? r.sendAfter.toISOString() : null,
      }));
      const raw: { id: string; send_after: Date | null; idempotency_key: string }[] = await this.manager.query(
        `INSERT INTO outbound_emails (kind, recipient, language, subject, html, text, attachments, headers, params,
                                      idempotency_key, dialogue_id, registration_id, invitation_id, batch_id, send_after, status)
         SELECT t.kind, t.recipient, t.language, t.subject, t.html, t.text, t.attachments, t.headers, t.params, t.key,
                t.dialogue_id, t.registration_id, t.invitation_id, t.batch_id, t.send_after, 'pending'
           FROM json_to_recordset($1::json)
                AS t(kind text, recipient text, language text, subject text, html text, text text, attachments jsonb,
                     headers jsonb, params jsonb, key text, dialogue_id uuid, registration_id uuid, invitation_id uuid,
                     batch_id uuid, send_after timestamptz)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id, send_after, idempotency_key`,
        [JSON.stringify(records)],
      );
      for (const r of raw) out.push({ id: r.id, sendAfter: r.send_after, idempotencyKey: r.idempotency_key });
    }
    return out;
  }

  /** The idempotency keys among `keys` that have a row already (a dry run's "already sent"). */
  async existingKeys(keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows: { k: string }[] = await this.manager.query(
      `SELECT idempotency_key AS k FROM outbound_emails WHERE idempotency_key = ANY($1::text[])`,
      [keys],
    );
    return new Set(rows.map((r) => r.k));
  }

  async markQueued(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.repo.query(
      `UPDATE outbound_emails SET status = 'queued', updated_at = now() WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
      [ids],
    );
  }

  /**
   * Takes rows for sending, atomically, in one statement: only one worker wins a row, and a row
   * already sent, failed, cancelled or not yet due is never taken. A row left `sending` by a
   * dead worker is taken again once its lease has run out. Ids not taken are absent from the map.
   * Rows are locked `SKIP LOCKED`: a row another transaction holds (another worker's claim, a
   * rewrite) is not taken now, and two claims never wait for each other (no deadlock between
   * workers claiming ahead); the caller looks at such a row again later.
   *
   * `aheadIds`: rows taken ahead of their jobs (the next jobs waiting in the queue), on the same
   * terms but under `aheadLeaseMs` (they may wait a while before they are sent); they come back
   * with `ahead: true`. `capWithinMs`: each row also carries `recentSends`,
   * the emails to its address that count against the daily cap besides the rows of this claim
   * (sent within that time, or being sent by any worker), so the cap costs no statement of its own.
   */
  async claim(
    ids: string[],
    leaseMs: number,
    options: { aheadIds?: string[]; aheadLeaseMs?: number; capWithinMs?: number } = {},
  ): Promise<Map<string, ClaimedEmail & { ahead: boolean; recentSends: number }>> {
    const out = new Map<string, ClaimedEmail & { ahead: boolean; recentSends: number }>();
    const aheadIds = options.aheadIds ?? [];
    if (!ids.length && !aheadIds.length) return out;
    // A SELECT (over the UPDATE in its WITH): TypeORM answers the rows alone.
    const rows = (await this.repo.query(
      `WITH picked AS (
         SELECT id FROM outbound_emails
          WHERE id = ANY($1::uuid[] || $3::uuid[])
            AND (status IN ('pending', 'queued') OR (status = 'sending' AND locked_until < now()))
            AND (send_after IS NULL OR send_after <= now() + interval '1 second')
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE outbound_emails o
            SET status = 'sending', attempts = attempts + 1, updated_at = now(),
                locked_until = now() + (CASE WHEN o.id = ANY($1::uuid[]) THEN $2::float8 ELSE $5::float8 END) * interval '1 millisecond'
           FROM ${ASYNC_COMMIT} AS cfg
          WHERE o.id IN (SELECT id FROM picked)
          RETURNING o.id, o.kind, o.recipient, o.language, o.subject, o.html, o.text, o.params, o.attachments, o.headers,
                    o.attempts, o.dialogue_id, o.registration_id, o.invitation_id)
       SELECT c.*, NOT (c.id = ANY($1::uuid[])) AS ahead,
              CASE WHEN $4::bigint > 0 THEN
                (SELECT count(*)::int FROM outbound_emails x
                  WHERE lower(x.recipient) = lower(c.recipient) AND x.id NOT IN (SELECT id FROM claimed)
                    AND ((x.status = 'sent' AND x.sent_at > now() - $4 * interval '1 millisecond') OR x.status = 'sending'))
              ELSE 0 END AS recent_sends
         FROM claimed c`,
      [ids, leaseMs, aheadIds, options.capWithinMs ?? 0, options.aheadLeaseMs ?? leaseMs],
    )) as Record<string, unknown>[];
    for (const r of rows) {
      out.set(r['id'] as string, {
        id: r['id'] as string,
        kind: r['kind'] as EmailKind,
        recipient: r['recipient'] as string,
        language: r['language'] as Language,
        subject: r['subject'] as string,
        html: (r['html'] as string | null) ?? null,
        text: (r['text'] as string | null) ?? null,
        params: (r['params'] as TemplateParams | null) ?? null,
        attachments: (r['attachments'] as StoredAttachment[]) ?? [],
        headers: (r['headers'] as Record<string, string>) ?? {},
        attempts: r['attempts'] as number,
        dialogueId: (r['dialogue_id'] as string) ?? null,
        registrationId: (r['registration_id'] as string) ?? null,
        invitationId: (r['invitation_id'] as string) ?? null,
        ahead: r['ahead'] as boolean,
        recentSends: Number(r['recent_sends'] ?? 0),
      });
    }
    return out;
  }

  /**
   * Rows claimed ahead that this worker will not send after all (it stops): back to `queued`,
   * their attempt not counted, so their own jobs (or the sweep) take them at once rather than
   * after the lease.
   */
  async releaseClaims(ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    const [, count] = (await this.repo.query(
      `UPDATE outbound_emails SET status = 'queued', attempts = greatest(attempts - 1, 0), locked_until = NULL, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'sending'`,
      [ids],
    )) as [unknown, number];
    return count;
  }

  async state(id: string): Promise<OutboxRowState | null> {
    const row = await this.repo.findOne({ where: { id }, select: ['id', 'status', 'sendAfter', 'lockedUntil'] });
    return row ? { id: row.id, status: row.status, sendAfter: row.sendAfter, lockedUntil: row.lockedUntil } : null;
  }

  /**
   * Marks delivered rows sent, in the caller's transaction (one statement for a batch). Returns
   * the ids that changed (a row already sent is left alone). Losing this commit in a database
   * crash means one resend at most (at-least-once), so the caller commits without waiting for
   * the WAL flush.
   */
  async markSent(sent: { id: string; providerMessageId: string | null }[]): Promise<Set<string>> {
    if (!sent.length) return new Set();
    const [rows] = (await this.manager.query(
      `UPDATE outbound_emails o
          SET status = 'sent', sent_at = now(), provider_message_id = s.provider_message_id, locked_until = NULL, last_error = NULL,
              html = NULL, text = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS s(id, provider_message_id), ${ASYNC_COMMIT} AS cfg
        WHERE o.id = s.id AND o.status <> 'sent'
        RETURNING o.id`,
      [sent.map((s) => s.id), sent.map((s) => s.providerMessageId)],
    )) as [{ id: string }[], number];
    return new Set(rows.map((r) => r.id));
  }

  /** A claimed row that must not go out after all (the link it names may no longer be given). */
  async markCancelled(id: string, reason: string): Promise<void> {
    await this.repo.query(
      `UPDATE outbound_emails SET status = 'cancelled', last_error = $2, locked_until = NULL, updated_at = now() WHERE id = $1 AND status = 'sending'`,
      [id, reason],
    );
  }

  /** A temporary failure: back to `queued` for BullMQ's next attempt. */
  async markRetry(id: string, error: string): Promise<void> {
    await this.repo.query(
      `UPDATE outbound_emails SET status = 'queued', last_error = $2, locked_until = NULL, updated_at = now() WHERE id = $1 AND status = 'sending'`,
      [id, error],
    );
  }

  /** The final failure (permanent reply, or retries used up). Returns false if the row was sent or cancelled meanwhile. */
  async markFailed(id: string, error: string): Promise<boolean> {
    const [, count] = (await this.manager.query(
      `UPDATE outbound_emails SET status = 'failed', last_error = $2, locked_until = NULL, updated_at = now()
        WHERE id = $1 AND status NOT IN ('sent', 'cancelled', 'failed')`,
      [id, error],
    )) as [unknown, number];
    return count > 0;
  }

  /**
   * Rows that may have no live job: pending and due for longer than `graceMs` (Redis was down at
   * commit, or lost the job before a worker took it), scheduled rows coming due within
   * `horizonMs` (released a sweep ahead of their moment), sending past their lease (a worker
   * died), and a window of queued rows after `cursor` (jobs lost with Redis).
   */
  async sweepCandidates(
    limit: number,
    graceMs: number,
    horizonMs: number,
    cursor: string,
  ): Promise<{ stale: SweepCandidate[]; queued: SweepCandidate[] }> {
    const map = (rows: { id: string; status: EmailStatus; send_after: Date | null }[]) =>
      rows.map((r) => ({ id: r.id, status: r.status, sendAfter: r.send_after }));
    const stale = await this.repo.query(
      `(SELECT id, status, send_after FROM outbound_emails
         WHERE status = 'pending'
           AND ((send_after IS NULL AND updated_at < now() - $2 * interval '1 millisecond')
                OR send_after <= now() + $3 * interval '1 millisecond')
         ORDER BY send_after NULLS FIRST, created_at LIMIT $1)
       UNION ALL
       (SELECT id, status, send_after FROM outbound_emails
         WHERE status = 'sending' AND locked_until < now() ORDER BY locked_until LIMIT $1)`,
      [limit, graceMs, horizonMs],
    );
    const queued = await this.repo.query(
      `SELECT id, status, send_after FROM outbound_emails
        WHERE status = 'queued' AND id > $2 AND updated_at < now() - $3 * interval '1 millisecond'
        ORDER BY id LIMIT $1`,
      [limit, cursor, graceMs],
    );
    return { stale: map(stale), queued: map(queued) };
  }

  /**
   * A page of the outbox, newest first (created_at DESC, id DESC), and its capped count (exact up
   * to COUNT_CAP, else the planner's estimate). With `after` (the created_at and id of the last row
   * of the previous page) the page is the rows after it, read from an index however deep; else
   * OFFSET `skip`. The cursor's row is looked up for its exact created_at (microseconds), the
   * cursor's own time being the fallback when the row is gone (retention).
   */
  async list(
    filter: OutboxListFilter & {
      after?: { createdAt: string; id: string };
      before?: { createdAt: string; id: string };
    },
  ): Promise<{ rows: OutboxRecord[] } & CappedCount> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) where.push(`o.status = $${params.push(filter.status)}`);
    if (filter.kind) where.push(`o.kind = $${params.push(filter.kind)}`);
    if (filter.dialogueId) where.push(`o.dialogue_id = $${params.push(filter.dialogueId)}`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const qb = this.repo
      .createQueryBuilder('o')
      .select(['o.id', 'o.kind', 'o.recipient', 'o.language', 'o.subject', 'o.status', 'o.attempts', 'o.lastError'])
      .addSelect([
        'o.providerMessageId',
        'o.createdAt',
        'o.sentAt',
        'o.sendAfter',
        'o.dialogueId',
        'o.registrationId',
        'o.invitationId',
      ]);
    if (filter.status) qb.andWhere('o.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.dialogueId) qb.andWhere('o.dialogue_id = :dialogueId', { dialogueId: filter.dialogueId });
    if (filter.after) {
      qb.andWhere(
        `(o.created_at, o.id) < (COALESCE((SELECT c.created_at FROM outbound_emails c WHERE c.id = :afterId), :afterAt::timestamptz), :afterId)`,
        { afterId: filter.after.id, afterAt: filter.after.createdAt },
      );
    }
    // Backwards (the rows newer than the cursor, nearest first): the same index read forwards.
    const backwards = !filter.after && !!filter.before;
    if (backwards && filter.before) {
      qb.andWhere(
        `(o.created_at, o.id) > (COALESCE((SELECT c.created_at FROM outbound_emails c WHERE c.id = :beforeId), :beforeAt::timestamptz), :beforeId)`,
        { beforeId: filter.before.id, beforeAt: filter.before.createdAt },
      );
    }
    const order = backwards ? 'ASC' : 'DESC';
    qb.orderBy('o.created_at', order).addOrderBy('o.id', order).limit(filter.take);
    if (!filter.after && !filter.before) qb.offset(filter.skip);
    const [found, count] = await Promise.all([
      qb.getMany(),
      cappedCount((text, p) => this.repo.query(text, p), `FROM outbound_emails o ${whereSql}`, params),
    ]);
    return { rows: backwards ? found.reverse() : found, ...count };
  }

  /**
   * Retention of sent rows (docs/operations.md, "Outbox retention"): deletes at most `batch` rows
   * sent and created before `before`, oldest first (read from the `(created_at, id)` index, so a
   * batch costs the same however many rows are younger). Unsent, failed and cancelled rows stay.
   */
  async deleteSentBefore(before: Date, batch: number): Promise<number> {
    const [, count] = (await this.manager.query(
      `DELETE FROM outbound_emails WHERE id = ANY(ARRAY(
         SELECT id FROM outbound_emails
          WHERE created_at < $1 AND status = 'sent' AND (sent_at IS NULL OR sent_at < $1)
          ORDER BY created_at, id LIMIT $2))`,
      [before, batch],
    )) as [unknown, number];
    return count;
  }

  findById(id: string): Promise<OutboxRecord | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** A failed (or cancelled-by-mistake never) row back to pending with a fresh attempt budget. */
  async resetForRetry(id: string): Promise<{ id: string; sendAfter: Date | null } | null> {
    const [rows] = (await this.repo.query(
      `UPDATE outbound_emails SET status = 'pending', attempts = 0, last_error = NULL, locked_until = NULL, updated_at = now()
        WHERE id = $1 AND status = 'failed' RETURNING id, send_after`,
      [id],
    )) as [{ id: string; send_after: Date | null }[], number];
    return rows[0] ? { id: rows[0].id, sendAfter: rows[0].send_after } : null;
  }

  /**
   * Rows by status, narrowed to a batch, a dialogue and/or a kind: one GROUP BY answered from an
   * index (`(batch_id, status)`, `(dialogue_id, kind, status)` or `(kind, status)`), no row loaded.
   */
  async summary(filter: {
    batchId?: string;
    dialogueId?: string;
    kind?: EmailKind;
  }): Promise<Map<EmailStatus, number>> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.batchId) where.push(`batch_id = $${params.push(filter.batchId)}`);
    if (filter.dialogueId) where.push(`dialogue_id = $${params.push(filter.dialogueId)}`);
    if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
    const rows: { status: EmailStatus; n: number }[] = await this.manager.query(
      `SELECT status, count(*)::int AS n FROM outbound_emails ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY status`,
      params,
    );
    return new Map(rows.map((r) => [r.status, Number(r.n)]));
  }

  async countsByStatus(): Promise<Record<string, number>> {
    const rows: { status: string; n: string }[] = await this.repo.query(
      `SELECT status, count(*)::int AS n FROM outbound_emails WHERE status IN ('pending', 'queued', 'sending', 'failed') GROUP BY status`,
    );
    const out: Record<string, number> = { pending: 0, queued: 0, sending: 0, failed: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  /**
   * Locks the newest unsent row of `kinds` of each registration that may still be rewritten: one
   * not yet picked up by a worker, and, for `whileScheduled` kinds, only while its moment is still
   * ahead (a coalescing window). A row the worker has claimed (`sending`) or sent is left alone;
   * under READ COMMITTED the row lock re-checks the status after any wait.
   */
  async lockRewritable(
    registrationIds: string[],
    kinds: EmailKind[],
    whileScheduled: EmailKind[],
  ): Promise<Map<string, { id: string; kind: EmailKind }>> {
    const out = new Map<string, { id: string; kind: EmailKind }>();
    if (!registrationIds.length) return out;
    const rows: { id: string; kind: EmailKind; registration_id: string }[] = await this.manager.query(
      `SELECT id, kind, registration_id FROM outbound_emails
        WHERE registration_id = ANY($1::uuid[]) AND kind = ANY($2::text[]) AND status IN ('pending', 'queued')
          AND (kind <> ALL($3::text[]) OR send_after > now())
        ORDER BY created_at DESC
        FOR UPDATE`,
      [registrationIds, kinds, whileScheduled],
    );
    for (const r of rows) if (!out.has(r.registration_id)) out.set(r.registration_id, { id: r.id, kind: r.kind });
    return out;
  }

  /** New content for a row not sent yet: subject, parameters (the body is rendered from them when sent), attachments. */
  async rewrite(
    id: string,
    content: { subject: string; params: TemplateParams; attachments: StoredAttachment[] },
  ): Promise<void> {
    await this.manager.query(
      `UPDATE outbound_emails SET subject = $2, params = $3::jsonb, attachments = $4::jsonb, html = NULL, text = NULL, updated_at = now()
        WHERE id = $1`,
      [id, content.subject, JSON.stringify(content.params), JSON.stringify(content.attachments)],
    );
  }

  /** The emails sent (or to be sent) to an address or about some registrations (data-subject export). */
  personEmails(emailNormalized: string, registrationIds: string[]): Promise<PersonEmailRecord[]> {
    return this.repo.query(
      `SELECT id, kind, subject, status, created_at AS "createdAt", sent_at AS "sentAt", registration_id AS "registrationId"
         FROM outbound_emails WHERE lower(recipient) = $1 OR registration_id = ANY($2::uuid[]) ORDER BY created_at`,
      [emailNormalized, registrationIds],
    );
  }

  /**
   * Erasure: scrubs the rows to an address or about some registrations or invitations —
   * recipient, subject, bodies, attachments, headers and template parameters; unsent ones are
   * cancelled. Returns their ids.
   */
  async scrubPerson(emailNormalized: string, registrationIds: string[], invitationIds: string[]): Promise<string[]> {
    const [rows] = (await this.manager.query(
      `UPDATE outbound_emails SET recipient = 'erased-' || id || '@invalid', subject = '[erased]', html = NULL, text = NULL,
         attachments = '[]', headers = '{}', params = NULL, last_error = NULL,
         status = CASE WHEN status = 'sent' THEN status ELSE 'cancelled' END, updated_at = now()
       WHERE lower(recipient) = $1 OR registration_id = ANY($2::uuid[]) OR invitation_id = ANY($3::uuid[]) RETURNING id`,
      [emailNormalized, registrationIds, invitationIds],
    )) as [{ id: string }[], number];
    return rows.map((r) => r.id);
  }

  /** Retention: scrubs every email about a dialogue (unsent ones cancelled); returns how many. */
  async scrubDialogue(dialogueId: string): Promise<number> {
    const [, count] = (await this.manager.query(
      `UPDATE outbound_emails SET recipient = 'erased-' || id || '@invalid', subject = '[erased]', html = NULL, text = NULL,
         attachments = '[]', headers = '{}', params = NULL, last_error = NULL,
         status = CASE WHEN status = 'sent' THEN status ELSE 'cancelled' END, updated_at = now()
       WHERE dialogue_id = $1 AND recipient NOT LIKE 'erased-%'`,
      [dialogueId],
    )) as [unknown, number];
    return count;
  }

  /** Cancels the unsent rows of a kind about some registrations or a dialogue; returns their ids. */
  /** Moves the moment of a dialogue's unsent, scheduled emails of a kind by `byMs` (the claim reads send_after). */
  async shiftUnsent(kind: EmailKind, dialogueId: string, byMs: number): Promise<number> {
    const [, count] = (await this.manager.query(
      `UPDATE outbound_emails SET send_after = send_after + $3 * interval '1 millisecond', updated_at = now()
        WHERE kind = $1 AND dialogue_id = $2 AND status IN ('pending', 'queued') AND send_after IS NOT NULL`,
      [kind, dialogueId, byMs],
    )) as [unknown, number];
    return count;
  }

  async cancelUnsent(kind: EmailKind, where: UnsentFilter): Promise<string[]> {
    const clauses = [`kind = $1`, `status IN ('pending', 'queued', 'failed')`];
    const args: unknown[] = [kind];
    if (where.registrationIds) clauses.push(`registration_id = ANY($${args.push(where.registrationIds)}::uuid[])`);
    if (where.dialogueId) clauses.push(`dialogue_id = $${args.push(where.dialogueId)}`);
    if (where.idempotencyKeys) clauses.push(`idempotency_key = ANY($${args.push(where.idempotencyKeys)}::text[])`);
    const [rows] = (await this.manager.query(
      `UPDATE outbound_emails SET status = 'cancelled', locked_until = NULL, updated_at = now()
        WHERE ${clauses.join(' AND ')} RETURNING id`,
      args,
    )) as [{ id: string }[], number];
    return rows.map((r) => r.id);
  }

  /**
   * Puts back rows of a kind about some registrations that were cancelled at or after `since`
   * (by a decline now undone), as pending; returns them (id, sendAfter) to enqueue.
   */
  async reinstate(kind: EmailKind, registrationIds: string[], since: Date): Promise<EnqueueRow[]> {
    const [rows] = (await this.manager.query(
      `UPDATE outbound_emails SET status = 'pending', locked_until = NULL, updated_at = now()
        WHERE kind = $1 AND registration_id = ANY($2::uuid[]) AND status = 'cancelled' AND updated_at >= $3
          AND sent_at IS NULL
        RETURNING id, send_after AS "sendAfter"`,
      [kind, registrationIds, since],
    )) as [EnqueueRow[], number];
    return rows;
  }
}

/** Which unsent rows of a kind to cancel: about some registrations, of a dialogue, or by their keys. */
export interface UnsentFilter {
  registrationIds?: string[];
  dialogueId?: string;
  idempotencyKeys?: string[];
}
