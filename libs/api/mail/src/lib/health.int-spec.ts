import { inTransaction } from '@gfmd/api-platform';
import { SmtpSink } from '@gfmd/api-testing';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { createMailTestApp, MailTestApp, obliterateQueues, waitUntil } from '../testing/mail-test-app';
import { freePort, startRedisServer, stopProcess } from '../testing/redis-server';
import { WorkerHeartbeat } from './health/worker-heartbeat';
import { OutboxService } from './outbox/outbox.service';

jest.setTimeout(90_000);

describe('Health probes (integration)', () => {
  describe('with a worker in process', () => {
    let sink: SmtpSink;
    let sut: MailTestApp;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      sut = await createMailTestApp({ sink, database: 'gfmd_test_health' });
    });
    afterAll(async () => {
      await sut?.close();
      await obliterateQueues(sut.prefix);
      await sink?.close();
    });

    it('GET /health: the full report, with the worker heartbeat (alive count and last beat)', async () => {
      await waitUntil(async () => (await sut.api.get('/health')).body.worker?.alive === 1, 10_000, 'a live worker');
      const res = await sut.api.get('/health');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.body).toMatchObject({
        status: 'ok',
        db: 'up',
        redis: 'up',
        mailQueue: expect.any(Object),
        outbox: expect.any(Object),
        worker: { alive: 1, lastBeat: expect.any(String) },
      });
      expect(Date.now() - Date.parse(res.body.worker.lastBeat)).toBeLessThan(5_000);
      // Beats every interval (500 ms here): the last beat moves on.
      const first = res.body.worker.lastBeat;
      await waitUntil(async () => (await sut.api.get('/health')).body.worker.lastBeat !== first, 5_000, 'a newer beat');
    });

    it('a worker that stops is counted out at once; one that goes silent, after the TTL', async () => {
      const heartbeat = sut.app.get(WorkerHeartbeat);
      await heartbeat.beforeApplicationShutdown();
      expect((await sut.api.get('/health')).body.worker).toMatchObject({ alive: 0 });
      // A beat from 31 s ago (a worker that died without a word) does not count.
      await heartbeat.beat(Date.now() - 31_000);
      expect((await sut.api.get('/health')).body.worker).toMatchObject({ alive: 0 });
      await heartbeat.beat();
      expect((await sut.api.get('/health')).body.worker).toMatchObject({ alive: 1 });
    });

    it('GET /health/live and /health/ready answer 200 when all is up', async () => {
      const live = await sut.api.get('/health/live');
      expect(live.status).toBe(200);
      expect(live.body).toEqual({ status: 'ok' });
      const ready = await sut.api.get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
      expect(ready.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('with Redis, then PostgreSQL, down', () => {
    let sink: SmtpSink;
    let redis: ChildProcess;
    let sut: MailTestApp;
    let admin: Client;
    let database = '';
    let port = 0;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      port = await freePort();
      redis = await startRedisServer(port);
      sut = await createMailTestApp({
        sink,
        database: 'gfmd_test_health_faults',
        env: { REDIS_URL: `redis://127.0.0.1:${port}` },
      });
      database = new URL(sut.databaseUrl).pathname.slice(1);
      const url = new URL(sut.databaseUrl);
      url.pathname = '/postgres';
      admin = new Client({ connectionString: url.toString() });
      await admin.connect();
    });
    afterAll(async () => {
      await admin?.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin?.end().catch(() => undefined);
      if (redis) await stopProcess(redis);
      if (sut) {
        // Redis back, and an email delivered: the in-process worker's BullMQ connections are up
        // again, so it closes cleanly (closing it while it reconnects hangs).
        redis = await startRedisServer(port);
        const to = `health-${Date.now()}@test.gfmd`;
        await inTransaction(sut.dataSource, (_m, ac) =>
          sut.app.get(OutboxService).write(ac, [
            {
              kind: 'confirmation',
              to,
              language: 'en',
              idempotencyKey: `health:${to}`,
              params: { dialogueTitle: 'Health' },
            },
          ]),
        );
        await sink.waitFor(
          () => sink.received.some((r) => r.envelope.to.includes(to)),
          30_000,
          'an email after Redis came back',
        );
        await sut.close();
      }
      await sink?.close();
      await stopProcess(redis);
    });

    it('Redis down: /health is 503 (redis down); /health/ready stays 200 with redis "degraded"; /health/live 200', async () => {
      await stopProcess(redis);
      const full = await sut.api.get('/health');
      expect(full.status).toBe(503);
      expect(full.body).toMatchObject({ status: 'error', db: 'up', redis: 'down' });
      const ready = await sut.api.get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: 'degraded', db: 'up', redis: 'degraded' });
      expect((await sut.api.get('/health/live')).status).toBe(200);
    });

    it('PostgreSQL down as well: /health/ready is 503; /health/live still 200', async () => {
      await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [database],
      );
      const ready = await sut.api.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'error', db: 'down' });
      expect(ready.headers.get('content-type')).toMatch(/json/);
      const live = await sut.api.get('/health/live');
      expect(live.status).toBe(200);
      await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
      await waitUntil(async () => (await sut.api.get('/health/ready')).status === 200, 10_000, 'ready again');
    });
  });
});
