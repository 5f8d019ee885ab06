// Release jobs (docs/performance.md, "Registration rush", session 12): a write of several rows
// with `byWorker` adds one job for the worker instead of one send job per row, and the worker
// adds the send jobs. What must hold: each row gets one send job (its own or a group's; a release
// retried after a failure part-way adds no second one), every email goes out
// exactly once, and a single row still gets its own job at once.
import { AppConfig } from '@gfmd/api-platform';
import { SmtpSink } from '@gfmd/api-testing';
import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import {
  createMailTestApp,
  MailTestApp,
  obliterateQueues,
  waitUntil,
  testEmails,
  writeEmails,
} from '../testing/mail-test-app';
import { OutboxRepository } from './outbox/outbox.repository';
import type { OutgoingEmail } from './outbox/outbox.service';
import { MailQueue } from './queue/mail-queue';
import { JobName, QueueName, ReleaseEmailsJob, SendEmailJob, SendEmailsJob } from './queue/queue.constants';
import { ReleaseEmailsHandler } from './worker/release-emails.handler';

jest.setTimeout(120_000);

const DATABASE = 'gfmd_test_mail_release';

const emails = (n: number, run: string) => testEmails(n, run, 'release', 'Release test');

const write = (app: MailTestApp, list: OutgoingEmail[]) => writeEmails(app, list, { byWorker: true });

describe('Release jobs: the worker adds the send jobs of a batch (integration)', () => {
  it('adds one release job for a batch, whose handler gives each row one send job (its own or a group’s), none twice when retried', async () => {
    const sink = await SmtpSink.start();
    const sut = await createMailTestApp({ sink, database: DATABASE, worker: false });
    const redis = new Redis(sut.app.get(AppConfig).redisUrl, { maxRetriesPerRequest: 1 });
    const maintenance = new Queue<ReleaseEmailsJob>(QueueName.Maintenance, { connection: redis, prefix: sut.prefix });
    const mail = sut.app.get(MailQueue).queue;
    try {
      const ids = await write(sut, emails(20, `batch-${randomUUID().slice(0, 8)}`));
      let releases: Job<ReleaseEmailsJob>[] = [];
      await waitUntil(
        async () => (releases = await maintenance.getJobs(['waiting'])).length > 0,
        10_000,
        'the release job',
      );
      expect(releases).toHaveLength(1);
      expect(releases[0].name).toBe(JobName.ReleaseEmails);
      expect(releases[0].data.rows.map((r) => r.id).sort()).toEqual([...ids].sort());
      // Ids only in the payload, never an address.
      expect(JSON.stringify(releases[0].data)).not.toContain('@');
      // Nothing for the rows themselves until the worker releases them.
      expect(await mail.getJobCountByTypes('waiting', 'delayed')).toBe(0);

      const handler = new ReleaseEmailsHandler(sut.app.get(MailQueue));
      await handler.handle(releases[0]);
      // A retried release (BullMQ runs it again after a failure part-way): nothing added twice.
      await handler.handle(Object.assign(releases[0], { attemptsMade: 1 }));
      const jobs = await mail.getJobs(['waiting', 'delayed']);
      // Each row in exactly one job: its own or a group's (MAIL_JOB_GROUP_SIZE).
      const covered = jobs.flatMap((j) =>
        j.name === JobName.SendEmails ? (j.data as SendEmailsJob).outboxIds : [(j.data as SendEmailJob).outboxId],
      );
      expect(covered.sort()).toEqual([...ids].sort());
      expect((await sut.app.get(OutboxRepository).repo.findByIds(ids)).every((r) => r.status === 'pending')).toBe(true);

      // One row: its own send job at once, no release.
      const [single] = await write(sut, emails(1, `one-${randomUUID().slice(0, 8)}`));
      await waitUntil(async () => !!(await mail.getJob(single)), 10_000, 'the single row job');
      expect(await maintenance.getJobs(['waiting'])).toHaveLength(1);
    } finally {
      await maintenance.close();
      redis.disconnect();
      await obliterateQueues(sut.prefix);
      await sut.close();
      await sink.close();
    }
  });

  it('delivers every email of released batches exactly once with the worker running', async () => {
    const sink = await SmtpSink.start();
    const sut = await createMailTestApp({ sink, database: DATABASE });
    const run = `sent-${randomUUID().slice(0, 8)}`;
    try {
      const ids = [...(await write(sut, emails(25, `${run}-a`))), ...(await write(sut, emails(25, `${run}-b`)))];
      await waitUntil(
        async () => (await sut.app.get(OutboxRepository).repo.findByIds(ids)).every((r) => r.status === 'sent'),
        60_000,
        'every row sent',
      );
      const to = sink.received.flatMap((m) => m.envelope.to).filter((t) => t.startsWith(run));
      expect(to).toHaveLength(50);
      expect(new Set(to).size).toBe(50);
    } finally {
      await obliterateQueues(sut.prefix);
      await sut.close();
      await sink.close();
    }
  });
});
