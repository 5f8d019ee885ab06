import type { DynamicModule, Type } from '@nestjs/common';
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { PlatformModule } from '@gfmd/api-platform';
import {
  createTestApp,
  obliterateQueues as obliterateTestQueues,
  ownDatabaseUrl,
  type SmtpSink,
  type TestApp,
  withEnv,
} from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { inTransaction } from '@gfmd/api-platform';
import { OutboxService, type OutgoingEmail } from '../lib/outbox/outbox.service';
import { MailModule } from '../lib/mail.module';
import { QueueName } from '../lib/queue/queue.constants';
import { MailWorkerModule } from '../lib/worker/mail-worker.module';
import type { MailWorkerSettings } from '../lib/worker/mail-worker.settings';

/** Shared with specs that import them from here. */
export { ownDatabaseUrl, waitUntil, withEnv } from '@gfmd/api-testing';

/** Short timings so that recovery paths (stalled jobs, sweep, leases) run within a test. */
export const FAST_WORKER: Partial<MailWorkerSettings> = {
  concurrency: 10,
  sweepIntervalMs: 1000,
  pendingGraceMs: 300,
  leaseMs: 4000,
  lockDurationMs: 4000,
  stalledIntervalMs: 1000,
  heartbeatIntervalMs: 500,
};

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
  const env = {
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: prefix,
    SMTP_URL: options.sink.url,
    MAIL_RATE_PER_SECOND: '1000',
    ...(options.env ?? {}),
  };
  const app = await withEnv(env, () =>
    createTestApp([
      PlatformModule,
      AuthModule,
      MailModule,
      DialoguesModule,
      ...(options.modules ?? []),
      ...(options.worker === false ? [] : [MailWorkerModule.forRoot({ ...FAST_WORKER, ...options.worker })]),
    ]),
  );
  await app.app.get(SeedService).seedProcess(); // themes and sessions, for DialogueFactory
  return { ...app, prefix, databaseUrl };
}

/** Removes every key of a test prefix from Redis. */
export const obliterateQueues = (prefix: string) => obliterateTestQueues(prefix, Object.values(QueueName));

/** `n` confirmation emails to `<run>-<i>@test.gfmd` in turn in en, fr and es; idempotency keys `<key>:<run>:<i>`. */
export const testEmails = (n: number, run: string, key: string, dialogueTitle: string): OutgoingEmail[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'confirmation',
    to: `${run}-${i}@test.gfmd`,
    language: (['en', 'fr', 'es'] as const)[i % 3],
    idempotencyKey: `${key}:${run}:${i}`,
    params: { dialogueTitle },
  }));

/** Writes outbox rows in one transaction, as a domain does (their jobs are added after commit). */
export const writeEmails = (app: MailTestApp, list: OutgoingEmail[], options?: { byWorker?: boolean }) =>
  inTransaction(app.dataSource, (_m, ac) => app.app.get(OutboxService).write(ac, list, options));
