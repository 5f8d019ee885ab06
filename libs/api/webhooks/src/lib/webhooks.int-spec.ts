// Webhooks (real PostgreSQL, Redis, BullMQ worker in process and a real HTTP receiver): the
// signature checked by docs/webhooks.md's own snippet, retries, timeouts, redirects, disabling
// with the admins told, replay, refused URLs, the event written in the change's transaction, and
// personal fields only for the subscriptions marked for them.
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule, OutboxService } from '@gfmd/api-mail';
import { AppConfig, DomainEvents, inTransaction, PlatformModule } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import {
  type ApiClient,
  type ApiResponse,
  createTestApp,
  DialogueFactory,
  obliterateQueues,
  ownDatabaseUrl,
  type TestApp,
  waitUntil,
  withEnv,
} from '@gfmd/api-testing';
import type { WebhookCreated, WebhookDelivery } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebhooksModule, WebhooksWorkerModule } from './webhooks.module';
import { WebhooksWorker } from './webhooks-worker';

jest.setTimeout(90_000);

/** The verification snippet of docs/webhooks.md, evaluated as a receiver would paste it. */
function documentedVerifier(): (secret: string, header: string, body: string) => boolean {
  const doc = readFileSync(join(__dirname, '../../../../../docs/webhooks.md'), 'utf8');
  const block = /<!-- verify-snippet:start -->\s*```js\n([\s\S]*?)```\s*<!-- verify-snippet:end -->/.exec(doc);
  if (!block) throw new Error('no verification snippet in docs/webhooks.md');
  return new Function('require', `${block[1]}\nreturn verifyGfmdSignature;`)(require);
}

