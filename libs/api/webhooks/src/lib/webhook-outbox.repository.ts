import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WebhookDeliveryEvent, WebhookDeliveryStatus } from '@gfmd/contracts';
import { DataSource } from 'typeorm';
import { sql } from './webhooks.sql';

export interface DeliveryRow {
  id: string;
  subscriptionId: string;
  eventId: string;
  event: WebhookDeliveryEvent;
  payload: Record<string, unknown>;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  lastError: string | null;
  replayOf: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** A delivery claimed for sending, with what the worker needs of its subscription. */
export interface ClaimedDelivery extends DeliveryRow {
  url: string;
  secret: string;
  subscriptionActive: boolean;
}

export interface NewDelivery {
  subscriptionId: string;
  eventId: string;
  event: WebhookDeliveryEvent;
  payload: Record<string, unknown>;
  replayOf?: string | null;
}

const COLUMNS = `o.id, o.subscription_id AS "subscriptionId", o.event_id AS "eventId", o.event, o.payload, o.status,
  o.attempts, o.response_status AS "responseStatus", o.duration_ms AS "durationMs", o.last_error AS "lastError",
  o.replay_of AS "replayOf", o.created_at AS "createdAt", o.delivered_at AS "deliveredAt"`;

/** The personal fields a payload may hold (docs/webhooks.md): erased with the person's data. */
export const PERSONAL_FIELDS = ['email', 'title', 'firstName', 'lastName', 'organization', 'jobTitle'];

/** Errors are kept short in the log (and never hold the answer's body). */
const ERROR_MAX = 300;

/** `webhook_outbox` (this repository's alone): the deliveries to send and their log. */
@Injectable()
export class WebhookOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts deliveries (in the current transaction); answers their ids in order. */
  async insert(rows: NewDelivery[]): Promise<string[]> {
    if (!rows.length) return [];
    const inserted = await sql<{ id: string }>(
      this.dataSource,
      `INSERT INTO webhook_outbox (subscription_id, event_id, event, payload, replay_of)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::uuid[]) RETURNING id`,
      [
        rows.map((r) => r.subscriptionId),
        rows.map((r) => r.eventId),
        rows.map((r) => r.event),
        rows.map((r) => JSON.stringify(r.payload)),
        rows.map((r) => r.replayOf ?? null),
      ],
    );
    return inserted.map((r) => r.id);
  }

  async byId(id: string): Promise<DeliveryRow | null> {
    const [row] = await sql<DeliveryRow>(this.dataSource, `SELECT ${COLUMNS} FROM webhook_outbox o WHERE o.id = $1`, [
      id,
    ]);
    return row ?? null;
  }

