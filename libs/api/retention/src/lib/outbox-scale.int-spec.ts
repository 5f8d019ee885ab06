// The outbox at scale (issue 20; docs/performance.md and docs/operations.md, "Outbox retention"):
// its admin list by keyset pages (ties on created_at included) with a capped total, the sweep's
// statements on the partial indexes whatever the number of sent rows, and the retention of sent
// rows (batched, under the maintenance claim) that keeps every unsent, failed or cancelled row.
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { MailModule, OutboxService } from '@gfmd/api-mail';
import { COUNT_CAP, encodeCursor, PlatformModule } from '@gfmd/api-platform';
import { createTestApp, DAY, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { OutboxPruning } from './outbox-pruning';
import { RetentionModule } from './retention.module';

describe('Outbox at scale (integration)', () => {
  let sut: TestApp;
  let admin: ApiClient;
  const q = <T = any>(text: string, params: unknown[] = []) => sut.dataSource.query(text, params) as Promise<T[]>;

  /** `n` rows of a dialogue straight into the table; `at` is created_at (the same for all: ties). */
  const load = (dialogueId: string, n: number, status: string, at: string | Date, tag = randomUUID()) =>
    q(
      `INSERT INTO outbound_emails (kind, recipient, subject, idempotency_key, status, dialogue_id, created_at, updated_at, sent_at)
       SELECT 'confirmation', 'p' || i || '@bench.example', 'Registration confirmed', $5 || ':' || i, $3, $1,
              $4::timestamptz, $4::timestamptz, CASE WHEN $3 = 'sent' THEN $4::timestamptz END
         FROM generate_series(1, $2::int) i`,
      [dialogueId, n, status, at, tag],
    );

  beforeAll(async () => {
    sut = await createTestApp([PlatformModule, AuthModule, MailModule, DialoguesModule, RetentionModule]);
    admin = (await sut.staff('admin')).client;
  });
  afterAll(() => sut.close());

  it('walks a dialogue’s emails newest first by cursor, each once, rows sharing a created_at included', async () => {
    const d = randomUUID();
    await load(d, 130, 'sent', '2026-11-01T10:00:00.123456Z'); // one instant, microseconds: ties broken by id
    await load(d, 45, 'failed', '2026-11-02T10:00:00Z');
    const expected = (
      await q<{ id: string }>(
        'SELECT id FROM outbound_emails WHERE dialogue_id = $1 ORDER BY created_at DESC, id DESC',
        [d],
      )
    ).map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await admin.get(`/outbox?dialogueId=${d}&pageSize=40${cursor ? `&after=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((r: { id: string }) => r.id));
      cursor = res.body.nextCursor;
      if (++pages === 1) await load(d, 5, 'pending', new Date()); // newer than the cursor: not in later pages
    } while (cursor && pages < 20);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 40)); // no empty page at the end
    const bad = await admin.get(`/outbox?after=${encodeCursor('registrations:arrival', ['12'])}`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('pages backwards by prevCursor through ties on created_at, to the same rows as forwards', async () => {
    const d = randomUUID();
    await load(d, 70, 'sent', '2026-11-03T10:00:00.654321Z'); // ties, microseconds
    await load(d, 25, 'failed', '2026-11-04T10:00:00Z');
    const url = `/outbox?dialogueId=${d}&pageSize=30`;
    const ids = (body: { items: { id: string }[] }) => body.items.map((r) => r.id);
    const forward = [(await admin.get(url)).body];
    expect(forward[0].prevCursor).toBeNull();
    while (forward[forward.length - 1].nextCursor) {
      forward.push((await admin.get(`${url}&after=${forward[forward.length - 1].nextCursor}`)).body);
    }
    expect(forward.map((p) => p.items.length)).toEqual([30, 30, 30, 5]);
    let page = forward[forward.length - 1];
    for (let i = forward.length - 2; i >= 0; i--) {
      page = (await admin.get(`${url}&before=${page.prevCursor}`)).body;
      expect(ids(page)).toEqual(ids(forward[i]));
    }
    expect(page.prevCursor).toBeNull();
    const both = await admin.get(`${url}&after=${forward[1].nextCursor}&before=${forward[1].prevCursor}`);
    expect(both.status).toBe(400);
  });

  it('counts exactly up to the cap, then answers the estimate and says so', async () => {
    const d = randomUUID();
    await load(d, COUNT_CAP + 100, 'sent', '2026-11-03T10:00:00Z');
    await load(d, 7, 'failed', '2026-11-03T11:00:00Z');
    await q('ANALYZE outbound_emails');
    const all = await admin.get(`/outbox?dialogueId=${d}&pageSize=5`);
    expect(all.body).toMatchObject({ totalIsEstimate: true, pageSize: 5 });
    expect(all.body.total).toBeGreaterThan(COUNT_CAP);
    const failed = await admin.get(`/outbox?dialogueId=${d}&status=failed`);
    expect(failed.body.total).toBe(7);
    expect(failed.body.totalIsEstimate).toBeUndefined();
  });

  it('plans the sweep on the partial indexes of unsent rows, not on the sent ones', async () => {
    await load(randomUUID(), 30000, 'sent', new Date(Date.now() - 3 * DAY));
    await q('ANALYZE outbound_emails');
    const plan = async (text: string, params: unknown[]) =>
      JSON.stringify(await q(`EXPLAIN (FORMAT JSON) ${text}`, params));
    // OutboxRepository.sweepCandidates' statements, as written there.
    const stale = await plan(
      `(SELECT id, status, send_after FROM outbound_emails
         WHERE status = 'pending' AND ((send_after IS NULL AND updated_at < now() - $2 * interval '1 millisecond')
                OR send_after <= now() + $3 * interval '1 millisecond')
         ORDER BY send_after NULLS FIRST, created_at LIMIT $1)
       UNION ALL
       (SELECT id, status, send_after FROM outbound_emails WHERE status = 'sending' AND locked_until < now() ORDER BY locked_until LIMIT $1)`,
      [500, 60000, 60000],
    );
    const queued = await plan(
      `SELECT id, status, send_after FROM outbound_emails
        WHERE status = 'queued' AND id > $2 AND updated_at < now() - $3 * interval '1 millisecond' ORDER BY id LIMIT $1`,
      [500, '00000000-0000-0000-0000-000000000000', 60000],
    );
    // Each branch on a partial index of unsent rows (or of sending rows by lease), never on a
    // scan of the table or an index over every row.
    const partial = /outbound_emails_(unsent|unsent_created|sending)_idx/g;
    expect(stale.match(partial)?.length).toBeGreaterThanOrEqual(2);
    expect(queued).toMatch(partial);
    for (const p of [stale, queued])
      expect(p).not.toMatch(/Seq Scan|outbound_emails_created_id_idx|outbound_emails_pkey/);
    // The admin's list of failed rows, newest first: from the partial index, not a walk of the sent rows.
    const failed = await plan(
      `SELECT o.id FROM outbound_emails o WHERE o.status = 'failed' ORDER BY o.created_at DESC, o.id DESC LIMIT 50`,
      [],
    );
    expect(failed).toContain('outbound_emails_unsent_created_idx');
    // The retention batch (OutboxRepository.deleteSentBefore): oldest first from (created_at, id),
    // then the rows by primary key, never a join over the whole table.
    const prune = await plan(
      `DELETE FROM outbound_emails WHERE id = ANY(ARRAY(
         SELECT id FROM outbound_emails
          WHERE created_at < $1 AND status = 'sent' AND (sent_at IS NULL OR sent_at < $1)
          ORDER BY created_at, id LIMIT $2))`,
      [new Date(Date.now() - DAY), 5000],
    );
    expect(prune).toContain('outbound_emails_created_id_idx');
    expect(prune).toContain('outbound_emails_pkey');
    expect(prune).not.toMatch(/Seq Scan|Hash Semi Join/);
  });

  it('deletes the sent rows past retention in batches, once an hour, and keeps every other row', async () => {
    const d = randomUUID();
    // Long ago, so this dialogue's old rows are the only ones past retention in the shared database.
    const now = new Date('2001-07-20T00:00:00Z');
    const old = new Date(now.getTime() - 200 * DAY);
    const recent = new Date(now.getTime() - 100 * DAY);
    await load(d, 12, 'sent', old);
    await load(d, 3, 'sent', recent);
    for (const status of ['pending', 'queued', 'sending', 'failed', 'cancelled']) await load(d, 2, status, old);
    // Created long ago, sent lately (a retried row): kept until it has been sent for 180 days.
    await q(
      `UPDATE outbound_emails SET sent_at = $2 WHERE id IN (SELECT id FROM outbound_emails WHERE dialogue_id = $1 AND status = 'sent' AND created_at = $3 LIMIT 1)`,
      [d, recent, old],
    );
    const byStatus = async () =>
      Object.fromEntries(
        (
          await q<{ status: string; n: number }>(
            'SELECT status, count(*)::int AS n FROM outbound_emails WHERE dialogue_id = $1 GROUP BY 1',
            [d],
          )
        ).map((r) => [r.status, r.n]),
      );
    const outbox = sut.app.get(OutboxService);
    expect(await outbox.pruneSent(now, 180, 5, 1)).toBe(5); // one batch of 5, no more
    await load(d, 5, 'sent', old);
    expect(await outbox.pruneSent(now, 180, 4)).toBe(11); // batches of 4 until one comes back short
    expect(await byStatus()).toEqual({ sent: 4, pending: 2, queued: 2, sending: 2, failed: 2, cancelled: 2 });
    const pruning = sut.app.get(OutboxPruning);
    await q(`DELETE FROM maintenance_runs WHERE name = 'outbox-retention'`); // this spec's claims start afresh
    expect(await pruning.runPeriodic(now)).toBe(0); // nothing left past retention
    // Another sweep within the hour (or another replica) does nothing.
    await load(d, 4, 'sent', old);
    expect(await pruning.runPeriodic(new Date(now.getTime() + 30 * 60_000))).toBe(0);
    expect((await byStatus()).sent).toBe(8);
    expect(await pruning.runPeriodic(new Date(now.getTime() + 61 * 60_000))).toBe(4);
    expect((await byStatus()).sent).toBe(4);
  });
});
