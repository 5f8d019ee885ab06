// Room mode and the live counts (real PostgreSQL): a scan at an agenda item's or a space's door
// counts once per person and room (a second scan there is a warning), a person without a seat in
// the room's space is a warning and is not counted there, a room of another dialogue is 404, an
// offline replay in a room never counts twice, undo takes the room arrival back; the attendance
// answer has every room and an ETag (304 while nothing changed).
import { AgendaModule } from '@gfmd/api-agenda';
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { Dialogue, DialogueAttendance } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { CheckInCodes } from './check-in-codes.service';
import { CheckInModule } from './check-in.module';

const MODULES = [
  PlatformModule,
  AuthModule,
  MailModule,
  DialoguesModule,
  SpacesModule,
  AgendaModule,
  RegistrationsModule,
  CheckInModule,
];

describe('check-in per room and the live counts (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let door: ApiClient;
  let doorId: string;
  let sessionId: string;

  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    sut.dataSource.query(text, params) as Promise<T[]>;
  const register = async (d: Dialogue, spaceIds: string[] = []) => {
    const res = await sut.api.post(`/dialogues/${d.id}/registrations`, {
      email: `p-${randomUUID()}@example.org`,
      firstName: 'Tomás',
      lastName: 'Ruiz',
      organization: 'Red Migrante',
      stakeholderGroup: 'civil_society',
      country: 'MX',
      preferredLanguage: 'es',
      consent: true,
      spaceIds,
    });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
    return res.body.id as string;
  };
  const codeOf = async (id: string, dialogueId: string) =>
    (await sut.app.get(CheckInCodes).codesOf(id, dialogueId)).checkInCode;
  const space = async (d: Dialogue) =>
    (
      await organizer.post(`/dialogues/${d.id}/spaces`, {
        name: `Space ${randomUUID().slice(0, 6)}`,
        kind: 'civil_society',
        access: 'open',
        coordinatorUserIds: [],
      })
    ).body.id as string;
  const item = async (d: Dialogue, spaceId: string | null, title = `Working group ${randomUUID().slice(0, 6)}`) => {
    const res = await organizer.post(`/dialogues/${d.id}/agenda-items`, {
      ...(spaceId ? { spaceId } : {}),
      title,
      kind: spaceId ? 'working_group' : 'plenary',
      startsAt: new Date(Date.parse(d.startsAt) + 3_600_000).toISOString(),
      endsAt: new Date(Date.parse(d.startsAt) + 7_200_000).toISOString(),
      speakers: [],
    });
    if (res.status !== 201) throw new Error(`item: ${res.status} ${res.text}`);
    return res.body.id as string;
  };
  /** A published dialogue, with the test's door user assigned to its door. */
  const published = async () => {
    const d = await DialogueFactory.createPublished(organizer, { informalSessionId: sessionId });
    const res = await organizer.request('PUT', `/dialogues/${d.id}/door-staff`, { userIds: [doorId] });
    if (res.status !== 200) throw new Error(`door-staff: ${res.status} ${res.text}`);
    return d;
  };
  const arrivals = async (id: string) =>
    (await q<{ n: number }>('SELECT count(*)::int AS n FROM room_arrivals WHERE registration_id = $1', [id]))[0].n;

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    ({ client: door, id: doorId } = await sut.staff('door'));
    sessionId =
      (await organizer.get('/informal-sessions')).body[0]?.id ?? (await InformalSessionFactory.create(organizer)).id;
  });
  afterAll(() => sut.close());

  it('counts a person once per room; a second scan there is a warning; other rooms count on their own', async () => {
    const d = await published();
    const s = await space(d);
    const workshop = await item(d, s);
    const plenary = await item(d, null, 'Opening plenary');
    const id = await register(d, [s]);
    const code = await codeOf(id, d.id);

    const first = await door.post('/check-in/scan', { code, dialogueId: d.id, agendaItemId: workshop });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ alreadyCheckedIn: false, room: { id: workshop, outcome: 'counted' } });
    // The room scan checked them in to the dialogue as well.
    expect(
      (await q<{ at: Date | null }>('SELECT checked_in_at AS at FROM registrations WHERE id = $1', [id]))[0].at,
    ).not.toBeNull();

    const again = await door.post('/check-in/scan', { code, dialogueId: d.id, agendaItemId: workshop });
    expect(again.body).toMatchObject({ alreadyCheckedIn: true, room: { id: workshop, outcome: 'again' } });
    expect(await arrivals(id)).toBe(1);

    const there = await door.post('/check-in/scan', { code, dialogueId: d.id, agendaItemId: plenary });
    expect(there.body.room).toMatchObject({ kind: 'agenda_item', name: 'Opening plenary', outcome: 'counted' });
    const inSpace = await door.post('/check-in/scan', { code, dialogueId: d.id, spaceId: s });
    expect(inSpace.body.room).toMatchObject({ kind: 'space', outcome: 'counted' });
    expect(await arrivals(id)).toBe(3);
  });

  it('warns (amber) for a person registered only for other spaces, and does not count them there', async () => {
    const d = await published();
    const mine = await space(d);
    const other = await space(d);
    const workshop = await item(d, other);
    const id = await register(d, [mine]);
    const code = await codeOf(id, d.id);
    for (const room of [{ agendaItemId: workshop }, { spaceId: other }]) {
      const res = await door.post('/check-in/scan', { code, dialogueId: d.id, ...room });
      expect(res.status).toBe(200);
      expect(res.body.room.outcome).toBe('not-registered');
    }
    expect(await arrivals(id)).toBe(0);
  });

  it('refuses a room of another dialogue (404) and a scan naming two rooms (400)', async () => {
    const d = await published();
    const elsewhere = await published();
    const foreign = await item(elsewhere, null);
    const foreignSpace = await space(elsewhere);
    const id = await register(d);
    const code = await codeOf(id, d.id);
    expect((await door.post('/check-in/scan', { code, dialogueId: d.id, agendaItemId: foreign })).status).toBe(404);
    expect((await door.post('/check-in/scan', { code, dialogueId: d.id, spaceId: foreignSpace })).status).toBe(404);
    expect((await door.post('/check-in/scan', { code, dialogueId: d.id, agendaItemId: randomUUID() })).status).toBe(
      404,
    );
    const both = await door.post('/check-in/scan', { code, agendaItemId: foreign, spaceId: foreignSpace });
    expect(both.status).toBe(400);
    expect(await arrivals(id)).toBe(0);
  });

  it('never counts a replayed offline room scan twice, and undo takes the room arrival back', async () => {
    const d = await published();
    const plenary = await item(d, null);
    const id = await register(d);
    const code = await codeOf(id, d.id);
    const scanId = randomUUID();
    const body = { code, dialogueId: d.id, agendaItemId: plenary, scanId, scannedAt: new Date().toISOString() };
    const answers = await Promise.all(Array.from({ length: 5 }, () => door.post('/check-in/scan', body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.body.room?.outcome)).toEqual(Array(5).fill('counted'));
    expect(answers.filter((a) => a.body.replayed)).toHaveLength(4);
    expect(await arrivals(id)).toBe(1);

    expect((await door.post('/check-in/undo', { scanId })).status).toBe(200);
    expect(await arrivals(id)).toBe(0);
    // A room scan that counted nothing (already in that room) has nothing to undo.
    await door.post('/check-in/scan', { code, dialogueId: d.id, agendaItemId: plenary });
    const again = await door.post('/check-in/scan', { code, dialogueId: d.id, agendaItemId: plenary });
    expect(again.body.room.outcome).toBe('again');
    expect((await door.post('/check-in/undo', { scanId: again.body.scanId })).status).toBe(422);
  });

  it('gives arrived / expected by room, with an ETag: 304 while nothing changed, 200 after a scan', async () => {
    const d = await published();
    const s = await space(d);
    const workshop = await item(d, s);
    const plenary = await item(d, null);
    const a = await register(d, [s]);
    await register(d);

    const first = await organizer.get<DialogueAttendance>(`/dialogues/${d.id}/attendance`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const rooms = Object.fromEntries(first.body.byRoom.map((r) => [r.id, [r.kind, r.arrived, r.expected]]));
    expect(rooms).toEqual({
      [s]: ['space', 0, 1],
      [workshop]: ['agenda_item', 0, 1],
      [plenary]: ['agenda_item', 0, 2],
    });

    const same = await door.request('GET', `/dialogues/${d.id}/attendance`, undefined, { 'if-none-match': etag ?? '' });
    expect(same.status).toBe(304);

    await door.post('/check-in/scan', { code: await codeOf(a, d.id), dialogueId: d.id, agendaItemId: workshop });
    const after = await door.request<DialogueAttendance>('GET', `/dialogues/${d.id}/attendance`, undefined, {
      'if-none-match': etag ?? '',
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(after.body).toMatchObject({ arrived: 1, expected: 2 });
    expect(after.body.byRoom.find((r) => r.id === workshop)).toMatchObject({ arrived: 1, expected: 1 });
  });
});
