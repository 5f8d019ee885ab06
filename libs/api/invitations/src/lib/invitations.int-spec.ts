import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule, MailWorkerModule, OutboxService, QueueName } from '@gfmd/api-mail';
import { hashToken, inTransaction, PlatformModule } from '@gfmd/api-platform';
import {
  type ApiClient,
  createTestApp,
  DialogueFactory,
  obliterateQueues,
  ownDatabaseUrl,
  SmtpSink,
  type TestApp,
  waitUntil,
  withEnv,
} from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { InvitationsModule } from './invitations.module';
import { InvitationsRepository } from './invitations.repository';

const tokenOf = (text: string) => /register\?invitation=([A-Za-z0-9_-]+)/.exec(text)?.[1];

jest.setTimeout(60_000);

describe('InvitationsController (integration)', () => {
  const prefix = `{gfmd-test-${randomUUID().slice(0, 8)}}`;
  let sink: SmtpSink;
  let sut: TestApp;
  let organizer: ApiClient;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    const env = {
      DATABASE_URL: await ownDatabaseUrl('gfmd_test_invitations'),
      QUEUE_PREFIX: prefix,
      SMTP_URL: sink.url,
      MAIL_RATE_PER_SECOND: '10000',
      WORKER_CONCURRENCY: '50',
    };
    sut = await withEnv(env, () =>
      createTestApp([
        PlatformModule,
        AuthModule,
        MailModule,
        DialoguesModule,
        InvitationsModule,
        // A low daily cap per address, so that the cap is seen within a test (the default is 20).
        MailWorkerModule.forRoot({ sweepIntervalMs: 1000, pendingGraceMs: 300, perRecipientPerDay: 3 }),
      ]),
    );
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
  });
  afterAll(async () => {
    await sut.close();
    await sink.close();
    await obliterateQueues(prefix, Object.values(QueueName));
  });
  beforeEach(() => {
    sink.rule = () => undefined;
    sink.parseMessages = true;
  });

  const invitations = async (dialogueId: string, query = '') =>
    (await organizer.get(`/dialogues/${dialogueId}/invitations?pageSize=500${query}`)).body;

  it('GET /invitations/by-token/:token gives what the invitation holds to prefill the form, and 404 once used or unknown', async () => {
    const d = await DialogueFactory.createPublished(organizer);
    const email = `p-${randomUUID()}@test.gfmd`;
    await organizer.post(`/dialogues/${d.id}/invitations`, {
      recipients: [{ email, name: 'Jean Dupont', preferredLanguage: 'fr', stakeholderGroup: 'private_sector' }],
    });
    await sink.waitFor(() => sink.to(email).length === 1, 15_000);
    const token = tokenOf(sink.to(email)[0].parsed.text!)!;

    const res = await sut.api.get(`/invitations/by-token/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({
      dialogueId: d.id,
      email,
      name: 'Jean Dupont',
      stakeholderGroup: 'private_sector',
      preferredLanguage: 'fr',
    });

    const unknown = await sut.api.get(`/invitations/by-token/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.instance).not.toContain('x'.repeat(43));
    expect((await sut.api.get('/invitations/by-token/short')).status).toBe(404);

    // Links are minted when the email is sent: the token's hash is in invitation_tokens.
    const used = await sut.dataSource.query(
      `UPDATE invitations SET status = 'registered'
        WHERE id = (SELECT invitation_id FROM invitation_tokens WHERE token_hash = $1) RETURNING id`,
      [hashToken(token)],
    );
    expect(used[1]).toBe(1);
    expect((await sut.api.get(`/invitations/by-token/${token}`)).status).toBe(404);
  });

  it('invites, skips addresses already invited, collapses duplicates, and mails a personal link in the recipient language', async () => {
    const d = await DialogueFactory.createPublished(organizer, { title: 'Dialogue on "skills" & mobility' });
    const a = `a-${randomUUID()}@test.gfmd`;
    const b = `b-${randomUUID()}@test.gfmd`;
    const first = await organizer.post(`/dialogues/${d.id}/invitations`, {
      recipients: [
        { email: a, name: 'Ana Pérez', preferredLanguage: 'es', stakeholderGroup: 'civil_society' },
        { email: b.toUpperCase() },
        { email: ` ${b} ` },
      ],
      message: 'We count on you.',
    });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ queued: 2, skipped: 1 });
    const again = await organizer.post(`/dialogues/${d.id}/invitations`, {
      recipients: [{ email: a.toUpperCase() }, { email: `c-${randomUUID()}@test.gfmd` }],
    });
    expect(again.body).toEqual({ queued: 1, skipped: 1 });

    await sink.waitFor(() => sink.to(a).length === 1 && sink.to(b).length === 1, 15_000);
    const [mail] = sink.to(a);
    expect(mail.parsed.subject).toBe('Invitación: Dialogue on "skills" & mobility');
    expect(mail.parsed.text).toContain('Estimado/a Ana Pérez');
    expect(mail.parsed.text).toContain('We count on you.');
    const token = tokenOf(mail.parsed.text!)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.parsed.text).toContain(`http://localhost:3000/es/dialogues/${d.id}/register?invitation=${token}`);
    // The body links to the web app's decline page; "unsubscribe" posts to the API in one click.
    expect(mail.parsed.text).toContain(`http://localhost:3000/es/invitations/decline/${token}`);
    expect(mail.parsed.text).not.toContain('/api/v1/invitations/decline/');
    expect(mail.raw.replace(/\r?\n[ \t]+/g, ' ')).toContain(
      `List-Unsubscribe: <http://localhost:3000/api/v1/invitations/decline/${token}>`,
    );
    expect(sink.to(b)[0].parsed.subject).toBe('Invitation: Dialogue on "skills" & mobility');

    // Stored hashed, never in clear.
    const stored = await sut.app.get(InvitationsRepository).findByTokenHash(hashToken(token));
    expect(stored).toMatchObject({
      email: a,
      emailNormalized: a,
      preferredLanguage: 'es',
      stakeholderGroup: 'civil_society',
    });
    expect(JSON.stringify(stored)).not.toContain(token);

    await waitUntil(
      async () => (await invitations(d.id)).items.filter((i: { status: string }) => i.status === 'sent').length === 3,
      10_000,
      'sent',
    );
    const list = await invitations(d.id, '&status=sent');
    expect(list.total).toBe(3);
    expect(list.items[0]).toMatchObject({ dialogueId: d.id, status: 'sent', lastError: null });
    expect(list.items[0].sentAt).toEqual(expect.any(String));
  });

  it('GET /dialogues/:id/invitations/summary counts a batch queued, then sent once the worker has delivered it', async () => {
    const d = await DialogueFactory.createPublished(organizer);
    const bad = `bad-${randomUUID()}@test.gfmd`;
    const good = Array.from({ length: 5 }, (_, i) => `sum-${i}-${randomUUID()}@test.gfmd`);
    const summary = async () => (await organizer.get(`/dialogues/${d.id}/invitations/summary`)).body;
    expect(await summary()).toEqual({ queued: 0, sending: 0, sent: 0, failed: 0, closed: 0, total: 0 });

    // A slow relay: every email waits in the sink, so the batch is still queued when it is counted.
    sink.delayMs = 1500;
    sink.rule = (to) => (to === bad ? { code: 550, message: 'Mailbox unavailable' } : undefined);
    try {
      await organizer.post(`/dialogues/${d.id}/invitations`, {
        recipients: [...good.map((email) => ({ email })), { email: bad }],
      });
      const before = await summary();
      expect(before.total).toBe(6);
      expect(before.queued).toBeGreaterThanOrEqual(5);
      expect(before.sent).toBe(0);

      await waitUntil(async () => (await summary()).queued === 0, 15_000, 'delivered');
      expect(await summary()).toEqual({ queued: 0, sending: 0, sent: 5, failed: 1, closed: 0, total: 6 });
    } finally {
      sink.delayMs = 0;
    }
  });

  it('GET /dialogues/:id/invitations/summary is for organizers, and an unknown dialogue is a 404 problem', async () => {
    const d = await DialogueFactory.createPublished(organizer);
    const coordinator = (await sut.staff('coordinator')).client;
    const admin = (await sut.staff('admin')).client;
    expect((await sut.api.get(`/dialogues/${d.id}/invitations/summary`)).status).toBe(401);
    expect((await coordinator.get(`/dialogues/${d.id}/invitations/summary`)).status).toBe(403);
    expect((await admin.get(`/dialogues/${d.id}/invitations/summary`)).status).toBe(200);
    const unknown = await organizer.get(`/dialogues/${randomUUID()}/invitations/summary`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await organizer.get('/dialogues/not-a-uuid/invitations/summary')).status).toBe(404);
  });

  it('shows a failed delivery with its reason, resends one or all failed, and reminds those not registered', async () => {
    const d = await DialogueFactory.createPublished(organizer);
    const bad1 = `bad1-${randomUUID()}@test.gfmd`;
    const bad2 = `bad2-${randomUUID()}@test.gfmd`;
    const good = `good-${randomUUID()}@test.gfmd`;
    sink.rule = (to) => (to === bad1 || to === bad2 ? { code: 550, message: 'Mailbox unavailable' } : undefined);
    await organizer.post(`/dialogues/${d.id}/invitations`, {
      recipients: [{ email: bad1 }, { email: bad2 }, { email: good }],
    });
    await waitUntil(async () => (await invitations(d.id, '&status=failed')).total === 2, 15_000, 'failed');
    const failed = (await invitations(d.id, '&status=failed')).items;
    expect(failed[0].lastError).toMatch(/^550 .*Mailbox unavailable/);

    sink.rule = () => undefined;
    const one = await organizer.post(`/invitations/${failed[0].id}/resend`);
    expect(one.status).toBe(202);
    expect(one.body.status).toBe('queued');
    await sink.waitFor(() => sink.to(failed[0].email).length === 1, 10_000);
    const all = await organizer.post(`/dialogues/${d.id}/invitations/resend-failed`);
    expect(all.status).toBe(202);
    expect(all.body).toEqual({ queued: 1, skipped: 0 });
    await sink.waitFor(() => sink.to(bad1).length === 1 && sink.to(bad2).length === 1, 10_000);
    // The resent email has a link of its own, minted when it went out (only its hash is stored).
    const resent = tokenOf(sink.to(failed[0].email)[0].parsed.text!)!;
    expect((await fetch(`${sut.baseUrl}/api/v1/invitations/decline/${resent}`)).status).toBe(200);
    const hashes = await sut.dataSource.query('SELECT token_hash FROM invitation_tokens WHERE invitation_id = $1', [
      failed[0].id,
    ]);
    expect(hashes.map((h: { token_hash: string }) => h.token_hash)).toContain(hashToken(resent));
    await waitUntil(async () => (await invitations(d.id, '&status=sent')).total === 3, 10_000, 'all sent');

    // Decline one, then remind: only the two others, and only once a day.
    const declineToken = tokenOf(sink.to(good)[0].parsed.text!)!;
    expect((await sut.api.post(`/invitations/decline/${declineToken}`)).status).toBe(200);
    const remind = await organizer.post(`/dialogues/${d.id}/invitations/remind`);
    expect(remind.body).toEqual({ queued: 2, skipped: 0 });
    expect((await organizer.post(`/dialogues/${d.id}/invitations/remind`)).body).toEqual({ queued: 0, skipped: 2 });
    await sink.waitFor(() => sink.to(bad1).length === 2 && sink.to(bad2).length === 2, 10_000);
    expect(sink.to(bad1)[1].parsed.subject).toMatch(/^Reminder: invitation to /);
    // The reminder's link and the earlier email's link both open the invitation.
    const [before, after] = sink.to(bad1).map((m) => tokenOf(m.parsed.text!)!);
    expect(before).not.toBe(after);
    for (const t of [before, after])
      expect((await fetch(`${sut.baseUrl}/api/v1/invitations/decline/${t}`)).status).toBe(200);
    expect(sink.to(good)).toHaveLength(1);
    expect(
      (await organizer.post(`/invitations/${(await invitations(d.id, '&status=declined')).items[0].id}/resend`)).status,
    ).toBe(409);
  });

  it('declines through the link: GET tells the page what to ask and changes nothing, POST declines', async () => {
    const d = await DialogueFactory.createPublished(organizer, { title: 'Fair recruitment <dialogue>' });
    const to = `decline-${randomUUID()}@test.gfmd`;
    await organizer.post(`/dialogues/${d.id}/invitations`, { recipients: [{ email: to, preferredLanguage: 'fr' }] });
    await sink.waitFor(() => sink.to(to).length === 1, 10_000);
    const token = tokenOf(sink.to(to)[0].parsed.text!)!;
    const url = `${sut.baseUrl}/api/v1/invitations/decline/${token}`;
    await waitUntil(async () => (await invitations(d.id)).items[0].status === 'sent', 10_000, 'sent');

    // What the web page reads: JSON, no personal data beyond the language, nothing changed.
    const view = await sut.api.get(`/invitations/decline/${token}`);
    expect(view.status).toBe(200);
    expect(view.headers.get('cache-control')).toMatch(/no-store/);
    expect(view.body).toEqual({
      dialogueId: d.id,
      dialogueTitle: 'Fair recruitment <dialogue>',
      language: 'fr',
      status: 'sent',
    });
    // A browser opening an older email's API link is sent on to the web page.
    const old = await fetch(url, { headers: { accept: 'text/html,application/xhtml+xml' }, redirect: 'manual' });
    expect(old.status).toBe(302);
    expect(old.headers.get('location')).toBe(`http://localhost:3000/invitations/decline/${token}`);
    expect((await invitations(d.id)).items[0].status).toBe('sent');

    const confirmed = await sut.api.post(`/invitations/decline/${token}`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ status: 'declined' });
    expect((await invitations(d.id)).items[0].status).toBe('declined');
    expect((await sut.api.get(`/invitations/decline/${token}`)).body.status).toBe('declined');
    const oneClick = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.json()).toEqual({ status: 'declined' });
    const form = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe(`http://localhost:3000/invitations/decline/${token}`);
    expect(
      (await fetch(`${sut.baseUrl}/api/v1/invitations/decline/${'x'.repeat(43)}`, { method: 'POST' })).status,
    ).toBe(404);
    const unknown = await sut.api.get(`/invitations/decline/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await fetch(`${sut.baseUrl}/api/v1/invitations/decline/short`)).status).toBe(404);
  });

  it('cancels an invitation email whose invitation was declined before it went out (no link is minted for it)', async () => {
    const d = await DialogueFactory.createPublished(organizer);
    const to = `late-${randomUUID()}@test.gfmd`;
    await organizer.post(`/dialogues/${d.id}/invitations`, { recipients: [{ email: to }] });
    await sink.waitFor(() => sink.to(to).length === 1, 10_000);
    expect((await sut.api.post(`/invitations/decline/${tokenOf(sink.to(to)[0].parsed.text!)!}`)).status).toBe(200);
    const [invitation] = (await invitations(d.id)).items;
    // An email written before the decline, sent after it.
    const [id] = await inTransaction(sut.dataSource, (_m, afterCommit) =>
      sut.app.get(OutboxService).write(afterCommit, [
        {
          kind: 'invitation',
          to,
          language: 'en',
          idempotencyKey: `late:${randomUUID()}`,
          invitationId: invitation.id,
          links: 'invitation',
          params: { dialogueTitle: d.title },
        },
      ]),
    );
    await waitUntil(
      async () =>
        (await sut.dataSource.query('SELECT status FROM outbound_emails WHERE id = $1', [id]))[0].status ===
        'cancelled',
      10_000,
      'cancelled',
    );
    expect(sink.to(to)).toHaveLength(1);
    const [{ n }] = await sut.dataSource.query(
      'SELECT count(*)::int AS n FROM invitation_tokens WHERE invitation_id = $1',
      [invitation.id],
    );
    expect(n).toBe(1);
  });

  it('validates input and restricts the routes to organizers', async () => {
    const d = await DialogueFactory.createPublished(organizer);
    const coordinator = (await sut.staff('coordinator')).client;
    expect(
      (await sut.api.post(`/dialogues/${d.id}/invitations`, { recipients: [{ email: 'x@test.gfmd' }] })).status,
    ).toBe(401);
    expect(
      (await coordinator.post(`/dialogues/${d.id}/invitations`, { recipients: [{ email: 'x@test.gfmd' }] })).status,
    ).toBe(403);
    expect((await coordinator.get(`/dialogues/${d.id}/invitations`)).status).toBe(403);
    const bad = await organizer.post(`/dialogues/${d.id}/invitations`, {
      recipients: [
        { email: 'not-an-email' },
        { email: 'ok@test.gfmd', name: 'Eve\r\nBcc: victim@evil.test' },
        { email: 'x@test.gfmd', extra: 1 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['recipients.0.email', 'recipients.1.name', 'recipients.2.extra']),
    );
    expect((await organizer.post(`/dialogues/${d.id}/invitations`, { recipients: [] })).status).toBe(400);
    expect(
      (await organizer.post(`/dialogues/${randomUUID()}/invitations`, { recipients: [{ email: 'x@test.gfmd' }] }))
        .status,
    ).toBe(404);
    expect(
      (
        await organizer.post(`/dialogues/${d.id}/invitations`, {
          recipients: [{ email: 'x@test.gfmd' }],
          spaceIds: [randomUUID()],
        })
      ).status,
    ).toBe(422);
    await organizer.post(`/dialogues/${d.id}/cancel`);
    expect(
      (await organizer.post(`/dialogues/${d.id}/invitations`, { recipients: [{ email: 'x@test.gfmd' }] })).status,
    ).toBe(422);
  });

  describe('sending limits', () => {
    const counts = async () =>
      (
        await sut.dataSource.query(
          `SELECT (SELECT count(*) FROM invitations)::int AS invitations, (SELECT count(*) FROM outbound_emails)::int AS emails`,
        )
      )[0];

    it('refuses to invite to a draft dialogue (422, nothing written)', async () => {
      const d = await DialogueFactory.create(organizer);
      const before = await counts();
      const res = await organizer.post(`/dialogues/${d.id}/invitations`, {
        recipients: [{ email: `x-${randomUUID()}@test.gfmd` }],
      });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.type).toBe('https://gfmd-dialogues.org/problems/dialogue-not-published');
      expect(
        (await organizer.post(`/dialogues/${d.id}/invitations?dryRun=true`, { recipients: [{ email: 'x@test.gfmd' }] }))
          .status,
      ).toBe(422);
      expect(await counts()).toEqual(before);
    });

    it('a dry run counts who would be emailed and writes nothing', async () => {
      const d = await DialogueFactory.createPublished(organizer);
      const known = `known-${randomUUID()}@test.gfmd`;
      const fresh = `fresh-${randomUUID()}@test.gfmd`;
      expect((await organizer.post(`/dialogues/${d.id}/invitations`, { recipients: [{ email: known }] })).status).toBe(
        202,
      );
      const before = await counts();
      const res = await organizer.post(`/dialogues/${d.id}/invitations?dryRun=true`, {
        recipients: [{ email: fresh }, { email: fresh.toUpperCase() }, { email: known }],
      });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ wouldSend: 1, skipped: { duplicateInRequest: 1, alreadyInvited: 1 } });
      expect(await counts()).toEqual(before);
      expect(
        (await organizer.post(`/dialogues/${d.id}/invitations?dryRun=maybe`, { recipients: [{ email: fresh }] }))
          .status,
      ).toBe(400);
    });

    it('sends one invitation again 3 times at most (422 resend-limit after)', async () => {
      const d = await DialogueFactory.createPublished(organizer);
      const to = `resend-${randomUUID()}@test.gfmd`;
      await organizer.post(`/dialogues/${d.id}/invitations`, { recipients: [{ email: to }] });
      const [inv] = (await invitations(d.id)).items;
      for (let i = 0; i < 3; i++) expect((await organizer.post(`/invitations/${inv.id}/resend`)).status).toBe(202);
      const before = await counts();
      const refused = await organizer.post(`/invitations/${inv.id}/resend`);
      expect(refused.status).toBe(422);
      expect(refused.body.type).toBe('https://gfmd-dialogues.org/problems/resend-limit');
      expect(await counts()).toEqual(before);
    });

    it('holds an email past the daily cap of its address: failed with the reason, shown in the outbox and on the invitation', async () => {
      const to = `capped-${randomUUID()}@test.gfmd`;
      const dialogues = await Promise.all([0, 1, 2, 3].map(() => DialogueFactory.createPublished(organizer)));
      for (const d of dialogues)
        await organizer.post(`/dialogues/${d.id}/invitations`, { recipients: [{ email: to }] });
      const admin = (await sut.staff('admin')).client;
      const outbox = async () =>
        (await admin.get(`/outbox?pageSize=100`)).body.items.filter((e: { recipient: string }) => e.recipient === to);
      await waitUntil(
        async () => {
          const now = await outbox();
          return now.length === 4 && now.every((e: { status: string }) => ['sent', 'failed'].includes(e.status));
        },
        15_000,
        'settled',
      );
      const rows = await outbox();
      expect(rows.filter((e: { status: string }) => e.status === 'sent')).toHaveLength(3);
      const held = rows.filter((e: { status: string }) => e.status === 'failed');
      expect(held).toHaveLength(1);
      expect(held[0].lastError).toMatch(/^held: 3 emails were sent to this address in the last 24 hours/);
      expect(sink.to(to)).toHaveLength(3);
      await waitUntil(
        async () =>
          (await Promise.all(dialogues.map((d) => invitations(d.id, '&status=failed')))).some((l) => l.total === 1),
        10_000,
        'invitation failed',
      );
      const lists = await Promise.all(dialogues.map((d) => invitations(d.id)));
      const failed = lists.flatMap((l) => l.items).filter((i: { status: string }) => i.status === 'failed');
      expect(failed).toHaveLength(1);
      expect(failed[0].lastError).toMatch(/^held: /);
    });
  });

  it('takes 10,000 recipients in one call and delivers every one', async () => {
    const d = await DialogueFactory.createPublished(organizer);
    const run = randomUUID().slice(0, 8);
    const recipients = Array.from({ length: 10_000 }, (_, i) => ({
      email: `bulk-${run}-${i}@test.gfmd`,
      name: `Participant ${i}`,
      stakeholderGroup: 'civil_society',
      preferredLanguage: (['en', 'fr', 'es'] as const)[i % 3],
    }));
    const before = sink.received.length;
    // Counted by envelope: the 10,000 messages are not parsed (mailparser's CPU on the event loop
    // the app and its worker share).
    sink.parseMessages = false;
    const res = await organizer.post(`/dialogues/${d.id}/invitations`, { recipients });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ queued: 10_000, skipped: 0 });
    const repeat = await organizer.post(`/dialogues/${d.id}/invitations`, { recipients: recipients.slice(0, 100) });
    expect(repeat.body).toEqual({ queued: 0, skipped: 100 });
    // Counted incrementally: the predicate runs on every message that arrives.
    let seen = before;
    let count = 0;
    const mine = () => {
      for (; seen < sink.received.length; seen++)
        if (sink.received[seen].envelope.to[0].startsWith(`bulk-${run}-`)) count++;
      return count;
    };
    // What is under test is that every one arrives once, not how fast (tools/bench/email-throughput):
    // on a loaded 2-core machine 10,000 took over 6 minutes (2,407 in 360 s at load average 36), so
    // the wait fails only when delivery stalls (a minute without a new message), and the test's
    // ceiling is for a hang.
    await sink.waitFor(() => mine() >= 10_000, 60_000, '10,000 invitations');
    expect(mine()).toBe(10_000);
    const addresses = new Set(
      sink.received
        .slice(before)
        .flatMap((m) => m.envelope.to)
        .filter((a) => a.startsWith(`bulk-${run}-`)),
    );
    expect(addresses.size).toBe(10_000);
    await waitUntil(
      async () => (await organizer.get(`/dialogues/${d.id}/invitations?status=sent&pageSize=1`)).body.total === 10_000,
      30_000,
      'all sent',
    );
  }, 1_800_000);
});
