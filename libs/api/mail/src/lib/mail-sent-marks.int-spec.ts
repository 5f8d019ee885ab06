// Grouped sent-marks (docs/performance.md, "Email throughput", session 11): a job is done once the
// SMTP server accepted its email, and the row is marked `sent` by the next group. What must hold:
// a row is marked only after its email was accepted, it stays `sending` under its lease until
// then (no other worker may take it), every mark is committed (on shutdown too), and the groups
// are larger than the jobs a worker runs at once (which is all they could hold when each job
// waited for its own mark). A crash between accept and mark: mail-faults' SIGKILL case.
import { SmtpSink } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createMailTestApp, MailTestApp, waitUntil, testEmails, writeEmails } from '../testing/mail-test-app';
import { OutboxRepository } from './outbox/outbox.repository';
import type { OutgoingEmail } from './outbox/outbox.service';
import { MailQueue } from './queue/mail-queue';
import { SendEmailHandler } from './worker/send-email.handler';

jest.setTimeout(120_000);

const DATABASE = 'gfmd_test_mail_sent_marks';

const emails = (n: number, run: string) => testEmails(n, run, 'marks', 'Sent-mark test');

const write = (app: MailTestApp, list: OutgoingEmail[]) => writeEmails(app, list);

const received = (sink: SmtpSink, run: string) =>
  sink.received.flatMap((m) => m.envelope.to).filter((to) => to.startsWith(run));

describe('Mail worker sent-marks (integration)', () => {
  it('completes the jobs once their emails are accepted and marks the rows later, in groups larger than the jobs running at once', async () => {
    const sink = await SmtpSink.start();
    const concurrency = 3;
    const sut = await createMailTestApp({
      sink,
      database: DATABASE,
      worker: { concurrency, sentMarkLingerMs: 1000, leaseMs: 30_000, lockDurationMs: 30_000 },
    });
    const repo = sut.app.get(OutboxRepository);
    const run = `group-${randomUUID().slice(0, 8)}`;
    try {
      const ids = await write(sut, emails(60, run));
      await waitUntil(
        async () => (await repo.repo.findByIds(ids)).every((r) => r.status === 'sent'),
        60_000,
        'every row sent',
      );
      const stats = sut.app.get(SendEmailHandler).stats();
      // Jobs that waited for their own mark could not put more than `concurrency` rows in a group.
      expect(stats.marked / stats.sentMarks).toBeGreaterThan(concurrency);
      const to = received(sink, run);
      expect(new Set(to).size).toBe(60);
      expect(to).toHaveLength(60);
      process.stdout.write(`sent-marks: ${stats.marked} rows in ${stats.sentMarks} groups\n`);
    } finally {
      await sut.close();
      await sink.close();
    }
  });

  it('keeps an accepted row `sending` under its lease until its mark, and commits the marks on shutdown', async () => {
    const sink = await SmtpSink.start();
    let sut: MailTestApp | undefined = await createMailTestApp({
      sink,
      database: DATABASE,
      worker: { sentMarkLingerMs: 60_000, leaseMs: 120_000, lockDurationMs: 30_000 },
      // A job per row, to watch each row's job complete before its mark.
      env: { MAIL_JOB_GROUP_SIZE: '1' },
    });
    const repo = sut.app.get(OutboxRepository);
    const queue = sut.app.get(MailQueue).queue;
    const run = `lease-${randomUUID().slice(0, 8)}`;
    try {
      const ids = await write(sut, emails(3, run));
      await sink.waitFor(() => received(sink, run).length === 3, 30_000, 'all 3 accepted');
      // The jobs are done: nothing retries them, and the queue hands over other work.
      await waitUntil(
        async () => (await Promise.all(ids.map((id) => queue.getJobState(id)))).every((s) => s === 'completed'),
        10_000,
        'jobs completed',
      );
      const rows = await repo.repo.findByIds(ids);
      // Not marked yet (the group lingers), and leased: no worker and no sweep may take them.
      expect(rows.every((r) => r.status === 'sending' && r.lockedUntil && r.lockedUntil.getTime() > Date.now())).toBe(
        true,
      );
      expect((await repo.claim(ids, 1000)).size).toBe(0);
      // A worker that stops commits the marks of what was accepted before it closes the database.
      const { databaseUrl } = sut;
      await sut.close();
      sut = undefined;
      const after = await rowsOf(databaseUrl, ids);
      expect(after).toHaveLength(3);
      expect(after.every((r) => r.status === 'sent' && r.provider_message_id?.startsWith('sink-'))).toBe(true);
      expect(received(sink, run)).toHaveLength(3);
    } finally {
      await sut?.close();
      await sink.close();
    }
  });
});

/** The rows' status and provider id, read with a client of its own (the worker's app is closed). */
async function rowsOf(databaseUrl: string, ids: string[]) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ status: string; provider_message_id: string | null }>(
      `SELECT status, provider_message_id FROM outbound_emails WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows;
  } finally {
    await db.end();
  }
}
