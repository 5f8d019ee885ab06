import { SeedService } from '@gfmd/api-dialogues';
import { OutboxService } from '@gfmd/api-mail';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';

/**
 * The online link of a hybrid dialogue is for confirmed participants only: this spec reads every
 * public response about the dialogue and checks the link is in none of them, and that a
 * confirmed participant gets it (manage page, confirmation email) while a waiting one does not.
 */
describe('The online link (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  const ONLINE = `https://meet.example.org/${randomUUID()}`;

  beforeAll(async () => {
    sut = await createTestApp([AppModule]);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
  }, 60_000);
  afterAll(() => sut.close());

  const manageView = async (registrationId: string) => {
    const [row] = (await sut.dataSource.query(
      "SELECT id FROM outbound_emails WHERE registration_id = $1 AND kind IN ('confirmation', 'waitlisted') LIMIT 1",
      [registrationId],
    )) as { id: string }[];
    const email = await sut.app.get(OutboxService).contentOf(row.id);
    const token = /\/manage\/([A-Za-z0-9_-]{40,})/.exec(`${email?.text}`)?.[1];
    return { email: `${email?.text} ${email?.html}`, view: await sut.api.get(`/registrations/manage/${token}`) };
  };

  it('is in no public response, only in what confirmed participants get', async () => {
    const session = await InformalSessionFactory.create(organizer);
    const d = await DialogueFactory.createPublished(organizer, {
      informalSessionId: session.id,
      format: 'hybrid',
      onlineUrl: ONLINE,
      capacity: 1,
      onlineCapacity: 1,
    });
    await organizer.post(`/dialogues/${d.id}/agenda-items`, {
      title: 'Opening',
      kind: 'opening',
      startsAt: d.startsAt,
      endsAt: new Date(new Date(d.startsAt).getTime() + 3_600_000).toISOString(),
    });
    expect((await organizer.get(`/dialogues/${d.id}`)).body.onlineUrl).toBe(ONLINE);

    const publicPaths = [
      `/dialogues/${d.id}`,
      '/dialogues',
      `/dialogues?informalSessionId=${session.id}`,
      `/dialogues/${d.id}/agenda`,
      `/dialogues/${d.id}/agenda.ics`,
      `/dialogues/${d.id}/spaces`,
      `/dialogues/${d.id}/questions`,
      '/informal-sessions',
      '/processes',
    ];
    const processes = (await sut.api.get('/processes')).body;
    for (const p of processes.items ?? processes) publicPaths.push(`/processes/${p.id}/timeline`, `/processes/${p.id}`);
    for (const path of publicPaths) {
      const res = await sut.api.get(path);
      expect([path, res.status < 400]).toEqual([path, true]);
      expect([path, res.text.includes(ONLINE)]).toEqual([path, false]);
    }

    const person = (n: number) => ({
      email: `online-${n}-${randomUUID()}@example.org`,
      firstName: 'Amina',
      lastName: 'Diallo',
      organization: 'Migrant Forum',
      stakeholderGroup: 'civil_society',
      country: 'SN',
      preferredLanguage: 'en',
      consent: true,
      // A hybrid dialogue's link is for its confirmed online participants (attendance.int-spec.ts: per mode).
      attendance: 'online',
    });
    const confirmed = await sut.api.post(`/dialogues/${d.id}/registrations`, person(1));
    const waiting = await sut.api.post(`/dialogues/${d.id}/registrations`, person(2));
    expect([confirmed.body.status, waiting.body.status]).toEqual(['confirmed', 'waitlisted']);
    expect(confirmed.text.includes(ONLINE) || waiting.text.includes(ONLINE)).toBe(false);
    const yes = await manageView(confirmed.body.id);
    expect(yes.view.body.dialogue.onlineUrl).toBe(ONLINE);
    expect(yes.email).toContain(ONLINE);
    const no = await manageView(waiting.body.id);
    expect(no.view.status).toBe(200);
    expect(no.view.text).not.toContain(ONLINE);
    expect(no.email).not.toContain(ONLINE);
  });
});
