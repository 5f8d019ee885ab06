import { EMAIL_KINDS, type EmailKind, LANGUAGES } from '@gfmd/contracts';
import { inTransaction } from '@gfmd/api-platform';
import { type ApiClient, SmtpSink } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { createMailTestApp, MailTestApp, obliterateQueues, waitUntil } from '../testing/mail-test-app';
import { QueueBoardModule } from './board/queue-board.module';
import { MailLinkHooks } from './delivery/mail-link-hooks';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxService, OutgoingEmail } from './outbox/outbox.service';
import { MailQueue } from './queue/mail-queue';
import { JobName } from './queue/queue.constants';
import { TemplateRenderer } from './templates/template-renderer';

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//GFMD//test//EN\r\nEND:VCALENDAR\r\n';

jest.setTimeout(60_000);

describe('Mail delivery (integration: outbox → BullMQ → worker → SMTP)', () => {
  let sink: SmtpSink;
  let sut: MailTestApp;
  let outbox: OutboxService;
  let repo: OutboxRepository;
  let admin: ApiClient;
  let adminToken: string;

  const write = (emails: OutgoingEmail[]) => inTransaction(sut.dataSource, (_m, ac) => outbox.write(ac, emails));
  const row = (id: string) => repo.findById(id);
  const email = (over: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
    kind: 'confirmation',
    to: `p-${randomUUID()}@test.gfmd`,
    language: 'en',
    idempotencyKey: `test:${randomUUID()}`,
    params: { dialogueTitle: 'Dialogue on labour migration' },
    registrationId: randomUUID(),
    links: 'manage',
    ...over,
  });

  beforeAll(async () => {
    sink = await SmtpSink.start();
    sut = await createMailTestApp({ sink, database: 'gfmd_test_mail_delivery', modules: [QueueBoardModule] });
    outbox = sut.app.get(OutboxService);
    repo = sut.app.get(OutboxRepository);
    // Stand-ins for the minters of the registrations and invitations domains (not loaded here).
    const hooks = sut.app.get(MailLinkHooks);
    hooks.onMint(
      'manage',
      async (ids) => new Map(ids.map((id) => [id, { manageUrl: `http://localhost:3000/manage/m-${id}` }])),
    );
    hooks.onMint(
      'invitation',
      async (ids) =>
        new Map(
          ids.map((id) => [
            id,
            {
              registerUrl: `http://localhost:3000/dialogues/d1/register?invitation=i-${id}`,
              declineUrl: `http://localhost:3000/api/v1/invitations/decline/i-${id}`,
            },
          ]),
        ),
    );
    const a = await sut.staff('admin');
    admin = a.client;
    adminToken = a.client.token!;
  });
  afterAll(async () => {
    await sut.close();
    await sink.close();
    await obliterateQueues(sut.prefix);
  });
  beforeEach(() => {
    sink.rule = () => undefined;
  });

  it('delivers every kind in every language with its links and attachments', async () => {
    const renderer = sut.app.get(TemplateRenderer);
    // The staff kinds (staff_invitation, password_reset) concern no dialogue and carry a
    // set-password link: apps/api/src/app/staff-and-audit.int-spec.ts delivers and follows them.
    // The synthesis subscribers' kinds: libs/api/syntheses/src/lib/subscribers.int-spec.ts; the
    // focal point's: libs/api/delegations; contributions': libs/api/documents; the retention
    // notice (to staff): libs/api/retention. None carries a participant's manage link.
    const OTHER_KINDS: EmailKind[] = [
      'staff_invitation',
      'password_reset',
      'subscription_confirm',
      'synthesis_published',
      'delegation',
      'contribution_confirm',
      'contribution_accepted',
      'contribution_rejected',
      'retention_notice',
      'webhook_disabled',
    ];
    const participantKinds = EMAIL_KINDS.filter((k) => !OTHER_KINDS.includes(k));
    const cases = LANGUAGES.flatMap((language) =>
      participantKinds.map((kind) => ({
        kind,
        language,
        to: `${kind}-${language}-${randomUUID()}@test.gfmd`,
        id: randomUUID(),
      })),
    );
    // What the worker renders: the stored parameters with the links minted at send time.
    const params = (kind: EmailKind, id: string) => ({
      recipientName: 'Amina Diallo',
      dialogueTitle: 'Labour migration & decent work',
      dialogueWhen: 'Monday 8 May 2017, 10:00–16:00 (Europe/Zurich)',
      dialogueVenue: 'Geneva',
      ...(kind === 'invitation'
        ? {
            registerUrl: `http://localhost:3000/dialogues/d1/register?invitation=i-${id}`,
            declineUrl: `http://localhost:3000/api/v1/invitations/decline/i-${id}`,
          }
        : { manageUrl: `http://localhost:3000/manage/m-${id}` }),
      message: 'Welcome',
      senderName: 'Business space',
      agenda: [{ when: '10:00', title: 'Opening' }],
    });
    await write(
      cases.map(({ kind, language, to, id }) => ({
        kind,
        to,
        language,
        idempotencyKey: `kinds:${to}`,
        ...(kind === 'invitation'
          ? { invitationId: id, links: 'invitation' as const }
          : { registrationId: id, links: 'manage' as const }),
        params: {
          recipientName: 'Amina Diallo',
          dialogueTitle: 'Labour migration & decent work',
          dialogueWhen: 'Monday 8 May 2017, 10:00–16:00 (Europe/Zurich)',
          dialogueVenue: 'Geneva',
          message: 'Welcome',
          senderName: 'Business space',
          agenda: [{ when: '10:00', title: 'Opening' }],
        },
        attachments:
          kind === 'agenda' || kind === 'agenda_update'
            ? [{ filename: 'agenda.ics', contentType: 'text/calendar; method=PUBLISH', content: ICS }]
            : [],
      })),
    );
    await sink.waitFor(() => cases.every((c) => sink.to(c.to).length === 1), 30_000, 'every kind in every language');

    for (const { kind, language, to, id } of cases) {
      const [mail] = sink.to(to);
      const expected = renderer.render(kind, language, params(kind, id));
      expect(mail.parsed.subject).toBe(expected.subject);
      expect(mail.parsed.html).toContain(`lang="${language}"`);
      expect(mail.parsed.text).toContain('Labour migration & decent work');
      expect(mail.parsed.from?.text).toContain('no-reply@gfmd.local');
      if (kind === 'invitation') {
        expect(mail.parsed.text).toContain(`register?invitation=i-${id}`);
        expect(mail.parsed.html).toContain(`/api/v1/invitations/decline/i-${id}`);
        expect(unfold(mail.raw)).toContain(
          `List-Unsubscribe: <http://localhost:3000/api/v1/invitations/decline/i-${id}>`,
        );
        expect(mail.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      } else {
        expect(mail.raw).not.toContain('List-Unsubscribe');
        if (kind !== 'declined' && kind !== 'cancelled') expect(mail.parsed.text).toContain(`/manage/m-${id}`);
      }
      if (kind === 'agenda' || kind === 'agenda_update') {
        expect(mail.parsed.attachments).toHaveLength(1);
        expect(mail.parsed.attachments[0].filename).toBe('agenda.ics');
        expect(mail.parsed.attachments[0].contentType).toBe('text/calendar');
        expect(mail.parsed.attachments[0].content.toString('utf8')).toContain('BEGIN:VCALENDAR');
      } else {
        expect(mail.parsed.attachments).toHaveLength(0);
      }
    }
    const rows = () => repo.repo.find({ where: cases.map((c) => ({ recipient: c.to })) });
    await waitUntil(async () => (await rows()).every((r) => r.status === 'sent'), 10_000, 'rows marked sent');
    const sent = await rows();
    expect(sent).toHaveLength(cases.length);
    expect(sent.every((r) => r.status === 'sent' && r.providerMessageId?.startsWith('sink-') && r.attempts === 1)).toBe(
      true,
    );
  });

  it('retries a 421 and delivers exactly once', async () => {
    const e = email({ to: `busy-${randomUUID()}@test.gfmd` });
    sink.rule = (to, attempt) => (to === e.to && attempt === 1 ? { code: 421, message: 'Try again later' } : undefined);
    const [id] = await write([e]);
    await waitUntil(async () => (await row(id))?.status === 'sent', 20_000, '421 then sent');
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.to(e.to)).toHaveLength(1);
    expect(sink.attempts.get(e.to)).toBe(2);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('fails a 550 at once and does not retry it', async () => {
    const e = email({ to: `unknown-${randomUUID()}@test.gfmd` });
    sink.rule = (to) => (to === e.to ? { code: 550, message: 'No such user here' } : undefined);
    const [id] = await write([e]);
    await waitUntil(async () => (await row(id))?.status === 'failed', 15_000, '550 failed');
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.lastError).toMatch(/^550 .*No such user here/);
    await new Promise((r) => setTimeout(r, 2500)); // longer than the first backoff
    expect(sink.attempts.get(e.to)).toBe(1);
    const job = await sut.app.get(MailQueue).queue.getJob(id);
    expect(await job!.getState()).toBe('failed');
    expect(job!.attemptsMade).toBe(1);
  });

  it('marks a row failed, visibly, once temporary failures use up the attempts', async () => {
    const e = email({ to: `always-busy-${randomUUID()}@test.gfmd` });
    sink.rule = (to) => (to === e.to ? { code: 451, message: 'Local error, later' } : undefined);
    const [id] = await inTransaction(sut.dataSource, () =>
      repo
        .insert([{ kind: e.kind, language: e.language, idempotencyKey: e.idempotencyKey, ...renderRow(e) }])
        .then((r) => r.map((x) => x.id)),
    );
    await sut.app
      .get(MailQueue)
      .queue.add(
        JobName.SendEmail,
        { outboxId: id },
        { jobId: id, attempts: 3, backoff: { type: 'fixed', delay: 100 } },
      );
    await waitUntil(async () => (await row(id))?.status === 'failed', 15_000, 'failed after retries');
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 3 });
    expect((await row(id))!.lastError).toMatch(/^451 /);
    expect(sink.attempts.get(e.to)).toBe(3);
    expect(sink.to(e.to)).toHaveLength(0);
  });

  it('renders the body when it sends, and sends a body stored by an earlier version as it is', async () => {
    const fresh = email();
    const [freshId] = await write([fresh]);
    expect(await repo.findById(freshId)).toMatchObject({ html: null, text: null });
    const stored = email({ to: `stored-${randomUUID()}@test.gfmd` });
    const [storedId] = await inTransaction(sut.dataSource, () =>
      repo
        .insert([
          {
            kind: stored.kind,
            language: stored.language,
            idempotencyKey: stored.idempotencyKey,
            ...renderRow(stored),
            html: '<p>Stored body</p>',
            text: 'Stored body',
          },
        ])
        .then((r) => r.map((x) => x.id)),
    );
    await sut.app.get(MailQueue).queue.add(JobName.SendEmail, { outboxId: storedId }, { jobId: storedId });
    await sink.waitFor(() => sink.to(fresh.to).length === 1 && sink.to(stored.to).length === 1, 10_000, 'both');
    expect(sink.to(fresh.to)[0].parsed.text).toContain(`/manage/m-${fresh.registrationId}`);
    // Once sent, no body stays in the row (a stored one may hold a link).
    await waitUntil(async () => (await row(storedId))?.status === 'sent', 10_000, 'stored row sent');
    expect(await row(storedId)).toMatchObject({ html: null, text: null });
    expect(sink.to(stored.to)[0].parsed.text?.trim()).toBe('Stored body');
    expect(sink.to(stored.to)[0].parsed.html).toContain('<p>Stored body</p>');
  });

  it('never sends a row marked sent again, even when a job for it runs again', async () => {
    const e = email();
    const [id] = await write([e]);
    await waitUntil(async () => (await row(id))?.status === 'sent', 10_000, 'sent');
    const queue = sut.app.get(MailQueue).queue;
    const again = await queue.add(JobName.SendEmail, { outboxId: id }, { jobId: `again-${id}` });
    await waitUntil(async () => (await again.getState()) === 'completed', 10_000, 'second job done');
    expect(sink.to(e.to)).toHaveLength(1);
    expect((await queue.getJob(`again-${id}`))?.returnvalue).toEqual({ skipped: 'sent' });
  });

  it('refuses to store a link: rows name their links, minted when sent', async () => {
    await expect(write([email({ params: { manageUrl: 'http://localhost:3000/manage/x' } })])).rejects.toThrow(
      /manageUrl/,
    );
    await expect(write([email({ kind: 'invitation', params: { declineUrl: 'http://x/decline/t' } })])).rejects.toThrow(
      /declineUrl/,
    );
  });

  it('writes the same cause once (idempotency key)', async () => {
    const e = email();
    const first = await write([e]);
    const second = await write([{ ...e, params: { dialogueTitle: 'changed' } }]);
    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
  });

  it('lets no header injection through: subject, names, custom headers, attachment names, recipient', async () => {
    const e = email({
      kind: 'space_message',
      params: {
        dialogueTitle: 'Evil\r\nBcc: victim@evil.test\r\nX-Injected: 1',
        recipientName: 'Eve\r\nCc: other@evil.test',
        senderName: 'Space\nX-Injected: 2',
        message: 'body\r\n\r\nBcc: nope@evil.test',
      },
      headers: {
        'X-Evil\r\nBcc': 'victim@evil.test',
        'X-Note': 'ok\r\nBcc: victim2@evil.test',
        Bcc: 'victim3@evil.test',
        'Reply-To': 'attacker@evil.test',
      },
      attachments: [
        { filename: 'a.ics\r\nBcc: victim4@evil.test', contentType: 'text/calendar\r\nX-Injected: 3', content: ICS },
      ],
    });
    const [id] = await write([e]);
    await waitUntil(async () => (await row(id))?.status === 'sent', 10_000, 'sent');
    const [mail] = sink.to(e.to);
    expect(mail.envelope.to).toEqual([e.to.toLowerCase()]);
    expect(sink.received.filter((m) => m.envelope.to.some((t) => t.endsWith('@evil.test')))).toHaveLength(0);
    const headerBlock = mail.raw.split(/\r?\n\r?\n/)[0];
    const names = headerBlock
      .split(/\r?\n/)
      .filter((l) => /^[^\s:]+:/.test(l))
      .map((l) => l.split(':')[0].toLowerCase());
    expect(names).not.toContain('bcc');
    expect(names).not.toContain('cc');
    expect(names).not.toContain('x-injected');
    expect(names).not.toContain('reply-to');
    expect(names.filter((n) => n === 'subject')).toHaveLength(1);
    expect(mail.parsed.subject).toBe('Message about Evil Bcc: victim@evil.test X-Injected: 1');
    expect(mail.parsed.headers.get('x-note')).toBe('ok Bcc: victim2@evil.test');
    expect(mail.parsed.attachments[0].filename).toBe('a.ics Bcc: victim4@evil.test');
  });

  it('refuses a recipient with CR/LF as a permanent failure, sending nothing', async () => {
    const e = email({ to: 'someone@test.gfmd\r\nBcc: victim@evil.test' });
    const [id] = await write([e]);
    await waitUntil(async () => (await row(id))?.status === 'failed', 10_000, 'failed');
    expect((await row(id))!.lastError).toMatch(/invalid recipient/);
    expect(sink.to('victim@evil.test')).toHaveLength(0);
  });

  it('lists the outbox to admins only and retries a failed email', async () => {
    const e = email({ to: `retry-${randomUUID()}@test.gfmd` });
    sink.rule = (to) => (to === e.to ? { code: 550, message: 'Mailbox unavailable' } : undefined);
    const [id] = await write([e]);
    await waitUntil(async () => (await row(id))?.status === 'failed', 10_000, 'failed');

    const organizer = (await sut.staff('organizer')).client;
    expect((await organizer.get('/outbox')).status).toBe(403);
    expect((await sut.api.get('/outbox')).status).toBe(401);
    const list = await admin.get('/outbox?status=failed&kind=confirmation&pageSize=200');
    expect(list.status).toBe(200);
    expect(list.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      status: 'failed',
      recipient: e.to,
      attempts: 1,
    });
    expect(
      list.body.items.every(
        (i: { status: string; kind: string }) => i.status === 'failed' && i.kind === 'confirmation',
      ),
    ).toBe(true);
    expect(list.body.items[0].html).toBeUndefined();
    expect((await admin.get('/outbox?status=nope')).status).toBe(400);

    // The summary counts by status (the failed row among them), for admins only.
    const summary = await admin.get('/outbox/summary?kind=confirmation');
    expect(summary.status).toBe(200);
    expect(summary.body.failed).toBeGreaterThanOrEqual(1);
    expect(summary.body.total).toBe(
      summary.body.queued + summary.body.sending + summary.body.sent + summary.body.failed + summary.body.closed,
    );
    expect((await admin.get('/outbox/summary')).body.total).toBeGreaterThanOrEqual(summary.body.total);
    expect((await admin.get(`/outbox/summary?dialogueId=${randomUUID()}`)).body).toEqual({
      queued: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      closed: 0,
      total: 0,
    });
    expect((await organizer.get('/outbox/summary')).status).toBe(403);
    expect((await sut.api.get('/outbox/summary')).status).toBe(401);
    expect((await admin.get('/outbox/summary?kind=nope')).status).toBe(400);

    sink.rule = () => undefined;
    const retried = await admin.post(`/outbox/${id}/retry`);
    expect(retried.status).toBe(202);
    await waitUntil(async () => (await row(id))?.status === 'sent', 10_000, 'sent after retry');
    expect(sink.to(e.to)).toHaveLength(1);
    expect((await admin.post(`/outbox/${id}/retry`)).status).toBe(409);
    expect((await admin.post(`/outbox/${randomUUID()}/retry`)).status).toBe(404);
  });

  it('reports queue depth and outbox counts in /health, and sets the queue-level rate limit', async () => {
    const res = await sut.api.get('/health');
    expect(res.status).toBe(200);
    expect(res.body.mailQueue).toEqual(
      expect.objectContaining({
        waiting: expect.any(Number),
        active: expect.any(Number),
        delayed: expect.any(Number),
        failed: expect.any(Number),
      }),
    );
    expect(res.body.outbox).toEqual(
      expect.objectContaining({ pending: expect.any(Number), failed: expect.any(Number) }),
    );
    expect(res.body.mailQueue.failed).toBeGreaterThan(0);
    expect(await sut.app.get(MailQueue).queue.getGlobalRateLimit()).toMatchObject({ max: 1000, duration: 1000 });
  });

  it('guards the queue board: admin Bearer token or the short-lived admin cookie', async () => {
    const board = (headers: Record<string, string> = {}) =>
      fetch(`${sut.baseUrl}/admin/queues`, { headers, redirect: 'manual' });
    expect((await board()).status).toBe(401);
    const organizer = await sut.staff('organizer');
    expect((await board({ authorization: `Bearer ${organizer.client.token}` })).status).toBe(403);
    const withBearer = await board({ authorization: `Bearer ${adminToken}` });
    expect(withBearer.status).toBe(200);
    expect(await withBearer.text()).toContain('<html');
    const api = await fetch(
      `${sut.baseUrl}/admin/queues/api/queues?activeQueue=mail&status=failed&page=1&jobsPerPage=10`,
      { headers: { authorization: `Bearer ${adminToken}` } },
    );
    expect(api.status).toBe(200);

    expect((await organizer.client.post('/admin/queues/session')).status).toBe(403);
    const session = await admin.post('/admin/queues/session');
    expect(session.status).toBe(204);
    const cookie = session.headers.get('set-cookie')!;
    expect(cookie).toMatch(
      /gfmd_queues=[^;]+; Max-Age=900; Path=\/admin\/queues; Expires=[^;]+; HttpOnly; SameSite=Strict/,
    );
    const value = cookie.split(';')[0];
    expect((await board({ cookie: value })).status).toBe(200);
    expect((await board({ cookie: `${value.slice(0, -2)}xx` })).status).toBe(401);
  });
});

/** The header block with folded lines joined. */
const unfold = (raw: string) => raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');

/** A row rendered the way OutboxService.write renders it (for tests that enqueue by hand). */
function renderRow(e: OutgoingEmail) {
  const r = new TemplateRenderer().render(e.kind, e.language, e.params);
  return {
    recipient: e.to,
    subject: r.subject,
    html: r.html,
    text: r.text,
    attachments: [],
    headers: {},
    dialogueId: null,
    registrationId: null,
    invitationId: null,
    sendAfter: null,
  };
}
