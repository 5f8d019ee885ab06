import { AuthModule } from '@gfmd/api-auth';
import { PlatformModule } from '@gfmd/api-platform';
import { createTestApp, DAY, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { DialoguesModule } from './dialogues.module';
import { SeedService } from './seed.service';

describe('DialoguesController (integration)', () => {
  let sut: TestApp;
  let admin: ApiClient;
  let organizer: ApiClient;
  let coordinator: ApiClient;

  beforeAll(async () => {
    sut = await createTestApp([PlatformModule, AuthModule, DialoguesModule]);
    await sut.app.get(SeedService).seedProcess();
    admin = (await sut.staff('admin')).client;
    organizer = (await sut.staff('organizer')).client;
    coordinator = (await sut.staff('coordinator')).client;
  });
  afterAll(() => sut.close());

  it('lists the six GCM themes and informal sessions to anyone', async () => {
    const themes = await sut.api.get('/themes');
    expect(themes.status).toBe(200);
    expect(themes.body.map((t: { code: string }) => t.code)).toEqual(
      expect.arrayContaining(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']),
    );
    const sessions = (await sut.api.get('/informal-sessions')).body as {
      number: number;
      timeZone: string;
      startsAt: string;
    }[];
    const first = sessions.find((s) => s.number === 1)!;
    expect(first).toMatchObject({ timeZone: 'Europe/Zurich', venue: 'Geneva, Palais des Nations' });
    expect(first.startsAt).toBe('2017-05-08T08:00:00.000Z'); // 10:00 in Geneva (CEST)
    const second = sessions.find((s) => s.number === 2)!;
    expect(second.startsAt).toBe('2017-05-22T14:00:00.000Z'); // 10:00 in New York (EDT)
  });

  it('creates a draft dialogue with lead time and no warning when well ahead', async () => {
    const session = await InformalSessionFactory.create(organizer, {}, 45);
    const d = await DialogueFactory.create(organizer, { informalSessionId: session.id });
    expect(d.status).toBe('draft');
    expect(d.leadTimeDays).toBeGreaterThanOrEqual(14);
    expect(d.schedulingWarnings).toEqual([]);
    expect(d.themeIds).toEqual([session.themeId]);
  });

  it('warns, without refusing, when a dialogue is not ahead of its informal session', async () => {
    const session = await InformalSessionFactory.create(organizer, {}, 20);
    const d = await DialogueFactory.create(organizer, { informalSessionId: session.id }); // 30 days out
    expect(d.leadTimeDays).toBeLessThan(0);
    expect(d.schedulingWarnings.length).toBeGreaterThan(0);
  });

  it('computes lead time in calendar days between dialogue end and session start', async () => {
    const session = await InformalSessionFactory.create(organizer, {
      startsAt: '2031-05-08T08:00:00.000Z',
      endsAt: '2031-05-09T16:00:00.000Z',
    });
    const d = await DialogueFactory.create(organizer, {
      informalSessionId: session.id,
      startsAt: '2031-05-03T07:00:00.000Z',
      endsAt: '2031-05-04T15:00:00.000Z',
    });
    expect(d.leadTimeDays).toBe(4);
    expect(d.schedulingWarnings[0]).toMatch(/only 4 days/);
  });

  it('shows drafts to staff only, and published dialogues to everyone', async () => {
    const draft = await DialogueFactory.create(organizer);
    const published = await DialogueFactory.createPublished(organizer);
    expect((await sut.api.get(`/dialogues/${draft.id}`)).status).toBe(404);
    expect((await sut.api.get(`/dialogues/${published.id}`)).status).toBe(200);
    const anonymous = (await sut.api.get(`/dialogues?informalSessionId=${draft.informalSessionId}`)).body;
    expect(anonymous.items).toEqual([]);
    const asAnonymousDraftFilter = (await sut.api.get('/dialogues?status=draft&pageSize=200')).body;
    expect(asAnonymousDraftFilter.items.find((x: { id: string }) => x.id === draft.id)).toBeUndefined();
    const staff = (await coordinator.get(`/dialogues?informalSessionId=${draft.informalSessionId}`)).body;
    expect(staff.items.map((x: { id: string }) => x.id)).toEqual([draft.id]);
    expect((await sut.api.get(`/dialogues?informalSessionId=${published.informalSessionId}`)).body.total).toBe(1);
  });

  it('filters by status, informal session and theme', async () => {
    const session = await InformalSessionFactory.create(organizer);
    const a = await DialogueFactory.createPublished(organizer, { informalSessionId: session.id });
    await DialogueFactory.create(organizer, { informalSessionId: session.id });
    const res = await organizer.get(
      `/dialogues?informalSessionId=${session.id}&status=published&themeId=${session.themeId}`,
    );
    expect(res.body.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await organizer.get(`/dialogues?informalSessionId=${session.id}`)).body.total).toBe(2);
  });

  it('publishes and cancels; a cancelled dialogue cannot be published again', async () => {
    const d = await DialogueFactory.create(organizer);
    expect((await organizer.post(`/dialogues/${d.id}/publish`)).body.status).toBe('published');
    expect((await organizer.post(`/dialogues/${d.id}/cancel`)).body.status).toBe('cancelled');
    const again = await organizer.post(`/dialogues/${d.id}/publish`);
    expect(again.status).toBe(422);
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('closes registration of a published dialogue and reopens it by publishing again (the console buttons)', async () => {
    const d = await DialogueFactory.create(organizer);
    const early = await organizer.post(`/dialogues/${d.id}/close-registration`);
    expect(early.status).toBe(422);
    expect(early.headers.get('content-type')).toMatch(/application\/problem\+json/);
    await organizer.post(`/dialogues/${d.id}/publish`);

    const closed = await organizer.post(`/dialogues/${d.id}/close-registration`);
    const stillPublic = await sut.api.get(`/dialogues/${d.id}`);
    const reopened = await organizer.post(`/dialogues/${d.id}/publish`);

    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('registration_closed');
    expect(stillPublic.status).toBe(200);
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('published');
    expect((await coordinator.post(`/dialogues/${d.id}/close-registration`)).status).toBe(403);
  });

  it('patches a dialogue and keeps its rules', async () => {
    const d = await DialogueFactory.create(organizer);
    const ok = await organizer.patch(`/dialogues/${d.id}`, { capacity: 250, stakeholderQuotas: { government: 100 } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ capacity: 250, stakeholderQuotas: { government: 100 } });
    const bad = await organizer.patch(`/dialogues/${d.id}`, { endsAt: '2000-01-01T00:00:00Z' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('endsAt');
    expect((await organizer.get(`/dialogues/${d.id}`)).body.endsAt).toBe(d.endsAt);
  });

  describe('bad input changes nothing', () => {
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['an unknown field', { sneaky: true }, 400, 'sneaky'],
      ['a wrong type', { capacity: 'ten' }, 400, 'capacity'],
      ['an end before the start', { endsAt: new Date(Date.now() + 29 * DAY).toISOString() }, 400, 'endsAt'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 400, 'timeZone'],
      ['a malformed date', { startsAt: '8 May 2017' }, 400, 'startsAt'],
      [
        'an unknown informal session',
        { informalSessionId: '00000000-0000-4000-8000-000000000000' },
        422,
        'informalSessionId',
      ],
      ['an unknown stakeholder group quota', { stakeholderQuotas: { aliens: 3 } }, 400, 'stakeholderQuotas'],
      ['control characters in the title', { title: 'Evil\r\nBcc: x@y.z' }, 400, 'title'],
    ];
    it.each(cases)('refuses %s', async (_, patch, status, field) => {
      // Counted within this test's own informal session: other specs create dialogues in parallel.
      const session = await InformalSessionFactory.create(organizer);
      const count = async () =>
        (await organizer.get(`/dialogues?pageSize=1&informalSessionId=${session.id}`)).body.total;
      const before = await count();
      expect(before).toBe(0);
      const res = await organizer.post('/dialogues', {
        title: 'Refused',
        informalSessionId: session.id,
        startsAt: new Date(Date.now() + 30 * DAY).toISOString(),
        endsAt: new Date(Date.now() + 31 * DAY).toISOString(),
        timeZone: 'Europe/Zurich',
        format: 'in_person',
        capacity: 10,
        ...patch,
      });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await count()).toBe(before);
    });

    it('answers 400 to malformed JSON and 413 to a huge body', async () => {
      const malformed = await organizer.request('POST', '/dialogues', '{"title":', {
        'content-type': 'application/json',
      });
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('content-type')).toMatch(/problem\+json/);
      const huge = await organizer.post('/dialogues', { title: 'x'.repeat(2 * 1024 * 1024) });
      expect(huge.status).toBe(413);
      expect(huge.body.status).toBe(413);
    });

    it('answers 404 to a malformed or unknown id', async () => {
      expect((await organizer.get('/dialogues/not-a-uuid')).status).toBe(404);
      expect((await organizer.get('/dialogues/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });
  });

  describe('role rules', () => {
    const routes = (id: string, sessionId: string): [string, string, unknown][] => [
      ['POST', '/dialogues', {}],
      ['PATCH', `/dialogues/${id}`, { capacity: 5 }],
      ['POST', `/dialogues/${id}/publish`, {}],
      ['POST', `/dialogues/${id}/cancel`, {}],
      ['POST', '/informal-sessions', {}],
      ['PATCH', `/informal-sessions/${sessionId}`, { venue: 'x' }],
      ['POST', '/users', { email: 'x@y.z', name: 'x', role: 'admin', password: 'long-enough-password' }],
    ];

    it('refuses anonymous visitors (401) and forged tokens (401) on staff routes', async () => {
      const d = await DialogueFactory.create(organizer);
      const forged = sut.api.withToken('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
      for (const [method, path, body] of routes(d.id, d.informalSessionId)) {
        expect([method, path, (await sut.api.request(method, path, body)).status]).toEqual([method, path, 401]);
        expect([method, path, (await forged.request(method, path, body)).status]).toEqual([method, path, 401]);
      }
    });

    it('refuses coordinators (403) on organizer routes and leaves the dialogue unchanged', async () => {
      const d = await DialogueFactory.create(organizer);
      for (const [method, path, body] of routes(d.id, d.informalSessionId)) {
        expect([method, path, (await coordinator.request(method, path, body)).status]).toEqual([method, path, 403]);
      }
      expect((await organizer.get(`/dialogues/${d.id}`)).body).toMatchObject({ status: 'draft', capacity: d.capacity });
    });

    it('lets organizers manage dialogues but not users; admins do both', async () => {
      const d = await DialogueFactory.create(organizer);
      expect((await organizer.post(`/dialogues/${d.id}/publish`)).status).toBe(200);
      expect(
        (
          await organizer.post('/users', {
            email: 'a@b.cd',
            name: 'A',
            role: 'admin',
            password: 'long-enough-password',
          })
        ).status,
      ).toBe(403);
      expect((await admin.post(`/dialogues/${d.id}/cancel`)).status).toBe(200);
      const email = `new-${Date.now()}@test.gfmd`;
      const created = await admin.post('/users', {
        email,
        name: 'New organizer',
        role: 'organizer',
        password: 'long-enough-password',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ email, role: 'organizer' });
      expect(created.body.passwordHash).toBeUndefined();
      expect(
        (
          await admin.post('/users', {
            email: email.toUpperCase(),
            name: 'Dup',
            role: 'organizer',
            password: 'long-enough-password',
          })
        ).status,
      ).toBe(409);
    });
  });
});
