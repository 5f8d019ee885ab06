import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EmailKind, EmailStatus, Language } from '@gfmd/contracts';
import { EntityManager, Repository } from 'typeorm';
import type { TemplateParams } from '../templates/template-renderer';
import { OutboundEmailEntity, StoredAttachment } from './outbound-email.entity';

export type OutboxRecord = OutboundEmailEntity;
export type NewOutboxRow = Omit<
  OutboundEmailEntity,
  'id' | 'createdAt' | 'updatedAt' | 'status' | 'attempts' | 'lastError' | 'providerMessageId' | 'sentAt' | 'lockedUntil' | 'params'
> & { params?: TemplateParams | null };

/** What the worker needs to send a claimed row. */
export interface ClaimedEmail {
  id: string;
  kind: EmailKind;
  recipient: string;
  subject: string;
  html: string;
  text: string;
  attachments: StoredAttachment[];
  headers: Record<string, string>;
  attempts: number;
  dialogueId: string | null;
  registrationId: string | null;
  invitationId: string | null;
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

export interface ScheduledRow {
  id: string;
  registrationId: string | null;
  language: Language;
  params: TemplateParams | null;
}

const INSERT_CHUNK = 2000;

/** The only code that reads and writes the outbox table. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectRepository(OutboundEmailEntity) readonly repo: Repository<OutboundEmailEntity>) {}

  /**
   * Inserts rows in the caller's transaction with one statement per 2,000 rows; a row whose
   * idempotency key exists already is skipped (the cause has mailed before). Returns the rows inserted.
   */
  async insert(manager: EntityManager, rows: NewOutboxRow[]): Promise<{ id: string; sendAfter: Date | null; idempotencyKey: string }[]> {
    const out: { id: string; sendAfter: Date | null; idempotencyKey: string }[] = [];
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      const col = <T>(f: (r: NewOutboxRow) => T) => chunk.map(f);
      const raw: { id: string; send_after: Date | null; idempotency_key: string }[] = await manager.query(
        `INSERT INTO outbound_emails (kind, recipient, language, subject, html, text, attachments, headers, params,
                                      idempotency_key, dialogue_id, registration_id, invitation_id, send_after, status)
         SELECT t.kind, t.recipient, t.language, t.subject, t.html, t.text, t.attachments::jsonb, t.headers::jsonb,
                t.params::jsonb, t.key, t.dialogue_id, t.registration_id, t.invitation_id, t.send_after, 'pending'
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::text[], $10::text[], $11::uuid[], $12::uuid[], $13::uuid[], $14::timestamptz[])
                AS t(kind, recipient, language, subject, html, text, attachments, headers, params, key,
                     dialogue_id, registration_id, invitation_id, send_after)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id, send_after, idempotency_key`,
        [
          col((r) => r.kind),
          col((r) => r.recipient),
          col((r) => r.language),
          col((r) => r.subject),
          col((r) => r.html),
          col((r) => r.text),
          col((r) => JSON.stringify(r.attachments ?? [])),
          col((r) => JSON.stringify(r.headers ?? {})),
          col((r) => (r.params ? JSON.stringify(r.params) : null)),
          col((r) => r.idempotencyKey),
          col((r) => r.dialogueId ?? null),
          col((r) => r.registrationId ?? null),
          col((r) => r.invitationId ?? null),
          col((r) => (r.sendAfter ? r.sendAfter.toISOString() : null)),
        ],
      );
      for (const r of raw) out.push({ id: r.id, sendAfter: r.send_after, idempotencyKey: r.idempotency_key });
    }
    return out;
  }

  async markQueued(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.repo.query(`UPDATE outbound_emails SET status = 'queued', updated_at = now() WHERE id = ANY($1::uuid[]) AND status = 'pending'`, [ids]);
  }

  /**
   * Takes a row for sending, atomically: only one worker wins, and a row already sent, failed,
   * cancelled or not yet due is never taken. A row left `sending` by a dead worker is taken
   * again once its lease has run out.
   */
  async claim(id: string, leaseMs: number): Promise<ClaimedEmail | null> {
    const [rows] = (await this.repo.manager.transaction(async (m) => {
      // A claim lost in a database crash only means the row is claimed again: no need to wait for the WAL flush.
      await m.query(`SET LOCAL synchronous_commit TO OFF`);
      return m.query(
      `UPDATE outbound_emails
          SET status = 'sending', locked_until = now() + $2 * interval '1 millisecond', attempts = attempts + 1, updated_at = now()
        WHERE id = $1
          AND (status IN ('pending', 'queued') OR (status = 'sending' AND locked_until < now()))
          AND (send_after IS NULL OR send_after <= now() + interval '1 second')
        RETURNING id, kind, recipient, subject, html, text, attachments, headers, attempts, dialogue_id, registration_id, invitation_id`,
        [id, leaseMs],
      );
    })) as [Record<string, unknown>[], number];
    const r = rows[0];
    if (!r) return null;
    return {
      id: r['id'] as string,
      kind: r['kind'] as EmailKind,
      recipient: r['recipient'] as string,
      subject: r['subject'] as string,
      html: r['html'] as string,
      text: r['text'] as string,
      attachments: (r['attachments'] as StoredAttachment[]) ?? [],
      headers: (r['headers'] as Record<string, string>) ?? {},
      attempts: r['attempts'] as number,
      dialogueId: (r['dialogue_id'] as string) ?? null,
      registrationId: (r['registration_id'] as string) ?? null,
      invitationId: (r['invitation_id'] as string) ?? null,
    };
  }

  async state(id: string): Promise<OutboxRowState | null> {
    const row = await this.repo.findOne({ where: { id }, select: ['id', 'status', 'sendAfter', 'lockedUntil'] });
    return row ? { id: row.id, status: row.status, sendAfter: row.sendAfter, lockedUntil: row.lockedUntil } : null;
  }

  async markSent(manager: EntityManager, id: string, providerMessageId: string | null): Promise<boolean> {
    // Losing this commit in a database crash means one resend at most (at-least-once), so the
    // worker does not wait for the WAL flush on every message.
    await manager.query(`SET LOCAL synchronous_commit TO OFF`);
    const [, count] = (await manager.query(
      `UPDATE outbound_emails SET status = 'sent', sent_at = now(), provider_message_id = $2, locked_until = NULL, last_error = NULL, updated_at = now()
        WHERE id = $1 AND status <> 'sent'`,
      [id, providerMessageId],
    )) as [unknown, number];
    return count > 0;
  }

  /** A temporary failure: back to `queued` for BullMQ's next attempt. */
  async markRetry(id: string, error: string): Promise<void> {
    await this.repo.query(
      `UPDATE outbound_emails SET status = 'queued', last_error = $2, locked_until = NULL, updated_at = now() WHERE id = $1 AND status = 'sending'`,
      [id, error],
    );
  }

  /** The final failure (permanent reply, or retries used up). Returns false if the row was sent or cancelled meanwhile. */
  async markFailed(manager: EntityManager, id: string, error: string): Promise<boolean> {
    const [, count] = (await manager.query(
      `UPDATE outbound_emails SET status = 'failed', last_error = $2, locked_until = NULL, updated_at = now()
        WHERE id = $1 AND status NOT IN ('sent', 'cancelled', 'failed')`,
      [id, error],
    )) as [unknown, number];
    return count > 0;
  }

  /**
   * Rows that may have no live job: pending for longer than `graceMs` (Redis was down at commit),
   * sending past their lease (a worker died), and a window of queued rows after `cursor`
   * (jobs lost with Redis), due or scheduled.
   */
  async sweepCandidates(limit: number, graceMs: number, cursor: string): Promise<{ stale: SweepCandidate[]; queued: SweepCandidate[] }> {
    const map = (rows: { id: string; status: EmailStatus; send_after: Date | null }[]) =>
      rows.map((r) => ({ id: r.id, status: r.status, sendAfter: r.send_after }));
    const stale = await this.repo.query(
      `(SELECT id, status, send_after FROM outbound_emails
         WHERE status = 'pending' AND updated_at < now() - $2 * interval '1 millisecond'
         ORDER BY send_after NULLS FIRST, created_at LIMIT $1)
       UNION ALL
       (SELECT id, status, send_after FROM outbound_emails
         WHERE status = 'sending' AND locked_until < now() ORDER BY locked_until LIMIT $1)`,
      [limit, graceMs],
    );
    const queued = await this.repo.query(
      `SELECT id, status, send_after FROM outbound_emails
        WHERE status = 'queued' AND id > $2 AND updated_at < now() - $3 * interval '1 millisecond'
        ORDER BY id LIMIT $1`,
      [limit, cursor, graceMs],
    );
    return { stale: map(stale), queued: map(queued) };
  }

  async list(filter: OutboxListFilter): Promise<[OutboxRecord[], number]> {
    const qb = this.repo
      .createQueryBuilder('o')
      .select(['o.id', 'o.kind', 'o.recipient', 'o.language', 'o.subject', 'o.status', 'o.attempts', 'o.lastError'])
      .addSelect(['o.providerMessageId', 'o.createdAt', 'o.sentAt', 'o.sendAfter', 'o.dialogueId', 'o.registrationId', 'o.invitationId']);
    if (filter.status) qb.andWhere('o.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.dialogueId) qb.andWhere('o.dialogue_id = :dialogueId', { dialogueId: filter.dialogueId });
    return qb.orderBy('o.created_at', 'DESC').addOrderBy('o.id', 'DESC').skip(filter.skip).take(filter.take).getManyAndCount();
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

  async countsByStatus(): Promise<Record<string, number>> {
    const rows: { status: string; n: string }[] = await this.repo.query(
      `SELECT status, count(*)::int AS n FROM outbound_emails WHERE status IN ('pending', 'queued', 'sending', 'failed') GROUP BY status`,
    );
    const out: Record<string, number> = { pending: 0, queued: 0, sending: 0, failed: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  /** The most recent row of a kind for an invitation (its params and language re-render a resend). */
  async latestForInvitation(invitationId: string, kind: EmailKind): Promise<OutboxRecord | null> {
    return this.repo.findOne({ where: { invitationId, kind }, order: { createdAt: 'DESC' } });
  }

  /** For each invitation, the params and language of its latest invitation email (to send it again with the same link). */
  async latestInvitationParams(invitationIds: string[]): Promise<Map<string, { language: Language; params: TemplateParams | null }>> {
    const out = new Map<string, { language: Language; params: TemplateParams | null }>();
    for (let i = 0; i < invitationIds.length; i += 5000) {
      const rows: { invitation_id: string; language: Language; params: TemplateParams | null }[] = await this.repo.query(
        `SELECT DISTINCT ON (invitation_id) invitation_id, language, params FROM outbound_emails
          WHERE invitation_id = ANY($1::uuid[]) AND kind = 'invitation' ORDER BY invitation_id, created_at DESC`,
        [invitationIds.slice(i, i + 5000)],
      );
      for (const r of rows) out.set(r.invitation_id, { language: r.language, params: r.params });
    }
    return out;
  }

  /** Unsent scheduled rows of a kind, locked for the caller's transaction. */
  async lockUnsent(manager: EntityManager, kind: EmailKind, where: { dialogueId?: string; registrationId?: string }): Promise<ScheduledRow[]> {
    const clauses = [`kind = $1`, `status IN ('pending', 'queued', 'failed')`];
    const args: unknown[] = [kind];
    if (where.dialogueId) clauses.push(`dialogue_id = $${args.push(where.dialogueId)}`);
    if (where.registrationId) clauses.push(`registration_id = $${args.push(where.registrationId)}`);
    const rows: { id: string; registration_id: string | null; language: Language; params: TemplateParams | null }[] = await manager.query(
      `SELECT id, registration_id, language, params FROM outbound_emails WHERE ${clauses.join(' AND ')} FOR UPDATE`,
      args,
    );
    return rows.map((r) => ({ id: r.id, registrationId: r.registration_id, language: r.language, params: r.params }));
  }

  /** Re-rendered content and a new send time for an unsent row. */
  async reschedule(
    manager: EntityManager,
    id: string,
    data: { subject: string; html: string; text: string; params: TemplateParams; sendAfter: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE outbound_emails SET subject = $2, html = $3, text = $4, params = $5::jsonb, send_after = $6,
              status = CASE WHEN status = 'failed' THEN 'pending' ELSE status END, updated_at = now()
        WHERE id = $1 AND status IN ('pending', 'queued', 'failed')`,
      [id, data.subject, data.html, data.text, JSON.stringify(data.params), data.sendAfter.toISOString()],
    );
  }

  async cancel(manager: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await manager.query(
      `UPDATE outbound_emails SET status = 'cancelled', locked_until = NULL, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status IN ('pending', 'queued', 'failed')`,
      [ids],
    );
  }
}
