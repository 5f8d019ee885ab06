// Group jobs (docs/performance.md, "Email throughput", session 12): rows due together share one
// queue job. What must hold: each row sent once; a row that fails for now is retried on its own
// with the attempts it has left, a row refused for good fails at once, the others of its group go;
// the sweep gives no second job to a row whose group job lives, and a job again to one whose group
// was lost; MAIL_RATE_PER_SECOND counts emails, not jobs.
import { SmtpSink } from '@gfmd/api-testing';
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
import { JobName, MAIL_JOB_OPTIONS } from './queue/queue.constants';

jest.setTimeout(120_000);

const DATABASE = 'gfmd_test_mail_job_groups';

const emails = (n: number, run: string) => testEmails(n, run, 'groups', 'Group job test');

const write = (app: MailTestApp, list: OutgoingEmail[]) => writeEmails(app, list);

const received = (sink: SmtpSink, run: string) =>
  sink.received.flatMap((m) => m.envelope.to).filter((to) => to.startsWith(run));

describe('Mail group jobs (integration)', () => {
  let sink: SmtpSink;
  let sut: MailTestApp;
  let repo: OutboxRepository;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    sut = await createMailTestApp({ sink, database: DATABASE, env: { MAIL_JOB_GROUP_SIZE: '20' } });
    repo = sut.app.get(OutboxRepository);
  });
  afterAll(async () => {
    await sut.close();
    await sink.close();
    await obliterateQueues(sut.prefix);
  });
  beforeEach(() => {
    sink.rule = () => undefined;
  });

  it('sends rows written together in group jobs of up to MAIL_JOB_GROUP_SIZE rows, each once', async () => {
    const run = `g-${randomUUID().slice(0, 8)}`;
    const ids = await write(sut, emails(45, run));
    await waitUntil(async () => (await repo.repo.findByIds(ids)).every((r) => r.status === 'sent'), 60_000, 'sent');
    const to = received(sink, run);
    expect(to).toHaveLength(45);
    expect(new Set(to).size).toBe(45);
    const jobs = await sut.app.get(MailQueue).queue.getJobs(['completed']);
    const groups = jobs.filter((j) => j.name === JobName.SendEmails && 'outboxIds' in j.data);
    const sizes = groups
      .map((j) => (j.data as { outboxIds: string[] }).outboxIds)
      .filter((g) => g.some((id) => ids.includes(id)))
      .map((g) => g.length)
      .sort((a, b) => b - a);
    expect(sizes).toEqual([20, 20, 5]);
    expect((await repo.repo.findByIds(ids)).every((r) => r.attempts === 1)).toBe(true);
  });

  it('retries a row of a group alone after a 421, fails a 550 at once, and sends the rest of the group', async () => {
    const run = `r-${randomUUID().slice(0, 8)}`;
    const list = emails(6, run);
    const [busy, unknown] = [list[1].to, list[3].to];
    sink.rule = (to, attempt) =>
      to === busy && attempt === 1
        ? { code: 421, message: 'Try again later' }
        : to === unknown
          ? { code: 550, message: 'No such user here' }
          : undefined;
    const ids = await write(sut, list);
    await waitUntil(async () => (await repo.findById(ids[1]))?.status === 'sent', 30_000, '421 then sent');
    await waitUntil(async () => (await repo.findById(ids[3]))?.status === 'failed', 30_000, '550 failed');
    await waitUntil(
      async () => (await repo.repo.findByIds(ids)).filter((r) => r.status === 'sent').length === 5,
      30_000,
      'the others sent',
    );
    // The retry was a job of the row's own, with the attempts the row had left.
    const alone = await sut.app.get(MailQueue).queue.getJob(ids[1]);
    expect(alone?.name).toBe(JobName.SendEmail);
    expect(alone?.opts.attempts).toBe((MAIL_JOB_OPTIONS.attempts ?? 1) - 1);
    expect(await repo.findById(ids[1])).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    const failed = await repo.findById(ids[3]);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.lastError).toMatch(/^550 .*No such user here/);
    await new Promise((r) => setTimeout(r, 2500)); // longer than the first backoff: no second try of the 550
    expect(sink.attempts.get(unknown)).toBe(1);
    expect(await sut.app.get(MailQueue).queue.getJob(ids[3])).toBeUndefined();
    const to = received(sink, run);
    expect(to).toHaveLength(5);
    expect(new Set(to).size).toBe(5);
  });
});

