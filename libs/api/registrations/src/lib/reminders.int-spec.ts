import { createMailTestApp, type MailTestApp, obliterateQueues } from '@gfmd/api-mail/testing';
import { SpacesModule } from '@gfmd/api-spaces';
import { type ApiClient, DAY, DialogueFactory, SmtpSink, waitUntil } from '@gfmd/api-testing';
import type { Dialogue } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { ReminderRound } from './reminder-round.service';
import { RegistrationsModule } from './registrations.module';

jest.setTimeout(180_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const manageLink = (text: string | undefined) => /\/manage\/([A-Za-z0-9_-]{40,})/.exec(text ?? '')?.[1];

describe(ReminderRound.name, () => {
  let sink: SmtpSink;
  let sut: MailTestApp;
  let organizer: ApiClient;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    // The worker in process, sweeping every second: the reminder rounds run on its clock.
    sut = await createMailTestApp({
      sink,
      database: 'gfmd_test_reminders',
      modules: [SpacesModule, RegistrationsModule],
      env: { REMINDER_DAYS_BEFORE: '3' },
    });
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
  /**
   * Registers through the API; `confirmed`: the participant has opened their manage link (set
   * directly, as the rounds of these tests are seconds away; the manage-link path has its own test).
   */
  const register = async (d: Dialogue, language: 'en' | 'fr' | 'es' = 'en', confirmed = true) => {
    const email = `r-${randomUUID()}@test.gfmd`;
    const res = await sut.api.post(`/dialogues/${d.id}/registrations`, {
      email,
      firstName: 'Kofi',
      lastName: 'Mensah',
      organization: 'Diaspora Network',
      stakeholderGroup: 'migrant_diaspora',
      country: 'GH',
      preferredLanguage: language,
      consent: true,
    });
    expect(res.status).toBe(201);
    if (confirmed)
      await sut.dataSource.query('UPDATE registrations SET email_confirmed_at = now() WHERE id = $1', [res.body.id]);
    return { id: res.body.id as string, status: res.body.status as string, email };
  };
  /**
   * A dialogue whose reminder moment is a few seconds away, and `setup` done on it before that
   * moment: what these tests check needs the setup to come first. On a loaded machine the setup
   * (a few requests) sometimes took longer than the margin; then it is done again on a new
   * dialogue with a larger margin, so a quiet machine waits seconds and a busy one is not failed.
   */
  const beforeTheMoment = async <T>(
    setup: (d: Dialogue) => Promise<T>,
    overrides: Record<string, unknown> = {},
  ): Promise<{ d: Dialogue } & T> => {
    for (const margin of [3_000, 12_000, 48_000]) {
      const d = await dialogueStartingIn(3 * DAY + margin, overrides);
      const moment = Date.parse(d.startsAt) - 3 * DAY;
      const done = await setup(d);
      if (Date.now() < moment - 250) return { d, ...done };
    }
    throw new Error('the setup never finished before the reminder moment, even 48 s ahead');
  };
  /** Milliseconds until the reminder moment of `d` (added to the budgets of waits for the round). */
  const untilMoment = (d: Dialogue) => Math.max(0, Date.parse(d.startsAt) - 3 * DAY - Date.now());
  const reminders = (email: string) => sink.to(email).filter((m) => m.parsed.headers.get('x-gfmd-kind') === 'reminder');
  const firstLinkOf = async (email: string) => {
    await sink.waitFor(() => sink.to(email).length > 0, 10_000, `first email to ${email}`);
    return manageLink(sink.to(email)[0].parsed.text);
  };
  const rounds = (dialogueId: string) =>
    sut.dataSource.query('SELECT reminders FROM reminder_rounds WHERE dialogue_id = $1', [dialogueId]) as Promise<
      { reminders: number }[]
    >;

  it('reminds every confirmed participant once their dialogue is REMINDER_DAYS_BEFORE days away, exactly once, in their language', async () => {
    const { d, a, b, unconfirmed, waiting, early } = await beforeTheMoment(
      async (d) => {
        const a = await register(d, 'fr');
        const b = await register(d, 'es');
        // Confirmed, but the address is not: the reminder would be a second email to an unproven address.
        const unconfirmed = await register(d, 'en', false);
        const waiting = await register(d);
        expect([a.status, b.status, unconfirmed.status, waiting.status]).toEqual([
          'confirmed',
          'confirmed',
          'confirmed',
          'waitlisted',
        ]);
        // Nothing is written for a reminder before its moment.
        await sleep(1500);
        const early = await sut.dataSource.query(
          `SELECT count(*)::int AS n FROM outbound_emails WHERE dialogue_id = $1 AND kind = 'reminder'`,
          [d.id],
        );
        return { a, b, unconfirmed, waiting, early: early[0].n as number };
      },
      { title: 'Return and reintegration', capacity: 3 },
    );
    expect(early).toBe(0); // counted before the moment

    await sink.waitFor(
      () => reminders(a.email).length === 1 && reminders(b.email).length === 1,
      untilMoment(d) + 15_000,
      'reminders',
    );
    const [fr] = reminders(a.email);
    expect(fr.parsed.subject).toBe('Rappel : Return and reintegration approche');
    expect(fr.parsed.text).toContain('commence dans 3 jours');
    expect(reminders(b.email)[0].parsed.subject).toMatch(/^Recordatorio: /);
    // The reminder carries a manage link of its own that works.
    const link = manageLink(fr.parsed.text);
    expect(link).toBeDefined();
    expect(link).not.toBe(await firstLinkOf(a.email));
    expect((await sut.api.get(`/registrations/manage/${link}`)).body).toMatchObject({ id: a.id, status: 'confirmed' });

    await sleep(2500); // more sweeps: still once each, and none for the waiting list
    expect(reminders(a.email)).toHaveLength(1);
    expect(reminders(b.email)).toHaveLength(1);
    expect(reminders(waiting.email)).toHaveLength(0);
    expect(reminders(unconfirmed.email)).toHaveLength(0);
    expect(await rounds(d.id)).toEqual([{ reminders: 2 }]);
  });

  it('reminds nobody who cancelled, and nobody confirmed after the round (their confirmation has just told them)', async () => {
    const { d, stays, leaves } = await beforeTheMoment(async (d) => {
      const stays = await register(d);
      const leaves = await register(d);
      expect((await sut.api.post(`/registrations/manage/${await firstLinkOf(leaves.email)}/cancel`)).status).toBe(200);
      return { stays, leaves };
    });
    await waitUntil(async () => (await rounds(d.id)).length === 1, untilMoment(d) + 15_000, 'the round');
    const late = await register(d);
    await sink.waitFor(() => reminders(stays.email).length === 1, 10_000, 'the reminder');
    await sleep(2500);
    expect(reminders(leaves.email)).toHaveLength(0);
    expect(reminders(late.email)).toHaveLength(0);
    expect(reminders(stays.email)).toHaveLength(1);
  });

  it('moves with the dialogue: none while it is weeks away, sent for the new date when it comes near', async () => {
    const d = await dialogueStartingIn(40 * DAY);
    const p = await register(d, 'es');
    await sleep(2500);
    expect(await rounds(d.id)).toEqual([]);
    expect(reminders(p.email)).toHaveLength(0);

    const soon = new Date(Date.now() + 3 * DAY + 1500);
    const patched = await organizer.patch(`/dialogues/${d.id}`, {
      startsAt: soon.toISOString(),
      endsAt: new Date(soon.getTime() + 3600_000).toISOString(),
    });
    expect(patched.status).toBe(200);
    await sink.waitFor(() => reminders(p.email).length === 1, 15_000, 'the reminder for the new date');
    expect(reminders(p.email)[0].parsed.text).toContain(String(soon.getUTCFullYear()));
  });

  it('reminds nobody of a cancelled dialogue', async () => {
    const { d, p } = await beforeTheMoment(async (d) => {
      const p = await register(d);
      expect((await organizer.post(`/dialogues/${d.id}/cancel`)).status).toBe(200);
      return { p };
    });
    await sleep(untilMoment(d) + 2500); // past the moment: two sweeps
    expect(await rounds(d.id)).toEqual([]);
    expect(reminders(p.email)).toHaveLength(0);
    expect(sink.to(p.email).map((m) => m.parsed.headers.get('x-gfmd-kind'))).toContain('cancelled');
  });
});
