import type { DynamicModule, Type } from '@nestjs/common';
import { AuthModule } from '@gfmd/api-auth';
import { SeedService } from '@gfmd/api-dialogues';
import { PlatformModule } from '@gfmd/api-platform';
import { createTestApp, type SmtpSink, type TestApp } from '@gfmd/api-testing';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { MailModule } from '../lib/mail.module';
import { QueueName } from '../lib/queue/queue.constants';
import { MailWorkerModule } from '../lib/worker/mail-worker.module';
import type { MailWorkerSettings } from '../lib/worker/mail-worker.settings';

/** Short timings so that recovery paths (stalled jobs, sweep, leases) run within a test. */
export const FAST_WORKER: Partial<MailWorkerSettings> = {
  concurrency: 10,
  sweepIntervalMs: 1000,
  pendingGraceMs: 300,
  leaseMs: 4000,
  lockDurationMs: 4000,
  stalledIntervalMs: 1000,
};

/** AppConfig reads the environment when the app is built; these values apply to that app only. */
export async function withEnv<T>(env: Record<string, string>, build: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await build();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/**
 * A database of its own for a spec file: the outbox sweep of an in-process worker takes up every
 * unsent row of its database, so specs that run workers must not share one with other specs.
 */
export async function ownDatabaseUrl(name: string): Promise<string> {
  const url = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gfmd_test');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((e: Error) => {
      if (!/already exists/.test(e.message)) throw e;
    });
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

export const uniquePrefix = () => `{gfmd-test-${randomUUID().slice(0, 8)}}`;

export interface MailTestApp extends TestApp {
  prefix: string;
  databaseUrl: string;
}

/** The API modules + (unless `worker: false`) the worker in process, on a queue prefix of its own, mailing to `sink`. */
export async function createMailTestApp(options: {
  sink: SmtpSink;
  /** Own database name (see ownDatabaseUrl). */
  database: string;
  modules?: (Type | DynamicModule)[];
  worker?: Partial<MailWorkerSettings> | false;
  env?: Record<string, string>;
}): Promise<MailTestApp> {
  const prefix = options.env?.['QUEUE_PREFIX'] ?? uniquePrefix();
  const databaseUrl = await ownDatabaseUrl(options.database);
  const env = { DATABASE_URL: databaseUrl, QUEUE_PREFIX: prefix, SMTP_URL: options.sink.url, MAIL_RATE_PER_SECOND: '1000', ...(options.env ?? {}) };
  const app = await withEnv(env, () =>
    createTestApp([
      PlatformModule,
      AuthModule,
      MailModule,
      ...(options.modules ?? []),
      ...(options.worker === false ? [] : [MailWorkerModule.forRoot({ ...FAST_WORKER, ...options.worker })]),
    ]),
  );
  await app.app.get(SeedService).seedProcess(); // themes and sessions, for DialogueFactory
  return { ...app, prefix, databaseUrl };
}

/** Removes every key of a test prefix from Redis. */
export async function obliterateQueues(prefix: string, redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379') {
  for (const name of Object.values(QueueName)) {
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(name, { connection, prefix });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await connection.quit();
  }
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