interface Received {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1: /ok 204, /fail 500, /flaky/<n> 500 n times then 200, /hang never answers, /redirect 302 → /ok. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const flaky = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, method: req.method ?? '', headers: req.headers, body });
      if (path.startsWith('/ok')) return void res.writeHead(204).end();
      if (path.startsWith('/fail')) return void res.writeHead(500).end('boom');
      if (path.startsWith('/redirect')) return void res.writeHead(302, { location: '/ok-redirected' }).end();
      if (path.startsWith('/hang')) return; // never answers
      const m = /^\/flaky\/(\d+)/.exec(path);
      if (m) {
        const seen = (flaky.get(path) ?? 0) + 1;
        flaky.set(path, seen);
        return void res.writeHead(seen <= Number(m[1]) ? 500 : 200).end('{}');
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('Webhooks (integration: outbox → BullMQ → worker → HTTP receiver)', () => {
  const prefix = `{gfmd-test-wh-${randomUUID().slice(0, 8)}}`;
  let sut: TestApp;
  let admin: ApiClient;
  let adminEmail: string;
  let organizer: ApiClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const verify = documentedVerifier();

  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    sut.dataSource.query(text, params) as Promise<T[]>;
  const expectProblem = (res: ApiResponse, status: number) => {
    expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({
      status,
      type: expect.stringContaining('application/problem+json'),
    });
  };
  const subscribe = async (path: string, events: string[], over: Record<string, unknown> = {}) => {
    const res = await admin.post<WebhookCreated>('/webhooks', { url: `${receiver.url}${path}`, events, ...over });
    if (res.status !== 201) throw new Error(`subscribe: ${res.status} ${res.text}`);
    return res.body;
  };
  const deliveries = async (id: string) =>
    (await admin.get<{ items: WebhookDelivery[] }>(`/webhooks/${id}/deliveries?pageSize=100`)).body.items;
  const settled = (d: WebhookDelivery) => ['delivered', 'failed', 'cancelled'].includes(d.status);
  const waitForDeliveries = async (id: string, n: number, what: string) => {
    await waitUntil(
      async () => {
        const all = await deliveries(id);
        return all.length >= n && all.every(settled);
      },
      30_000,
      what,
    );
    return deliveries(id);
  };
  const at = (path: string) => receiver.received.filter((r) => r.path === path);
  const recordCommitted = (event: 'dialogue.shifted' | 'dialogue.cancelled', data: Record<string, unknown>) =>
    inTransaction(sut.dataSource, (_m, afterCommit) => sut.app.get(DomainEvents).record(event, { data }, afterCommit));

  beforeAll(async () => {
    receiver = await startReceiver();
    const databaseUrl = await ownDatabaseUrl('gfmd_test_webhooks');
    sut = await withEnv(
      {
        DATABASE_URL: databaseUrl,
        QUEUE_PREFIX: prefix,
        WEBHOOKS_ALLOW_PRIVATE: 'true',
        WEBHOOKS_ALLOW_HTTP: 'true',
        WEBHOOKS_TIMEOUT_MS: '800',
        WEBHOOKS_ATTEMPTS: '3',
        WEBHOOKS_BACKOFF_MS: '100',
        WEBHOOKS_DISABLE_AFTER: '2',
        RATE_LIMIT_PER_MINUTE: '100000',
        RATE_LIMIT_REGISTER_PER_MINUTE: '100000',
      },
      () =>
        createTestApp([
          PlatformModule,
          AuthModule,
          MailModule,
          DialoguesModule,
          SpacesModule,
          RegistrationsModule,
          WebhooksModule,
          WebhooksWorkerModule,
        ]),
    );
    await sut.app.get(SeedService).seedProcess();
    const a = await sut.staff('admin');
    admin = a.client;
    adminEmail = a.email;
    organizer = (await sut.staff('organizer')).client;
  });

  beforeEach(async () => {
    await q('DELETE FROM webhook_subscriptions');
    receiver.received.length = 0;
  });

  afterAll(async () => {
    await sut?.close();
    receiver?.server.closeAllConnections();
    await new Promise((resolve) => receiver?.server.close(resolve));
    await obliterateQueues(prefix, ['webhooks']);
  });

  describe('bad input', () => {
    it.each([
      ['a URL that is not one', { url: 'not a url', events: ['dialogue.published'] }],
      ['another scheme', { url: 'ftp://example.org/hook', events: ['dialogue.published'] }],
      ['credentials in the URL', { url: 'https://user:pw@example.org/hook', events: ['dialogue.published'] }],
      ['an unknown event', { url: 'https://example.org/hook', events: ['dialogue.exploded'] }],
      ['no events', { url: 'https://example.org/hook', events: [] }],
      ['events twice', { url: 'https://example.org/hook', events: ['ping', 'ping'] }],
      ['events not a list', { url: 'https://example.org/hook', events: 'dialogue.published' }],
      ['no URL', { events: ['dialogue.published'] }],
      ['a null URL', { url: null, events: ['dialogue.published'] }],
      ['an unknown field', { url: 'https://example.org/hook', events: ['dialogue.published'], secret: 'mine' }],
      [
        'personal data not a boolean',
        { url: 'https://example.org/hook', events: ['dialogue.published'], includePersonalData: 'yes' },
      ],
      ['a URL too long', { url: `https://example.org/${'a'.repeat(2100)}`, events: ['dialogue.published'] }],
    ])('refuses %s with problem+json 400', async (_what, body) => {
      expectProblem(await admin.post('/webhooks', body), 400);
    });

    it('refuses a bad PATCH, a bad id, an unknown one, and a bad page with 400/404, never 500', async () => {
      const sub = await subscribe('/ok', ['dialogue.published']);
      expectProblem(await admin.patch(`/webhooks/${sub.id}`, { events: ['nope'] }), 400);
      expectProblem(await admin.patch(`/webhooks/${sub.id}`, { url: 'gopher://x' }), 400);
      expectProblem(await admin.patch(`/webhooks/${sub.id}`, { active: 'no' }), 400);
      expectProblem(await admin.get('/webhooks/not-a-uuid'), 404);
      expectProblem(await admin.get(`/webhooks/${randomUUID()}`), 404);
      expectProblem(await admin.get(`/webhooks/${sub.id}/deliveries?page=0`), 400);
      expectProblem(await admin.get(`/webhooks/${sub.id}/deliveries?status=lost`), 400);
      expectProblem(await admin.post(`/webhooks/${sub.id}/deliveries/${randomUUID()}/replay`), 404);
    });

    it('is for admins only', async () => {
      expect((await organizer.get('/webhooks')).status).toBe(403);
      expect((await sut.api.get('/webhooks')).status).toBe(401);
    });

    it('refuses private, loopback and link-local receivers, and http, unless the settings allow them', async () => {
      const config = sut.app.get(AppConfig);
      const real = config.webhooks;
      const spy = jest
        .spyOn(config, 'webhooks', 'get')
        .mockReturnValue({ ...real, allowPrivate: false, allowHttp: false });
      try {
        for (const url of [
          'https://127.0.0.1/hook',
          'https://localhost/hook',
          'https://[::1]/hook',
          'https://169.254.169.254/latest/meta-data',
          'https://10.1.2.3/hook',
          'https://192.168.1.10/hook',
          'https://[::ffff:127.0.0.1]/hook',
          'https://[fe80::1]/hook',
          'http://example.org/hook',
        ]) {
          const res = await admin.post('/webhooks', { url, events: ['dialogue.published'] });
          expectProblem(res, 400);
          expect(res.body.errors).toEqual([expect.objectContaining({ field: 'url', code: 'isPublicUrl' })]);
        }
        // A name resolving to loopback is refused at connect time too (the worker's lookup).
        const sub = await q<{ id: string }>(
          `INSERT INTO webhook_subscriptions (url, events, secret) VALUES ($1, '{dialogue.cancelled}', 's') RETURNING id`,
          [`${receiver.url.replace('127.0.0.1', 'localhost')}/ok`],
        );
        await recordCommitted('dialogue.cancelled', { dialogueId: randomUUID() });
        const [d] = await waitForDeliveries(sub[0].id, 1, 'the refused delivery');
        expect(d).toMatchObject({
          status: 'failed',
          responseStatus: null,
          lastError: expect.stringContaining('not public'),
        });
        expect(at('/ok')).toHaveLength(0);
      } finally {
        spy.mockRestore();
      }
      // With the settings (as in this spec), the local receiver is accepted.
      expect(
        (await admin.post('/webhooks', { url: `${receiver.url}/ok`, events: ['dialogue.published'] })).status,
      ).toBe(201);
    });
  });

  it('shows the secret once, and signs a test ping the documented snippet verifies', async () => {
    const sub = await subscribe('/ok', ['dialogue.published'], { description: 'CRM' });
    expect(sub.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const shown = await admin.get(`/webhooks/${sub.id}`);
    expect(shown.text).not.toContain(sub.secret);
    expect((await admin.get('/webhooks')).text).not.toContain(sub.secret);

    const test = await admin.post<WebhookDelivery>(`/webhooks/${sub.id}/test`);
    expect(test.status).toBe(202);
    const [d] = await waitForDeliveries(sub.id, 1, 'the ping');
    expect(d).toMatchObject({ id: test.body.id, event: 'ping', status: 'delivered', attempts: 1, responseStatus: 204 });
    expect(d.durationMs).toEqual(expect.any(Number));
    const [req] = at('/ok');
    expect(req.headers['x-gfmd-event']).toBe('ping');
    expect(req.headers['x-gfmd-delivery']).toBe(d.id);
    const header = String(req.headers['x-gfmd-signature']);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verify(sub.secret, header, req.body)).toBe(true);
    // Control: the snippet refuses a changed body, another secret, and an old timestamp.
    expect(verify(sub.secret, header, req.body.replace('ping', 'pong'))).toBe(false);
    expect(verify(`${sub.secret}x`, header, req.body)).toBe(false);
    const old = header.replace(/^t=\d+/, `t=${Math.floor(Date.now() / 1000) - 3600}`);
    expect(verify(sub.secret, old, req.body)).toBe(false);
    expect(JSON.parse(req.body)).toMatchObject({ id: d.id, event: 'ping', data: { subscriptionId: sub.id } });

    // A rotated secret signs from then on; the old one no longer verifies.
    const rotated = await admin.post<WebhookCreated>(`/webhooks/${sub.id}/secret`);
    expect(rotated.body.secret).not.toBe(sub.secret);
    await admin.post(`/webhooks/${sub.id}/test`);
    await waitForDeliveries(sub.id, 2, 'the second ping');
    const second = at('/ok')[1];
    expect(verify(rotated.body.secret, String(second.headers['x-gfmd-signature']), second.body)).toBe(true);
    expect(verify(sub.secret, String(second.headers['x-gfmd-signature']), second.body)).toBe(false);
  });

  it('writes the event in the transaction of the change: a real change sends it, a rolled-back one writes nothing', async () => {
    const sub = await subscribe('/ok', ['dialogue.published', 'dialogue.cancelled', 'dialogue.shifted']);
    const d = await DialogueFactory.createPublished(organizer);
    await waitForDeliveries(sub.id, 1, 'dialogue.published');
    const published = at('/ok').map((r) => JSON.parse(r.body));
    expect(published).toEqual([
      expect.objectContaining({
        event: 'dialogue.published',
        data: expect.objectContaining({ dialogueId: d.id, title: d.title }),
      }),
    ]);

    const before = (await q<{ n: number }>('SELECT count(*)::int AS n FROM webhook_outbox'))[0].n;
    await expect(
      inTransaction(sut.dataSource, async (_m, afterCommit) => {
        await sut.app.get(DomainEvents).record('dialogue.cancelled', { data: { dialogueId: d.id } }, afterCommit);
        throw new Error('the change fails after its event');
      }),
    ).rejects.toThrow('the change fails');
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM webhook_outbox'))[0].n).toBe(before);

    // A move of the published dialogue: shifted, with where it was.
    const startsAt = new Date(new Date(d.startsAt).getTime() + 86_400_000).toISOString();
    const endsAt = new Date(new Date(d.endsAt).getTime() + 86_400_000).toISOString();
    expect((await organizer.patch(`/dialogues/${d.id}`, { startsAt, endsAt })).status).toBe(200);
    await waitForDeliveries(sub.id, 2, 'dialogue.shifted');
    expect(JSON.parse(at('/ok')[1].body)).toMatchObject({
      event: 'dialogue.shifted',
      data: { dialogueId: d.id, startsAt, previousStartsAt: d.startsAt },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(at('/ok')).toHaveLength(2); // nothing of the rolled-back change
  });

  it('sends personal fields only to the subscription marked for them', async () => {
    const plain = await subscribe('/ok-plain', ['registration.created']);
    const personal = await subscribe('/ok-personal', ['registration.created'], { includePersonalData: true });
    const d = await DialogueFactory.createPublished(organizer);
    const email = `p-${randomUUID()}@example.org`;
    const res = await sut.api.post(`/dialogues/${d.id}/registrations`, {
      email,
      firstName: 'Amina',
      lastName: 'Diallo',
      organization: 'Migrant Forum',
      stakeholderGroup: 'civil_society',
      country: 'SN',
      preferredLanguage: 'fr',
      consent: true,
    });
    expect(res.status).toBe(201);
    await waitForDeliveries(plain.id, 1, 'the plain delivery');
    await waitForDeliveries(personal.id, 1, 'the personal delivery');
    const [withoutPd] = at('/ok-plain');
    const [withPd] = at('/ok-personal');
    for (const r of [withoutPd, withPd]) {
      expect(JSON.parse(r.body)).toMatchObject({
        event: 'registration.created',
        data: {
          registrationId: res.body.id,
          dialogueId: d.id,
          status: 'confirmed',
          stakeholderGroup: 'civil_society',
          country: 'SN',
        },
      });
    }
    for (const word of [email, 'Amina', 'Diallo', 'Migrant Forum']) expect(withoutPd.body).not.toContain(word);
    expect(JSON.parse(withPd.body).data).toMatchObject({
      email,
      firstName: 'Amina',
      lastName: 'Diallo',
      organization: 'Migrant Forum',
    });
    // One event, two deliveries: the same eventId, their own delivery ids.
    expect(JSON.parse(withPd.body).eventId).toBe(JSON.parse(withoutPd.body).eventId);
    expect(withPd.headers['x-gfmd-delivery']).not.toBe(withoutPd.headers['x-gfmd-delivery']);

    // The stored payload is the person's data too: listed by their export, erased with them.
    const exported = await admin.get(`/participants/export?email=${encodeURIComponent(email)}`);
    expect(exported.body.webhookDeliveries).toEqual([
      expect.objectContaining({ event: 'registration.created', data: expect.objectContaining({ email }) }),
    ]);
    expect((await admin.delete(`/participants?email=${encodeURIComponent(email)}`)).status).toBe(200);
    const stored = await q<{ data: Record<string, unknown> }>(
      `SELECT payload->'data' AS data FROM webhook_outbox WHERE subscription_id = $1`,
      [personal.id],
    );
    expect(stored).toEqual([{ data: expect.objectContaining({ registrationId: res.body.id, country: 'SN' }) }]);
    expect(JSON.stringify(stored)).not.toMatch(/Amina|Diallo|Migrant Forum|example\.org/);
  });

  it('sends registration.changed and registration.cancelled from the manage link, and changed from a staff decision', async () => {
    const sub = await subscribe('/ok-lifecycle', ['registration.changed', 'registration.cancelled']);
    const d = await DialogueFactory.createPublished(organizer, { approvalRequired: true });
    const res = await sut.api.post(`/dialogues/${d.id}/registrations`, {
      email: `p-${randomUUID()}@example.org`,
      firstName: 'Lena',
      lastName: 'Haddad',
      organization: 'Academia Network',
      stakeholderGroup: 'academia',
      country: 'LB',
      preferredLanguage: 'en',
      consent: true,
    });
    expect(res.body.status).toBe('pending');
    const [row] = await q<{ id: string }>('SELECT id FROM outbound_emails WHERE registration_id = $1', [res.body.id]);
    const email = await sut.app.get(OutboxService).contentOf(row.id);
    const token = /\/manage\/([A-Za-z0-9_-]{40,})/.exec(`${email?.text}`)?.[1];
    expect(token).toBeDefined();

    expect(
      (await sut.api.patch(`/registrations/manage/${token}`, { organization: 'Academia Network II' })).status,
    ).toBe(200);
    expect((await organizer.post(`/registrations/${res.body.id}/approve`)).status).toBe(200);
    expect((await sut.api.post(`/registrations/manage/${token}/cancel`)).status).toBe(200);
    await waitForDeliveries(sub.id, 3, 'the three lifecycle deliveries');
    const events = at('/ok-lifecycle')
      .map((r) => JSON.parse(r.body))
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    expect(events.map((e) => [e.event, e.data.status])).toEqual([
      ['registration.changed', 'pending'],
      ['registration.changed', 'confirmed'],
      ['registration.cancelled', 'cancelled'],
    ]);
    expect(events.every((e) => e.data.registrationId === res.body.id && e.data.email === undefined)).toBe(true);
  });

  it('retries a receiver answering 500 with the same delivery id until it succeeds', async () => {
    const sub = await subscribe('/flaky/2', ['dialogue.shifted']);
    await recordCommitted('dialogue.shifted', { dialogueId: randomUUID() });
    const [d] = await waitForDeliveries(sub.id, 1, 'the flaky delivery');
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, responseStatus: 200 });
    const tries = at('/flaky/2');
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((t) => t.headers['x-gfmd-delivery']))).toEqual(new Set([d.id]));
    expect(tries.every((t) => verify(sub.secret, String(t.headers['x-gfmd-signature']), t.body))).toBe(true);
    expect((await admin.get(`/webhooks/${sub.id}`)).body).toMatchObject({ active: true, consecutiveFailures: 0 });
  });

  it('times out a receiver that hangs, and fails a redirect without following it', async () => {
    const hang = await subscribe('/hang', ['dialogue.shifted']);
    const redirect = await subscribe('/redirect', ['dialogue.shifted']);
    const started = Date.now();
    await recordCommitted('dialogue.shifted', { dialogueId: randomUUID() });
    const [h] = await waitForDeliveries(hang.id, 1, 'the hanging delivery');
    expect(h).toMatchObject({ status: 'failed', attempts: 3, responseStatus: null });
    expect(h.lastError).toContain('timed out');
    expect(Date.now() - started).toBeLessThan(20_000);
    const [r] = await waitForDeliveries(redirect.id, 1, 'the redirected delivery');
    expect(r).toMatchObject({ status: 'failed', attempts: 3, responseStatus: 302 });
    expect(r.lastError).toContain('redirect');
    expect(at('/redirect')).toHaveLength(3);
    expect(at('/ok-redirected')).toHaveLength(0);
  });

  it('disables a subscription after deliveries fail in a row, tells the admins, and replays once enabled', async () => {
    const sub = await subscribe('/fail', ['dialogue.cancelled']);
    await recordCommitted('dialogue.cancelled', { dialogueId: randomUUID() });
    await waitForDeliveries(sub.id, 1, 'the first failed delivery');
    expect((await admin.get(`/webhooks/${sub.id}`)).body).toMatchObject({ active: true, consecutiveFailures: 1 });
    await recordCommitted('dialogue.cancelled', { dialogueId: randomUUID() });
    const failed = await waitForDeliveries(sub.id, 2, 'the second failed delivery');
    expect(failed.map((d) => [d.status, d.attempts, d.responseStatus, d.lastError])).toEqual([
      ['failed', 3, 500, 'HTTP 500'],
      ['failed', 3, 500, 'HTTP 500'],
    ]);
    expect((await admin.get(`/webhooks/${sub.id}`)).body).toMatchObject({
      active: false,
      disabledReason: 'failures',
      consecutiveFailures: 2,
    });
    const emails = await q<{ recipient: string; subject: string }>(
      `SELECT recipient, subject FROM outbound_emails WHERE kind = 'webhook_disabled' AND recipient = $1`,
      [adminEmail],
    );
    expect(emails).toEqual([{ recipient: adminEmail, subject: `A webhook was disabled: ${receiver.url}` }]);

    // Disabled: new events are not written for it, and a replay is refused until it is enabled.
    await recordCommitted('dialogue.cancelled', { dialogueId: randomUUID() });
    expect(await deliveries(sub.id)).toHaveLength(2);
    expectProblem(await admin.post(`/webhooks/${sub.id}/deliveries/${failed[0].id}/replay`), 422);

    const enabled = await admin.patch(`/webhooks/${sub.id}`, { url: `${receiver.url}/ok-fixed`, active: true });
    expect(enabled.body).toMatchObject({ active: true, disabledReason: null, consecutiveFailures: 0 });
    const replay = await admin.post<WebhookDelivery>(`/webhooks/${sub.id}/deliveries/${failed[0].id}/replay`);
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ replayOf: failed[0].id, eventId: failed[0].eventId });
    const all = await waitForDeliveries(sub.id, 3, 'the replay');
    expect(all.find((d) => d.id === replay.body.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    const [got] = at('/ok-fixed');
    expect(JSON.parse(got.body)).toMatchObject({
      id: replay.body.id,
      eventId: failed[0].eventId,
      event: 'dialogue.cancelled',
    });
    expect(got.headers['x-gfmd-delivery']).toBe(replay.body.id);

    // Disabled by an admin: its unsent deliveries are cancelled; deleting removes it and its log.
    expect((await admin.patch(`/webhooks/${sub.id}`, { active: false })).body).toMatchObject({
      active: false,
      disabledReason: 'admin',
    });
    expect((await admin.delete(`/webhooks/${sub.id}`)).status).toBe(204);
    expect(await q('SELECT 1 FROM webhook_outbox WHERE subscription_id = $1', [sub.id])).toEqual([]);
  });

  it('gives a job back to a delivery left behind (Redis lost it) on the sweep', async () => {
    const sub = await subscribe('/ok-swept', ['dialogue.shifted']);
    // Written without an after-commit enqueue, and old enough to count as left behind.
    await inTransaction(sut.dataSource, () =>
      sut.app.get(DomainEvents).record('dialogue.shifted', { data: { dialogueId: randomUUID() } }),
    );
    await q(`UPDATE webhook_outbox SET updated_at = now() - interval '5 minutes' WHERE subscription_id = $1`, [sub.id]);
    expect(await sut.app.get(WebhooksWorker).sweep()).toBe(1);
    const [d] = await waitForDeliveries(sub.id, 1, 'the swept delivery');
    expect(d.status).toBe('delivered');
  });
});
