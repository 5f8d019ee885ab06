import { inTransaction } from '@gfmd/api-platform';
import { type ApiClient, DAY, DialogueFactory, SmtpSink } from '@gfmd/api-testing';
import type { Dialogue } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { createMailTestApp, MailTestApp, obliterateQueues, waitUntil } from '../../testing/mail-test-app';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxService } from '../outbox/outbox.service';
import { MailQueue } from '../queue/mail-queue';
import { ReminderScheduler } from './reminder-scheduler';

jest.setTimeout(60_000);

describe(ReminderScheduler.name, () => {
  let sink: SmtpSink;
  let sut: MailTestApp;
  let scheduler: ReminderScheduler;
  let repo: OutboxRepository;
  let organizer: ApiClient;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    sut = await createMailTestApp({ sink, database: 'gfmd_test_mail_reminders', env: { REMINDER_DAYS_BEFORE: '3' } });
    scheduler = sut.app.get(ReminderScheduler);
    repo = sut.app.get(OutboxRepository);
    organizer = (await sut.staff('organizer')).client;
  });
  afterAll(async () => {
    await sut.close();
    await sink.close();
    await obliterateQueues(sut.prefix);
  });

  const dialogueStartingIn = (ms: number, overrides: Record<string, unknown> = {}) =>
    DialogueFactory.createPublished(organizer, {
      startsAt: new Date(Date.now() + ms).toISOString(),
      endsAt: new Date(Date.now() + ms + 6 * 3600_000).toISOString(),
      ...overrides,
    });
  const toRecord = (d: Dialogue) => ({ ...d, startsAt: new Date(d.startsAt), endsAt: new Date(d.endsAt) });
  const registration = (language: 'en' | 'fr' | 'es' = 'en') => ({
    id: randomUUID(),
    email: `r-${randomUUID()}@test.gfmd`,
    firstName: 'Kofi',
    lastName: 'Mensah',
    preferredLanguage: language,
  });
  const schedule = (reg: ReturnType<typeof registration>, d: Dialogue) =>
    inTransaction(sut.dataSource, (m, ac) => scheduler.scheduleFor(m, ac, reg, toRecord(d), { manageUrl: `http://localhost:3000/manage/${reg.id}` }));
  const rowOf = async (regId: string) => (await repo.repo.findOne({ where: { registrationId: regId, kind: 'reminder' } }))!;

  it('sends the reminder REMINDER_DAYS_BEFORE days ahead, exactly once', async () => {
    const d = await dialogueStartingIn(3 * DAY + 3000, { title: 'Return and reintegration' });
    const reg = registration('fr');
    const id = await schedule(reg, d);
    expect(id).toEqual(expect.any(String));
    expect(await schedule(reg, d)).toBeNull(); // idempotent
    const row = await rowOf(reg.id);
    expect(row.sendAfter!.getTime()).toBe(new Date(d.startsAt).getTime() - 3 * DAY);
    expect(sink.to(reg.email)).toHaveLength(0);
    expect(await (await sut.app.get(MailQueue).queue.getJob(id!))!.getState()).toBe('delayed');

    await sink.waitFor(() => sink.to(reg.email).length === 1, 15_000, 'reminder');
    const [mail] = sink.to(reg.email);
    expect(mail.parsed.subject).toBe('Rappel : Return and reintegration approche');
    expect(mail.parsed.text).toContain('commence dans 3 jours');
    expect(mail.parsed.text).toContain(`http://localhost:3000/manage/${reg.id}`);
    await new Promise((r) => setTimeout(r, 2500)); // a couple of sweeps later
    expect(sink.to(reg.email)).toHaveLength(1);
    expect((await rowOf(reg.id)).status).toBe('sent');
  });

  it('skips the reminder when its moment has already passed', async () => {
    const d = await dialogueStartingIn(2 * DAY);
    expect(await schedule(registration(), d)).toBeNull();
  });

  it('keeps a reminder weeks away as an outbox row only: no job in Redis until its moment comes near', async () => {
    const d = await dialogueStartingIn(40 * DAY);
    const reg = registration();
    const id = (await schedule(reg, d))!;
    await new Promise((r) => setTimeout(r, 2500)); // a couple of sweeps
    expect(await sut.app.get(MailQueue).queue.getJob(id)).toBeUndefined();
    expect((await rowOf(reg.id)).status).toBe('pending');
  });

  it('moves the reminder (date, content, release) when the dialogue moves', async () => {
    const d = await dialogueStartingIn(3 * DAY + 1500);
    const reg = registration('es');
    const id = (await schedule(reg, d))!;
    const queue = sut.app.get(MailQueue).queue;
    await waitUntil(async () => (await queue.getJob(id))?.delay !== undefined, 5000, 'a delayed job for a reminder due soon');

    const later = new Date(Date.now() + 50 * DAY);
    const patched = await organizer.patch(`/dialogues/${d.id}`, { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + 3600_000).toISOString() });
    expect(patched.status).toBe(200);
    const moved = await rowOf(reg.id);
    expect(moved.sendAfter!.getTime()).toBe(later.getTime() - 3 * DAY);
    expect((await sut.app.get(OutboxService).contentOf(id))!.text).toContain(String(later.getUTCFullYear()));
    // Moved weeks away: the job made for the old moment is gone (the row waits in the outbox).
    await waitUntil(async () => !(await queue.getJob(id)), 5000, 'job for the old moment removed');
    await new Promise((r) => setTimeout(r, 2500));
    expect(sink.to(reg.email)).toHaveLength(0);

    // Moved close: the reminder now goes out within seconds, with the new date.
    const soon = new Date(Date.now() + 3 * DAY + 2000);
    await organizer.patch(`/dialogues/${d.id}`, { startsAt: soon.toISOString(), endsAt: new Date(soon.getTime() + 3600_000).toISOString() });
    await sink.waitFor(() => sink.to(reg.email).length === 1, 15_000, 'moved reminder');
    expect(sink.to(reg.email)[0].parsed.subject).toMatch(/^Recordatorio: /);
  });

  it('cancels reminders when the dialogue or the registration is cancelled', async () => {
    const d = await dialogueStartingIn(30 * DAY);
    const a = registration();
    const b = registration();
    const idA = (await schedule(a, d))!;
    await schedule(b, d);
    await inTransaction(sut.dataSource, (m, ac) => scheduler.cancelFor(m, ac, b.id));
    expect((await rowOf(b.id)).status).toBe('cancelled');
    expect((await rowOf(a.id)).status).not.toBe('cancelled');

    expect((await organizer.post(`/dialogues/${d.id}/cancel`)).status).toBe(200);
    expect((await rowOf(a.id)).status).toBe('cancelled');
    await waitUntil(async () => !(await sut.app.get(MailQueue).queue.getJob(idA)), 5000, 'job removed');
  });

  it('still sends a due reminder whose delayed job Redis lost (restart), via the sweep', async () => {
    const d = await dialogueStartingIn(3 * DAY + 2500);
    const reg = registration();
    const id = (await schedule(reg, d))!;
    const queue = sut.app.get(MailQueue).queue;
    await waitUntil(async () => (await rowOf(reg.id)).status === 'queued', 5000, 'queued');
    await (await queue.getJob(id))!.remove(); // what a Redis flush or loss does
    expect(await queue.getJob(id)).toBeUndefined();
    await sink.waitFor(() => sink.to(reg.email).length === 1, 20_000, 'reminder after lost job');
    await waitUntil(async () => (await rowOf(reg.id)).status === 'sent', 5000, 'sent');
    expect(sink.to(reg.email)).toHaveLength(1);
  });
});
