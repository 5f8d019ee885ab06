/** The events a webhook subscription may ask for (docs/webhooks.md). */
export const WEBHOOK_EVENTS = [
  'registration.created',
  'registration.changed',
  'registration.cancelled',
  'dialogue.published',
  'dialogue.cancelled',
  'dialogue.shifted',
  'outcome.published',
  'synthesis.published',
  'checkin.recorded',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** `ping` is the test event (POST /webhooks/:id/test); it is never subscribed to. */
export type WebhookDeliveryEvent = WebhookEvent | 'ping';

export const WEBHOOK_DELIVERY_STATUSES = [
  'pending',
  'sending',
  'retrying',
  'delivered',
  'failed',
  'cancelled',
] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** A webhook subscription (admin). The secret is shown once, in `WebhookCreated`. */
export interface WebhookSubscription {
  id: string;
  url: string;
  description: string | null;
  events: WebhookEvent[];
  includePersonalData: boolean;
  active: boolean;
  /** Why it was disabled (`failures`: too many failed deliveries in a row; `admin`), null when active. */
  disabledReason: 'failures' | 'admin' | null;
  consecutiveFailures: number;
  lastDeliveryAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /webhooks and POST /webhooks/:id/secret answer: the secret, this once. */
export interface WebhookCreated extends WebhookSubscription {
  secret: string;
}

/** One delivery of one event to one subscription (the delivery log). */
export interface WebhookDelivery {
  /** Sent as `X-GFMD-Delivery`; the same on every retry. */
  id: string;
  subscriptionId: string;
  eventId: string;
  event: WebhookDeliveryEvent;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  lastError: string | null;
  /** The delivery this one replays, if any. */
  replayOf: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** POST /webhooks */
export interface CreateWebhookRequest {
  url: string;
  description?: string | null;
  events: WebhookEvent[];
  includePersonalData?: boolean;
}

/** PATCH /webhooks/:id */
export interface UpdateWebhookRequest {
  url?: string;
  description?: string | null;
  events?: WebhookEvent[];
  includePersonalData?: boolean;
  active?: boolean;
}

/** GET /webhooks/:id/deliveries */
export interface ListWebhookDeliveriesQuery {
  status?: WebhookDeliveryStatus;
  page?: number;
  pageSize?: number;
}
