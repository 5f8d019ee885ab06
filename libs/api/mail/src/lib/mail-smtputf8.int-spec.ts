import { inTransaction, isEmailAddress } from '@gfmd/api-platform';
import { SmtpSink } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { createMailTestApp, MailTestApp, obliterateQueues, waitUntil } from '../testing/mail-test-app';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxService, OutgoingEmail } from './outbox/outbox.service';
import { MailQueue } from './queue/mail-queue';

jest.setTimeout(60_000);

/**
 * An address whose local part is not ASCII (the routes' validator accepts it) needs SMTPUTF8
 * (RFC 6531): used when the relay offers it, a permanent failure recorded on the row when it does
 * not — never UTF-8 bytes sent to a relay that did not agree, never a retry loop.
 */
describe('Mail to an internationalized address (integration: SMTPUTF8 offered or not)', () => {
  let sink: SmtpSink;
  let sut: MailTestApp;
  let outbox: OutboxService;
  let repo: OutboxRepository;

  const write = (emails: OutgoingEmail[]) => inTransaction(sut.dataSource, (_m, ac) => outbox.write(ac, emails));
  const email = (to: string): OutgoingEmail => ({
    kind: 'confirmation',
    to,
    language: 'fr',
    idempotencyKey: `test:${randomUUID()}`,
    params: { dialogueTitle: 'Dialogue sur la migration de main-d’œuvre' },
    registrationId: randomUUID(),
  });

  beforeAll(async () => {
    sink = await SmtpSink.start();
    sut = await createMailTestApp({ sink, database: 'gfmd_test_mail_smtputf8' });
    outbox = sut.app.get(OutboxService);
    repo = sut.app.get(OutboxRepository);
  });
  afterAll(async () => {
    await sut.close();
    await sink.close();
    await obliterateQueues(sut.prefix);
  });
  afterEach(() => sink.offerSmtpUtf8(true));

  it('takes such an address at the door', () => {
    expect(isEmailAddress('jörg.müller@example.org')).toBe(true);
    expect(isEmailAddress('用户@例子.广告')).toBe(true);
  });

  it('sends it with SMTPUTF8 when the relay offers it', async () => {
    const to = `jörg-${randomUUID().slice(0, 8)}@test.gfmd`;
    const [id] = await write([email(to)]);
    await waitUntil(async () => (await repo.findById(id))?.status === 'sent', 20_000, 'sent');
    const [mail] = sink.to(to);
    expect(sink.to(to)).toHaveLength(1);
    expect(mail.envelope).toMatchObject({ smtpUtf8: true, to: [to] });
    expect(mail.parsed.to).toMatchObject({ value: [{ address: to }] });
    expect(mail.parsed.subject).toMatch(/main-d’œuvre/);
    expect(await repo.findById(id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
  });

  it('fails it for good, with the reason on the row, when the relay does not offer SMTPUTF8', async () => {
    sink.offerSmtpUtf8(false);
    const to = `jörg-${randomUUID().slice(0, 8)}@test.gfmd`;
    const local = `plain-${randomUUID().slice(0, 8)}`;
    const plain = `${local}@tëst.gfmd`; // a non-ASCII domain alone goes as IDNA (xn--): no SMTPUTF8 needed
    const [id, plainId] = await write([email(to), email(plain)]);
    await waitUntil(async () => (await repo.findById(id))?.status === 'failed', 20_000, 'failed');
    await waitUntil(async () => (await repo.findById(plainId))?.status === 'sent', 20_000, 'the ASCII one sent');
    const failed = await repo.findById(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.lastError).toMatch(/^ESMTPUTF8: .*does not offer SMTPUTF8/);
    await new Promise((r) => setTimeout(r, 2500)); // longer than the first backoff: no second try
    expect(sink.attempts.get(to)).toBeUndefined(); // not one RCPT TO with it
    expect(sink.to(to)).toHaveLength(0);
    // Written together, the two rows went in one group job: no job of its own for a retry.
    expect(await sut.app.get(MailQueue).queue.getJob(id)).toBeUndefined();
    expect((await repo.findById(id))!.attempts).toBe(1);
    const got = sink.received.filter((m) => m.envelope.to.some((a) => a.startsWith(`${local}@`)));
    expect(got).toHaveLength(1);
    expect(got[0].envelope.smtpUtf8).toBe(false);
    expect(got[0].raw).toContain(`\r\nTo: ${local}@xn--tst-jma.gfmd\r\n`); // smtp-server shows the domain decoded
  });
});