describe('Mail group jobs and the sweep, the rate limit (integration)', () => {
  it('gives no second job to a row whose group job waits, and a job again to one whose group was lost', async () => {
    const sink = await SmtpSink.start();
    const api = await createMailTestApp({ sink, database: DATABASE, worker: false });
    const queue = api.app.get(MailQueue);
    try {
      const rows = Array.from({ length: 5 }, () => ({ id: randomUUID() }));
      await queue.enqueue(rows);
      expect(await queue.queue.getJobCounts('waiting')).toMatchObject({ waiting: 1 });
      expect(await queue.ensure(rows)).toEqual([]);
      expect(await queue.queue.getJobCounts('waiting')).toMatchObject({ waiting: 1 });
      // The group job lost (Redis flushed, a job removed by hand): the rows get jobs again.
      const [group] = await queue.queue.getJobs(['waiting']);
      await group.remove();
      expect((await queue.ensure(rows)).sort()).toEqual(rows.map((r) => r.id).sort());
      expect(await queue.queue.getJobCounts('waiting')).toMatchObject({ waiting: 1 });
    } finally {
      await api.close();
      await sink.close();
      await obliterateQueues(api.prefix);
    }
  });

  it('puts back the rows of a group that waited too long for their turn, each then sent once by a job of its own', async () => {
    const sink = await SmtpSink.start();
    sink.delayMs = 150; // a slow relay: a group of 12 sent one after another takes ~2 s
    const sut = await createMailTestApp({
      sink,
      database: DATABASE,
      // A row may wait a quarter of its lease (250 ms) for its send: then it goes back.
      worker: { concurrency: 2, leaseMs: 1000, lockDurationMs: 4000, claimAhead: 0 },
      env: { MAIL_JOB_GROUP_SIZE: '12' },
    });
    const repo = sut.app.get(OutboxRepository);
    const run = `wait-${randomUUID().slice(0, 8)}`;
    try {
      const ids = await write(sut, emails(12, run));
      await waitUntil(async () => (await repo.repo.findByIds(ids)).every((r) => r.status === 'sent'), 60_000, 'sent');
      await new Promise((r) => setTimeout(r, 1500)); // longer than a lease: a late second send would show
      const to = received(sink, run);
      expect(new Set(to).size).toBe(12);
      expect(to).toHaveLength(12);
      // Put back unsent, their attempt not counted; then sent by jobs of their own.
      expect((await repo.repo.findByIds(ids)).every((r) => r.attempts === 1)).toBe(true);
      const own = await Promise.all(ids.map((id) => sut.app.get(MailQueue).queue.getJob(id)));
      expect(own.filter(Boolean).length).toBeGreaterThan(0);
    } finally {
      await sut.close();
      await sink.close();
      await obliterateQueues(sut.prefix);
    }
  });

  it('keeps to the queue-level rate limit counted in emails: each send of a group beyond its first takes a turn', async () => {
    const sink = await SmtpSink.start();
    const times: number[] = [];
    sink.rule = () => void times.push(Date.now());
    const sut = await createMailTestApp({
      sink,
      database: DATABASE,
      worker: { concurrency: 10 },
      env: { MAIL_RATE_PER_SECOND: '4', MAIL_JOB_GROUP_SIZE: '4' },
    });
    const run = `rate-${randomUUID().slice(0, 8)}`;
    try {
      await write(sut, emails(24, run));
      await sink.waitFor(() => new Set(received(sink, run)).size === 24, 30_000, 'all 24');
      // Six group jobs of four, run at once: were the sends beyond each group's first not counted,
      // the six jobs (4 a second) would let their 24 emails go within about two seconds.
      expect(times[times.length - 1] - times[0]).toBeGreaterThan(4000);
      // BullMQ's windows start at the first job of each: a sliding second may hold two of them.
      const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
      expect(busiest).toBeLessThanOrEqual(8);
    } finally {
      await sut.close();
      await sink.close();
      await obliterateQueues(sut.prefix);
    }
  });
});
