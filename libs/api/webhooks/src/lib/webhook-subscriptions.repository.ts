import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WebhookEvent, WebhookSubscription } from '@gfmd/contracts';
import { DataSource } from 'typeorm';
import { sql } from './webhooks.sql';

export interface SubscriptionRow {
  id: string;
  url: string;
  description: string | null;
  events: WebhookEvent[];
  includePersonalData: boolean;
  secret: string;
  active: boolean;
  disabledReason: WebhookSubscription['disabledReason'];
  consecutiveFailures: number;
  lastDeliveryAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, url, description, events, include_personal_data AS "includePersonalData", secret, active,
  disabled_reason AS "disabledReason", consecutive_failures AS "consecutiveFailures",
  last_delivery_at AS "lastDeliveryAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

export type SubscriptionPatch = Partial<
  Pick<
    SubscriptionRow,
    'url' | 'description' | 'events' | 'includePersonalData' | 'secret' | 'active' | 'disabledReason'
  >
>;

const PATCH_COLUMNS: Record<keyof SubscriptionPatch, string> = {
  url: 'url',
  description: 'description',
  events: 'events',
  includePersonalData: 'include_personal_data',
  secret: 'secret',
  active: 'active',
  disabledReason: 'disabled_reason',
};

/** `webhook_subscriptions` (this repository's alone). */
@Injectable()
export class WebhookSubscriptionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<SubscriptionRow[]> {
    return sql<SubscriptionRow>(this.dataSource, `SELECT ${COLUMNS} FROM webhook_subscriptions ORDER BY created_at`);
  }

  async byId(id: string, lock = false): Promise<SubscriptionRow | null> {
    const [row] = await sql<SubscriptionRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM webhook_subscriptions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async insert(row: {
    url: string;
    description: string | null;
    events: WebhookEvent[];
    includePersonalData: boolean;
    secret: string;
    createdById: string | null;
  }): Promise<SubscriptionRow> {
    const [saved] = await sql<SubscriptionRow>(
      this.dataSource,
      `INSERT INTO webhook_subscriptions (url, description, events, include_personal_data, secret, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [row.url, row.description, row.events, row.includePersonalData, row.secret, row.createdById],
    );
    return saved;
  }

  async update(id: string, patch: SubscriptionPatch, resetFailures = false): Promise<SubscriptionRow | null> {
    const keys = (Object.keys(patch) as (keyof SubscriptionPatch)[]).filter((k) => patch[k] !== undefined);
    const sets = keys.map((k, i) => `${PATCH_COLUMNS[k]} = $${i + 2}`);
    if (resetFailures) sets.push('consecutive_failures = 0');
    const [row] = await sql<SubscriptionRow>(
      this.dataSource,
      `UPDATE webhook_subscriptions SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, ...keys.map((k) => patch[k])],
    );
    return row ?? null;
  }

  async delete(id: string): Promise<boolean> {
    const rows = await sql<{ id: string }>(
      this.dataSource,
      `DELETE FROM webhook_subscriptions WHERE id = $1 RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** The active subscriptions to an event (one indexed query on a small table, in the change's transaction). */
  matching(event: WebhookEvent): Promise<{ id: string; includePersonalData: boolean }[]> {
    return sql(
      this.dataSource,
      `SELECT id, include_personal_data AS "includePersonalData" FROM webhook_subscriptions
        WHERE active AND events @> ARRAY[$1]::text[]`,
      [event],
    );
  }

  async recordSuccess(id: string): Promise<void> {
    await sql(
      this.dataSource,
      `UPDATE webhook_subscriptions SET consecutive_failures = 0, last_delivery_at = now() WHERE id = $1`,
      [id],
    );
  }

  /**
   * Counts a delivery that failed all its tries; at `disableAfter` in a row the subscription is
   * disabled. Answers whether this call disabled it, and the count.
   */
  async recordFailure(
    id: string,
    disableAfter: number,
  ): Promise<{ disabled: boolean; failures: number; url: string } | null> {
    const [row] = await sql<{ disabled: boolean; failures: number; url: string }>(
      this.dataSource,
      `WITH before AS (SELECT id, active FROM webhook_subscriptions WHERE id = $1 FOR UPDATE)
       UPDATE webhook_subscriptions s SET
         consecutive_failures = s.consecutive_failures + 1,
         last_delivery_at = now(),
         active = s.active AND s.consecutive_failures + 1 < $2,
         disabled_reason = CASE WHEN s.active AND s.consecutive_failures + 1 >= $2 THEN 'failures' ELSE s.disabled_reason END,
         updated_at = CASE WHEN s.active AND s.consecutive_failures + 1 >= $2 THEN now() ELSE s.updated_at END
       FROM before WHERE s.id = before.id
       RETURNING (before.active AND NOT s.active) AS disabled, s.consecutive_failures AS failures, s.url`,
      [id, disableAfter],
    );
    return row ?? null;
  }
}
