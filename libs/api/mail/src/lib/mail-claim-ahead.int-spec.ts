// Claiming ahead (docs/performance.md, "Email throughput", session 10): a worker takes the rows of
// the next waiting jobs in its claim statements. What must still hold: one sender per row with two
// workers claiming ahead from the same queue, the rows of a worker that died holding rows claimed
// ahead are sent once (by the sweep, if Redis lost their jobs), and sends keep to the rate limit.
import { SmtpSink } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import {
  createMailTestApp,
  MailTestApp,
  obliterateQueues,
  uniquePrefix,
  waitUntil,
  testEmails,
  writeEmails,
} from '../testing/mail-test-app';
import { OutboxRepository } from './outbox/outbox.repository';
import type { OutgoingEmail } from './outbox/outbox.service';
import { MailQueue } from './queue/mail-queue';
import { SendEmailHandler } from './worker/send-email.handler';

jest.setTimeout(120_000);

const DATABASE = 'gfmd_test_mail_claim_ahead';

/** Claiming ahead reads the next jobs of single rows: rows written together here get a job each, not a group job (mail-job-groups.int-spec.ts). */
const ONE_ROW_JOBS = { MAIL_JOB_GROUP_SIZE: '1' };

const emails = (n: number, run: string) => testEmails(n, run, 'ahead', 'Claim-ahead test');

const write = (app: MailTestApp, list: OutgoingEmail[]) => writeEmails(app, list);

/** Messages per recipient of the run at the sink. */
const perRecipient = (sink: SmtpSink, run: string) => {
  const counts = new Map<string, number>();
  for (const m of sink.received)
    for (const to of m.envelope.to) if (to.startsWith(run)) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
};

describe('Mail worker claiming ahead (integration)', () => {
  it('two workers claiming ahead from one queue never send the same row', async () => {
    const sink = await SmtpSink.start();
    sink.delayMs = 5;
    const prefix = uniquePrefix();
    // A lease longer than any send can take here: the test apps' 4 s lease ran out under load 30–48
    // (two workers and the sink in one Jest process), and a row whose lease runs out mid-send may
    // go twice by design (mail-worker.settings.ts: a lease is longer than any send). This test is
    // about claiming ahead, not leases.
    const settings = { concurrency: 10, claimAhead: 40, leaseMs: 30_000 };
    const env = { QUEUE_PREFIX: prefix, ...ONE_ROW_JOBS };
    const one = await createMailTestApp({ sink, database: DATABASE, worker: settings, env });
    const two = await createMailTestApp({ sink, database: DATABASE, worker: settings, env });
    const run = `two-${randomUUID().slice(0, 8)}`;
    const total = 120;
    try {
      const ids = await write(one, emails(total, run));
      const repo = one.app.get(OutboxRepository);
      await waitUntil(
        async () => (await repo.repo.findByIds(ids)).every((r) => r.status === 'sent'),
        90_000,
        'every row sent',
      );
      await new Promise((r) => setTimeout(r, 1500)); // jobs rechecking rows the other worker held: still once each
      const counts = perRecipient(sink, run);
      expect(counts.size).toBe(total);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const ahead = [one, two].map((w) => w.app.get(SendEmailHandler).stats().ahead);
      expect(ahead[0] + ahead[1]).toBeGreaterThan(0);
      process.stdout.write(`two workers: rows claimed ahead ${ahead.join(' and ')} of ${total}\n`);
    } finally {
      await two.close();
      await one.close();
      await sink.close();
      await obliterateQueues(prefix);
    }
  });

  it('sends exactly once the rows a dead worker had claimed ahead, through the sweep when Redis lost their jobs', async () => {
    const sink = await SmtpSink.start();
    const prefix = uniquePrefix();
    const env = { QUEUE_PREFIX: prefix, ...ONE_ROW_JOBS };
    const api = await createMailTestApp({ sink, database: DATABASE, worker: false, env });
    const repo = api.app.get(OutboxRepository);
    const run = `dead-${randomUUID().slice(0, 8)}`;
    let survivor: MailTestApp | undefined;
    try {
      const ids = await write(api, emails(40, run));
      // A worker claims 30 rows ahead of their jobs, then dies before sending any (its lease: 1.5 s).
      const claimed = await repo.claim([], 1500, { aheadIds: ids.slice(0, 30) });
      expect(claimed.size).toBe(30);
      expect([...claimed.values()].every((e) => e.ahead)).toBe(true);
      // Another claim while the lease runs: none of those rows again.
      expect((await repo.claim(ids.slice(0, 30), 60_000)).size).toBe(0);
      // Redis loses every job: only the outbox knows these rows now.
      await api.app.get(MailQueue).queue.obliterate({ force: true });

      survivor = await createMailTestApp({ sink, database: DATABASE, worker: { claimAhead: 20 }, env });
      await waitUntil(
        async () => (await repo.repo.findByIds(ids)).every((r) => r.status === 'sent'),
        30_000,
        'every row sent',
      );
      await new Promise((r) => setTimeout(r, 2500)); // more sweeps: still once each
      const counts = perRecipient(sink, run);
      expect(counts.size).toBe(40);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const rows = await repo.repo.findByIds(ids);
      const attempts = new Map(rows.map((r) => [r.id, r.attempts]));
      expect(ids.slice(0, 30).every((id) => attempts.get(id) === 2)).toBe(true); // the dead claim, then the sweep's job
      expect(ids.slice(30).every((id) => attempts.get(id) === 1)).toBe(true);
    } finally {
      await survivor?.close();
      await api.close();
      await sink.close();
      await obliterateQueues(prefix);
    }
  });

  it('keeps to the queue-level rate limit: a row claimed ahead goes only when a job is handed over', async () => {
    const sink = await SmtpSink.start();
    const times: number[] = [];
    sink.rule = () => void times.push(Date.now());
    const sut = await createMailTestApp({
      sink,
      database: DATABASE,
      worker: { concurrency: 10, claimAhead: 50 },
      env: { MAIL_RATE_PER_SECOND: '8', ...ONE_ROW_JOBS },
    });
    const run = `rate-${randomUUID().slice(0, 8)}`;
    try {
      await write(sut, emails(40, run));
      await sink.waitFor(() => perRecipient(sink, run).size === 40, 30_000, 'all 40');
      expect(sut.app.get(SendEmailHandler).stats().ahead).toBeGreaterThan(0);
      // 8 per second on average: 40 emails take 4 s (measured: 4.1 s, and 4.3 s without claiming
      // ahead; all 40 rows were claimed within the first second, so a send that did not wait for
      // its job would have let them all go at once). BullMQ's limiter itself lets bursts of up to
      // 14 through within one second (measured without claiming ahead), hence the bound on bursts.
      expect(times[times.length - 1] - times[0]).toBeGreaterThan(3000);
      const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
      expect(busiest).toBeLessThanOrEqual(16);
    } finally {
      await sut.close();
      await sink.close();
      await obliterateQueues(sut.prefix);
    }
  });
});
