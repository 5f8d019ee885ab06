import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (docs/webhooks.md):
 * - `webhook_subscriptions`: an admin's subscription (URL, events, personal data or not, the
 *   signing secret, active or disabled and why, failed deliveries in a row).
 * - `webhook_outbox`: one row per event and matching subscription, written in the transaction
 *   of the change; it is the delivery's state (its id is the `X-GFMD-Delivery` header) and the
 *   delivery log. The payload holds personal fields only for a subscription marked for them.
 */
export class Webhooks1765300000101 implements MigrationInterface {
  name = 'Webhooks1765300000101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        description text,
        events text[] NOT NULL,
        include_personal_data boolean NOT NULL DEFAULT false,
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        disabled_reason text CHECK (disabled_reason IN ('failures', 'admin')),
        consecutive_failures integer NOT NULL DEFAULT 0,
        last_delivery_at timestamptz,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX webhook_subscriptions_events_idx ON webhook_subscriptions USING gin (events) WHERE active;
      CREATE TABLE webhook_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sending', 'retrying', 'delivered', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        response_status integer,
        duration_ms integer,
        last_error text,
        lease_until timestamptz,
        replay_of uuid REFERENCES webhook_outbox(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      );
      CREATE INDEX webhook_outbox_subscription_idx ON webhook_outbox (subscription_id, created_at DESC);
      CREATE INDEX webhook_outbox_unfinished_idx ON webhook_outbox (updated_at)
        WHERE status IN ('pending', 'sending', 'retrying');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhook_outbox; DROP TABLE webhook_subscriptions');
  }
}
