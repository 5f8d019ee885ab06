import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { WebhookDelivery, WebhookSubscription } from '@gfmd/contracts';
import { WebhooksStore } from './webhooks.store';

const hook: WebhookSubscription = {
  id: 'w1',
  url: 'https://crm.example.org/hook',
  description: null,
  events: ['registration.created'],
  includePersonalData: false,
  active: true,
  disabledReason: null,
  consecutiveFailures: 0,
  lastDeliveryAt: null,
  createdAt: '2026-12-06T10:00:00.000Z',
  updatedAt: '2026-12-06T10:00:00.000Z',
};
const delivery: WebhookDelivery = {
  id: 'd1',
  subscriptionId: 'w1',
  eventId: 'e1',
  event: 'ping',
  status: 'failed',
  attempts: 1,
  responseStatus: 500,
  durationMs: 12,
  lastError: 'HTTP 500',
  replayOf: null,
  createdAt: '2026-12-06T10:00:00.000Z',
  deliveredAt: null,
};
const page = (items: WebhookDelivery[]) => ({ items, total: items.length, page: 1, pageSize: 10 });

describe(WebhooksStore.name, () => {
  let http: HttpTestingController;
  let sut: WebhooksStore;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [WebhooksStore, provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    sut = TestBed.inject(WebhooksStore);
    const loading = sut.load();
    http.expectOne('/api/v1/webhooks').flush([hook]);
    await loading;
  });

  it('creates: answers the secret once, and keeps it out of the list', async () => {
    const done = sut.create({ url: 'https://dw.example.org/in', events: ['dialogue.published'] });
    http
      .expectOne('/api/v1/webhooks')
      .flush({ ...hook, id: 'w2', url: 'https://dw.example.org/in', secret: 'whsec_abc' });
    expect((await done).secret).toBe('whsec_abc');
    expect(sut.subscriptions().map((s) => s.id)).toEqual(['w1', 'w2']);
    expect(JSON.stringify(sut.subscriptions())).not.toContain('whsec_abc');
  });

  it('sends a test and opens the log with it', async () => {
    const done = sut.sendTest(hook);
    const req = http.expectOne('/api/v1/webhooks/w1/test');
    expect(req.request.method).toBe('POST');
    req.flush({ ...delivery, status: 'pending' });
    await Promise.resolve();
    http.expectOne((r) => r.url === '/api/v1/webhooks/w1/deliveries').flush(page([delivery]));
    expect(await done).toBe(true);
    expect(sut.openId()).toBe('w1');
    expect(sut.log()?.items).toEqual([delivery]);
  });

  it('keeps a refused replay as the problem', async () => {
    const done = sut.replay(delivery);
    http.expectOne('/api/v1/webhooks/w1/deliveries/d1/replay').flush(
      {
        type: 'https://gfmd-dialogues.org/problems/invalid-transition',
        title: 'Unprocessable Content',
        status: 422,
        detail: 'Enable the webhook before replaying its deliveries.',
      },
      { status: 422, statusText: 'Unprocessable Content' },
    );
    expect(await done).toBe(false);
    expect(sut.problem()).toMatchObject({ status: 422 });
    expect(sut.busy().size).toBe(0);
  });

  it('disables and shows the subscription as the API answers it', async () => {
    const done = sut.setActive(hook, false);
    const req = http.expectOne('/api/v1/webhooks/w1');
    expect(req.request.body).toEqual({ active: false });
    req.flush({ ...hook, active: false, disabledReason: 'admin' });
    expect(await done).toBe(true);
    expect(sut.subscriptions()[0]).toMatchObject({ active: false, disabledReason: 'admin' });
  });
});
