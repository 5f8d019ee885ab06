import { AppConfig, inTransaction } from '@gfmd/api-platform';
import { SmtpSink, spawnTypeScript, waitForLine } from '@gfmd/api-testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  createMailTestApp,
  FAST_WORKER,
  MailTestApp,
  obliterateQueues,
  uniquePrefix,
  waitUntil,
  testEmails,
} from '../testing/mail-test-app';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxService } from './outbox/outbox.service';

/** A hang's ceiling for the harness's boot; the waits that follow it have budgets of their own. */
const BOOT_CEILING_MS = 240_000;
jest.setTimeout(BOOT_CEILING_MS + 180_000);

const ROOT = join(__dirname, '../../../../..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });

/** A redis-server of its own on a free port (never the machine's Redis on 6379), without persistence. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'pipe' },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (/Ready to accept connections/i.test(d.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', () => reject(new Error('redis-server exited')));
  });
  return child;
}
const stop = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

const emails = (n: number, run: string) => testEmails(n, run, 'fault', 'Fault test');

describe('Mail delivery under faults (integration)', () => {
  it('keeps writing while Redis is down (rows stay pending) and delivers every email once Redis is back', async () => {
    const sink = await SmtpSink.start();
    const port = await freePort();
    let redis = await startRedis(port);
    const redisUrl = `redis://127.0.0.1:${port}`;
    const sut = await createMailTestApp({ sink, database: 'gfmd_test_mail_faults', env: { REDIS_URL: redisUrl } });
    const outbox = sut.app.get(OutboxService);
    const repo = sut.app.get(OutboxRepository);
    const run = `outage-${randomUUID().slice(0, 8)}`;
    try {
      await stop(redis);
      // "Registrations" while Redis is down: each transaction commits, its emails wait in the outbox.
      const ids: string[] = [];
      for (const batch of [emails(30, run).slice(0, 10), emails(30, run).slice(10, 20), emails(30, run).slice(20)]) {
        ids.push(...(await inTransaction(sut.dataSource, (_m, ac) => outbox.write(ac, batch))));
      }
      expect(ids).toHaveLength(30);
      const rows = await repo.repo.findByIds(ids);
      expect(rows.every((r) => r.status === 'pending')).toBe(true);
      await new Promise((r) => setTimeout(r, 1500));
      expect(sink.received.filter((m) => m.envelope.to[0].startsWith(run))).toHaveLength(0);

      redis = await startRedis(port); // back, and empty: Redis lost everything
      await sink.waitFor(
        () => new Set(sink.received.flatMap((m) => m.envelope.to).filter((t) => t.startsWith(run))).size === 30,
        30_000,
        'all 30',
      );
      await waitUntil(
        async () => (await repo.repo.findByIds(ids)).every((r) => r.status === 'sent'),
        10_000,
        'all sent',
      );
      await new Promise((r) => setTimeout(r, 1500)); // more sweeps: still once each
      expect(sink.received.filter((m) => m.envelope.to[0].startsWith(run))).toHaveLength(30);
    } finally {
      await sut.close();
      await sink.close();
      await stop(redis);
    }
  });

  it('delivers every message after a worker is killed with SIGKILL mid-batch, duplicating at most the rows it held', async () => {
    const sink = await SmtpSink.start();
    sink.delayMs = 40; // a slow relay, so the batch is still running when the worker dies
    const prefix = uniquePrefix();
    // Sent-marks lingering 200 ms: the worker dies with emails accepted and not yet marked `sent`.
    const settings = {
      ...FAST_WORKER,
      concurrency: 10,
      claimAhead: 40,
      sentMarkLingerMs: 200,
      maxUnmarked: 20,
      leaseMs: 3000,
      lockDurationMs: 3000,
    };
    // The API side only (no worker in this process yet).
    const api = await createMailTestApp({
      sink,
      database: 'gfmd_test_mail_faults',
      worker: false,
      env: { QUEUE_PREFIX: prefix },
    });
    const repo = api.app.get(OutboxRepository);
    const run = `kill-${randomUUID().slice(0, 8)}`;
    const total = 200;
    let child: ChildProcess | undefined;
    let survivor: MailTestApp | undefined;
    try {
      const ids = await inTransaction(api.dataSource, (_m, ac) =>
        api.app.get(OutboxService).write(ac, emails(total, run)),
      );
      expect(ids).toHaveLength(total);

      child = spawnTypeScript(join(__dirname, '../testing/worker-harness.ts'), [JSON.stringify(settings)], {
        project: join(ROOT, 'libs/api/mail/tsconfig.json'),
        env: {
          ...process.env,
          DATABASE_URL: api.databaseUrl,
          QUEUE_PREFIX: prefix,
          SMTP_URL: sink.url,
          MAIL_RATE_PER_SECOND: '1000',
          LOG_LEVEL: 'silent',
        },
      });
      // Budgets from readiness, not from the start: the boot (compiling the modules on the fly)
      // took up to 131 s on a loaded machine; sending starts only once the worker is up.
      await waitForLine(child, /^worker-ready$/, BOOT_CEILING_MS, 'the worker harness');
      const mine = () => sink.received.filter((m) => m.envelope.to[0].startsWith(run));
      await sink.waitFor(() => mine().length >= 40, 60_000, 'the child worker to be mid-batch');
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      const deliveredBeforeKill = mine().length;
      const held = (await repo.repo.findByIds(ids)).filter((r) => r.status === 'sending').length;
      expect(deliveredBeforeKill).toBeLessThan(total);
      // The rows of the jobs it ran (a group job claims its rows together: up to MAIL_JOB_GROUP_SIZE
      // each), the rows it had claimed ahead of their jobs (claimAhead), and the emails accepted
      // whose sent-mark had not been committed (maxUnmarked): all still `sending`, leased.
      const groupSize = api.app.get(AppConfig).mailJobGroupSize;
      expect(held).toBeLessThanOrEqual(settings.concurrency * groupSize + settings.claimAhead + settings.maxUnmarked);

      // Another worker takes over: stalled jobs come back after their lock, held rows after their lease.
      survivor = await createMailTestApp({
        sink,
        database: 'gfmd_test_mail_faults',
        worker: settings,
        env: { QUEUE_PREFIX: prefix },
      });
      await waitUntil(
        async () => (await repo.repo.findByIds(ids)).every((r) => r.status === 'sent'),
        60_000,
        'every row sent',
      );
      const recipients = mine().map((m) => m.envelope.to[0]);
      const distinct = new Set(recipients);
      expect(distinct.size).toBe(total);
      const duplicates = recipients.length - distinct.size;
      expect(duplicates).toBeLessThanOrEqual(held);
      // Sent twice only what the server accepted and the worker had not marked: the emails waiting
      // for their marks (maxUnmarked, then each job waits for its own) and the sends in flight (a
      // job sends one row at a time, a group's too), never a group's rows still waiting their turn.
      expect(duplicates).toBeLessThanOrEqual(settings.maxUnmarked + 2 * settings.concurrency);
      // The same Message-ID on a duplicate lets the receiving side recognise it.
      const byRecipient = new Map<string, Set<string>>();
      for (const m of mine())
        byRecipient.set(m.envelope.to[0], (byRecipient.get(m.envelope.to[0]) ?? new Set()).add(m.parsed.messageId!));
      expect([...byRecipient.values()].every((s) => s.size === 1)).toBe(true);
      process.stdout.write(
        `SIGKILL test: delivered before kill ${deliveredBeforeKill}, held ${held}, duplicates ${duplicates}, connections reset ${sink.connectionErrors.length}\n`,
      );
    } finally {
      if (child && child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
      await survivor?.close();
      await api.close();
      await sink.close();
      await obliterateQueues(prefix);
    }
  });
});