  async page(
    subscriptionId: string,
    status: WebhookDeliveryStatus | undefined,
    skip: number,
    take: number,
  ): Promise<{ rows: DeliveryRow[]; total: number }> {
    const where = `o.subscription_id = $1${status ? ' AND o.status = $2' : ''}`;
    const params: unknown[] = status ? [subscriptionId, status] : [subscriptionId];
    const [{ total }] = await sql<{ total: number }>(
      this.dataSource,
      `SELECT count(*)::int AS total FROM webhook_outbox o WHERE ${where}`,
      params,
    );
    const rows = await sql<DeliveryRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM webhook_outbox o WHERE ${where} ORDER BY o.created_at DESC, o.id
        LIMIT ${take} OFFSET ${skip}`,
      params,
    );
    return { rows, total };
  }

  /**
   * Claims a delivery for one try: pending or retrying, or sending past its lease (a worker
   * died). Answers it with its subscription, or null when it is done or in other hands.
   */
  async claim(id: string, leaseMs: number): Promise<ClaimedDelivery | null> {
    const [row] = await sql<ClaimedDelivery>(
      this.dataSource,
      `UPDATE webhook_outbox o SET status = 'sending', attempts = o.attempts + 1,
         lease_until = now() + make_interval(secs => $2::double precision / 1000), updated_at = now()
       FROM webhook_subscriptions s
       WHERE o.id = $1 AND s.id = o.subscription_id
         AND (o.status IN ('pending', 'retrying') OR (o.status = 'sending' AND o.lease_until < now()))
       RETURNING ${COLUMNS}, s.url, s.secret, s.active AS "subscriptionActive"`,
      [id, leaseMs],
    );
    return row ?? null;
  }

  async status(id: string): Promise<WebhookDeliveryStatus | null> {
    const [row] = await sql<{ status: WebhookDeliveryStatus }>(
      this.dataSource,
      `SELECT status FROM webhook_outbox WHERE id = $1`,
      [id],
    );
    return row?.status ?? null;
  }

  /** Records a try: its status afterwards, the answer's code, the time it took and the error. */
  async record(
    id: string,
    status: Exclude<WebhookDeliveryStatus, 'pending' | 'sending'>,
    result: { status: number | null; durationMs: number | null; error: string | null },
  ): Promise<void> {
    await sql(
      this.dataSource,
      `UPDATE webhook_outbox SET status = $2, response_status = $3, duration_ms = $4, last_error = $5,
         lease_until = NULL, updated_at = now(), delivered_at = CASE WHEN $2 = 'delivered' THEN now() ELSE delivered_at END
       WHERE id = $1`,
      [id, status, result.status, result.durationMs, result.error ? result.error.slice(0, ERROR_MAX) : null],
    );
  }

  /**
   * Deliveries that may have lost their job: pending or retrying untouched for `graceMs`
   * (Redis down at commit, or lost the job), sending past their lease (a worker died).
   */
  leftBehind(graceMs: number, limit = 500): Promise<{ id: string }[]> {
    return sql(
      this.dataSource,
      `SELECT id FROM webhook_outbox
        WHERE status IN ('pending', 'retrying', 'sending')
          AND updated_at < now() - make_interval(secs => $1::double precision / 1000)
          AND (status <> 'sending' OR lease_until < now())
        ORDER BY updated_at LIMIT $2`,
      [graceMs, limit],
    );
  }

  /** The deliveries whose payload names this address (the person's export): event, when, the fields sent. */
  personalOf(normalizedEmail: string): Promise<{ event: string; createdAt: Date; data: Record<string, unknown> }[]> {
    return sql(
      this.dataSource,
      `SELECT event, created_at AS "createdAt", payload->'data' AS data FROM webhook_outbox
        WHERE lower(payload->'data'->>'email') = $1 ORDER BY created_at`,
      [normalizedEmail],
    );
  }

  /** Removes the personal fields from the payloads about an address or a dialogue; answers how many rows changed. */
  async stripPersonal(where: { email: string } | { dialogueId: string }): Promise<number> {
    const [condition, value] =
      'email' in where
        ? [`lower(payload->'data'->>'email') = $2`, where.email]
        : [`payload->'data'->>'dialogueId' = $2`, where.dialogueId];
    const rows = await sql<{ id: string }>(
      this.dataSource,
      `UPDATE webhook_outbox SET payload = jsonb_set(payload, '{data}', (payload->'data') - $1::text[])
        WHERE ${condition} AND (payload->'data') ?| $1::text[] RETURNING id`,
      [PERSONAL_FIELDS, value],
    );
    return rows.length;
  }

  /** Deletes the log of deliveries finished more than `days` ago; answers how many. */
  async prune(days: number): Promise<number> {
    const rows = await sql<{ id: string }>(
      this.dataSource,
      `DELETE FROM webhook_outbox WHERE status IN ('delivered', 'failed', 'cancelled')
        AND updated_at < now() - make_interval(days => $1) RETURNING id`,
      [days],
    );
    return rows.length;
  }

  /** Cancels the unfinished deliveries of a subscription (disabled); answers their ids. */
  async cancelUnfinished(subscriptionId: string): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      this.dataSource,
      `UPDATE webhook_outbox SET status = 'cancelled', last_error = 'subscription disabled', lease_until = NULL, updated_at = now()
        WHERE subscription_id = $1 AND status IN ('pending', 'retrying') AND event <> 'ping' RETURNING id`,
      [subscriptionId],
    );
    return rows.map((r) => r.id);
  }
}
