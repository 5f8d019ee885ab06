import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule, OutboxService } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { RegistrationSettings } from './registration-settings';
import { RegistrationsModule } from './registrations.module';

const MODULES = [PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, RegistrationsModule];
const ONLINE_URL = 'https://meet.example.org/hybrid-room';

const person = (over: Record<string, unknown> = {}) => ({
  email: `h-${randomUUID()}@example.org`,
  firstName: 'Amina',
  lastName: 'Diallo',
  organization: 'Migrant Forum',
  stakeholderGroup: 'civil_society',
  country: 'SN',
  preferredLanguage: 'fr',
  consent: true,
  ...over,
});

/** Hybrid attendance: each mode with its own seats and waiting list, the online link only for those online. */
describe('hybrid attendance', () => {
  let sut: TestApp;
  let settings: RegistrationSettings;
  let organizer: ApiClient;
  let sessionId: string;
  const q = <T = any>(sql: string, params: unknown[] = []) => sut.dataSource.query(sql, params) as Promise<T[]>;
  const hybrid = (capacity: number, onlineCapacity: number | null) =>
    DialogueFactory.createPublished(organizer, {
      informalSessionId: sessionId,
      format: 'hybrid',
      onlineUrl: ONLINE_URL,
      capacity,
      onlineCapacity,
    });
  const register = (dialogueId: string, over: Record<string, unknown> = {}) =>
    sut.api.post(`/dialogues/${dialogueId}/registrations`, person(over));
  const byMode = async (dialogueId: string) =>
    Object.fromEntries(
      (
        await q<{ k: string; n: number }>(
          `SELECT coalesce(attendance, '-') || ':' || status AS k, count(*)::int AS n FROM registrations
            WHERE dialogue_id = $1 GROUP BY 1`,
          [dialogueId],
        )
      ).map((r) => [r.k, r.n]),
    );
  const counters = async (dialogueId: string) =>
    (
      await q<{ inPerson: number; online: number }>(
        'SELECT confirmed_count AS "inPerson", online_confirmed_count AS online FROM dialogues WHERE id = $1',
        [dialogueId],
      )
    )[0];
  const emailOf = async (registrationId: string, kinds: string[]) => {
    const [row] = await q<{ id: string }>(
      'SELECT id FROM outbound_emails WHERE registration_id = $1 AND kind = ANY($2) ORDER BY created_at DESC',
      [registrationId, kinds],
    );
    return row ? sut.app.get(OutboxService).contentOf(row.id) : null;
  };
  const manageToken = async (registrationId: string) => {
    const email = await emailOf(registrationId, ['confirmation', 'waitlisted', 'pending']);
    const match = /\/manage\/([A-Za-z0-9_-]{40,})/.exec(`${email?.text} ${email?.html}`);
    if (!match) throw new Error('no manage link in the email');
    return match[1];
  };
  const race = (n: number, fire: (i: number) => Promise<{ status: number; body: any }>) =>
    Promise.all(Array.from({ length: n }, (_, i) => fire(i)));

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
    await sut.app.get(SeedService).seedProcess();
    settings = sut.app.get(RegistrationSettings);
    organizer = (await sut.staff('organizer')).client;
    sessionId =
      (await organizer.get('/informal-sessions')).body[0]?.id ?? (await InformalSessionFactory.create(organizer)).id;
  });
  afterAll(() => sut.close());
  afterEach(() => Object.assign(settings, new RegistrationSettings()));

  it('asks a hybrid registration how it attends (422 without), ignores the field elsewhere', async () => {
    const d = await hybrid(5, 5);
    const res = await register(d.id);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: expect.stringContaining('attendance-required') });
    expect(res.body.errors).toEqual([{ field: 'attendance', message: expect.any(String) }]);
    expect((await register(d.id, { attendance: 'somewhere' })).status).toBe(400);
    expect(await byMode(d.id)).toEqual({});
    const plain = await DialogueFactory.createPublished(organizer, { informalSessionId: sessionId, capacity: 5 });
    const ok = await register(plain.id, { attendance: 'online' });
    expect(ok.status).toBe(201);
    expect(await byMode(plain.id)).toEqual({ '-:confirmed': 1 });
    const shown = (await organizer.get(`/dialogues/${d.id}`)).body;
    expect(shown).toMatchObject({ capacity: 5, onlineCapacity: 5, onlineConfirmedCount: 0, onlinePlacesLeft: 5 });
    expect((await sut.api.get(`/dialogues/${d.id}`)).body.onlineUrl).toBeUndefined();
  });

  describe('each mode against its own capacity under truly parallel requests', () => {
    beforeEach(() => {
      settings.maxBatch = 1;
    });

    it('in person: capacity 1, 30 racers in person and 30 online (online unlimited): 1 + 30 confirmed', async () => {
      const d = await hybrid(1, null);
      const results = await race(60, (i) => register(d.id, { attendance: i % 2 ? 'online' : 'in_person' }));
      expect(results.map((r) => r.status)).toEqual(Array(60).fill(201));
      expect(await byMode(d.id)).toEqual({
        'in_person:confirmed': 1,
        'in_person:waitlisted': 29,
        'online:confirmed': 30,
      });
      expect(await counters(d.id)).toEqual({ inPerson: 1, online: 30 });
    });

    it('online: online capacity 2, 40 racers online and 10 in person (capacity 20): 2 online, all 10 in the room', async () => {
      const d = await hybrid(20, 2);
      const results = await race(50, (i) => register(d.id, { attendance: i % 5 === 0 ? 'in_person' : 'online' }));
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
      expect(await byMode(d.id)).toEqual({ 'in_person:confirmed': 10, 'online:confirmed': 2, 'online:waitlisted': 38 });
      expect(await counters(d.id)).toEqual({ inPerson: 10, online: 2 });
    });

    it('batched admission (the rush path) keeps both modes too', async () => {
      settings.maxBatch = 16;
      const d = await hybrid(3, 4);
      await race(60, (i) => register(d.id, { attendance: i % 2 ? 'online' : 'in_person' }));
      expect(await byMode(d.id)).toEqual({
        'in_person:confirmed': 3,
        'in_person:waitlisted': 27,
        'online:confirmed': 4,
        'online:waitlisted': 26,
      });
      expect(await counters(d.id)).toEqual({ inPerson: 3, online: 4 });
    });

    it('CONTROL: without the row lock the online race overbooks (so the online test can fail)', async () => {
      settings.locking = false;
      settings.unguardedDelayMs = 30;
      const d = await hybrid(20, 1);
      await race(40, () => register(d.id, { attendance: 'online' }));
      expect((await byMode(d.id))['online:confirmed'] ?? 0).toBeGreaterThan(1);
    });

    it('CONTROL: without the row lock the in-person race overbooks (so the in-person test can fail)', async () => {
      settings.locking = false;
      settings.unguardedDelayMs = 30;
      const d = await hybrid(1, null);
      await race(40, () => register(d.id, { attendance: 'in_person' }));
      expect((await byMode(d.id))['in_person:confirmed'] ?? 0).toBeGreaterThan(1);
    });
  });

  it('a freed seat goes to the first person waiting in the same mode', async () => {
    const d = await hybrid(1, 1);
    const room = await register(d.id, { attendance: 'in_person' });
    const screen = await register(d.id, { attendance: 'online' });
    const waitRoom = await register(d.id, { attendance: 'in_person' });
    const waitOnline = await register(d.id, { attendance: 'online' });
    expect([room, screen, waitRoom, waitOnline].map((r) => r.body.status)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
    ]);
    expect(waitOnline.body.waitlistPosition).toBe(1);
    const token = await manageToken(screen.body.id);
    expect((await sut.api.post(`/registrations/manage/${token}/cancel`, {})).status).toBe(200);
    const status = async (id: string) => (await q('SELECT status FROM registrations WHERE id = $1', [id]))[0].status;
    expect(await status(waitOnline.body.id)).toBe('confirmed');
    expect(await status(waitRoom.body.id)).toBe('waitlisted');
    expect(await counters(d.id)).toEqual({ inPerson: 1, online: 1 });
    const stats = (await organizer.get(`/dialogues/${d.id}/stats`)).body;
    expect(stats.byAttendance).toEqual({
      in_person: { confirmed: 1, waitlisted: 1 },
      online: { confirmed: 1, cancelled: 1 },
    });
    expect(stats.onlineCapacity).toBe(1);
    const csv = await organizer.get(`/dialogues/${d.id}/registrations.csv`);
    const [header, ...lines] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toMatch(/,Attendance,Delegation,Answers$/);
    expect(lines.filter((l) => l.includes(',Online,'))).toHaveLength(2);
    expect(lines.filter((l) => l.includes(',In person,'))).toHaveLength(2);
  });

  it('switches mode from the manage page when the other mode has room; a full mode answers 409 and nothing changes', async () => {
    const d = await hybrid(1, 1);
    const a = await register(d.id, { attendance: 'in_person' });
    const waiting = await register(d.id, { attendance: 'in_person' });
    const tokenA = await manageToken(a.body.id);
    const moved = await sut.api.patch(`/registrations/manage/${tokenA}`, { attendance: 'online' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ attendance: 'online', status: 'confirmed' });
    expect(moved.body.dialogue.onlineUrl).toBe(ONLINE_URL);
    // Its seat in the room went to the first person waiting for one.
    expect((await q('SELECT status FROM registrations WHERE id = $1', [waiting.body.id]))[0].status).toBe('confirmed');
    expect(await counters(d.id)).toEqual({ inPerson: 1, online: 1 });
    const back = await sut.api.patch(`/registrations/manage/${tokenA}`, { attendance: 'in_person', firstName: 'Zed' });
    expect(back.status).toBe(409);
    expect(back.body.type).toContain('attendance-full');
    const [row] = await q('SELECT attendance, first_name FROM registrations WHERE id = $1', [a.body.id]);
    expect(row).toEqual({ attendance: 'online', first_name: 'Amina' });
    expect(await counters(d.id)).toEqual({ inPerson: 1, online: 1 });
    // A waiting registration changes queue.
    const late = await register(d.id, { attendance: 'online' });
    expect(late.body.status).toBe('waitlisted');
    const tokenLate = await manageToken(late.body.id);
    const switched = await sut.api.patch(`/registrations/manage/${tokenLate}`, { attendance: 'in_person' });
    expect(switched.body).toMatchObject({ attendance: 'in_person', status: 'waitlisted' });
  });

  it('gives the online link to confirmed online participants only: manage view and emails', async () => {
    const d = await hybrid(5, 1);
    const room = await register(d.id, { attendance: 'in_person' });
    const screen = await register(d.id, { attendance: 'online' });
    const waiting = await register(d.id, { attendance: 'online' });
    const view = async (id: string) =>
      (await sut.api.get(`/registrations/manage/${await manageToken(id)}`)).body.dialogue;
    expect((await view(room.body.id)).onlineUrl).toBeUndefined();
    expect((await view(screen.body.id)).onlineUrl).toBe(ONLINE_URL);
    expect((await view(waiting.body.id)).onlineUrl).toBeUndefined();
    const mail = async (id: string) => {
      const e = await emailOf(id, ['confirmation', 'waitlisted']);
      return `${e?.text} ${e?.html}`;
    };
    expect(await mail(room.body.id)).not.toContain(ONLINE_URL);
    expect(await mail(screen.body.id)).toContain(ONLINE_URL);
    expect(await mail(waiting.body.id)).not.toContain(ONLINE_URL);
  });
});
