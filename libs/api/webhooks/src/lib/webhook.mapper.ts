import type { WebhookDelivery, WebhookSubscription } from '@gfmd/contracts';
import type { DeliveryRow } from './webhook-outbox.repository';
import type { SubscriptionRow } from './webhook-subscriptions.repository';

/** A subscription as the API shows it: never its secret. */
export const toSubscription = (r: SubscriptionRow): WebhookSubscription => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events,
  includePersonalData: r.includePersonalData,
  active: r.active,
  disabledReason: r.disabledReason,
  consecutiveFailures: r.consecutiveFailures,
  lastDeliveryAt: r.lastDeliveryAt ? r.lastDeliveryAt.toISOString() : null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** A delivery in the log: its state, never its payload (which may hold personal data). */
export const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  subscriptionId: r.subscriptionId,
  eventId: r.eventId,
  event: r.event,
  status: r.status,
  attempts: r.attempts,
  responseStatus: r.responseStatus,
  durationMs: r.durationMs,
  lastError: r.lastError,
  replayOf: r.replayOf,
  createdAt: r.createdAt.toISOString(),
  deliveredAt: r.deliveredAt ? r.deliveredAt.toISOString() : null,
});
