import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { AgendaModule } from './agenda.module';
import { agendaFixture, AgendaFixture, insertParticipant } from './testing/agenda-fixture';

describe('AgendaController (integration)', () => {
  let sut: TestApp;
  let admin: ApiClient;
  let organizer: ApiClient;
  let coordinator: { id: string; client: ApiClient };
  let otherCoordinator: { id: string; client: ApiClient };

  beforeAll(async () => {
    sut = await createTestApp([PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, AgendaModule]);
    await sut.app.get(SeedService).seedProcess();
    admin = (await sut.staff('admin')).client;
    organizer = (await sut.staff('organizer')).client;
    coordinator = await sut.staff('coordinator');
    otherCoordinator = await sut.staff('coordinator');
  });
  afterAll(() => sut.close());

  const fixture = (options?: Parameters<typeof agendaFixture>[2]) =>
    agendaFixture(organizer, { coordinatorId: coordinator.id, otherCoordinatorId: otherCoordinator.id }, options);

  const item = (f: AgendaFixture, overrides: Record<string, unknown> = {}) => ({
    spaceId: f.civil.id,
    title: `Working group ${randomUUID().slice(0, 6)}`,
    kind: 'working_group',
    startsAt: f.at(1),
    endsAt: f.at(2),
    room: 'Room 2',
    speakers: [],
    ...overrides,
  });

  const create = async (f: AgendaFixture, overrides: Record<string, unknown> = {}, as: ApiClient = organizer) =>
    as.post(`/dialogues/${f.dialogue.id}/agenda-items`, item(f, overrides));

  const itemsOf = async (f: AgendaFixture) =>
    (await organizer.get(`/dialogues/${f.dialogue.id}/agenda`)).body.items as any[];

  it('creates items and lists them in time order with the dialogue time zone and local times', async () => {
    const f = await fixture();
    const late = await create(f, {
      spaceId: f.plenary.id,
      room: 'Room 1',
      title: 'Closing',
      kind: 'closing',
      startsAt: f.at(7),
      endsAt: f.at(8),
    });
    const early = await create(f, {
      spaceId: f.plenary.id,
      room: 'room 1',
      title: 'Opening',
      kind: 'opening',
      startsAt: f.at(0),
      endsAt: f.at(0.5),
      speakers: [{ name: 'Ana López', organization: 'IOM', role: 'moderator' }],
    });
    expect(late.status).toBe(201);
    expect(early.status).toBe(201);
    expect(early.body).toMatchObject({
      room: 'Room 1',
      sequence: 0,
      spaceName: 'Plenary',
      startsAt: f.dialogue.startsAt,
    });
    // The same instant on the dialogue's clock (Zurich: +01:00 or +02:00), to the second.
    expect(early.body.startsAtLocal).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    expect(Date.parse(early.body.startsAtLocal)).toBe(Math.floor(Date.parse(f.dialogue.startsAt) / 1000) * 1000);
    const agenda = await sut.api.get(`/dialogues/${f.dialogue.id}/agenda`);
    expect(agenda.status).toBe(200);
    expect(agenda.body).toMatchObject({ dialogueId: f.dialogue.id, timeZone: 'Europe/Zurich', spaceId: null });
    expect(agenda.body.items.map((i: { title: string }) => i.title)).toEqual(['Opening', 'Closing']);
    const civil = await create(f);
    expect(
      (await sut.api.get(`/dialogues/${f.dialogue.id}/agenda?spaceId=${f.civil.id}`)).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toEqual([civil.body.id]);
    expect((await sut.api.get(`/dialogues/${f.dialogue.id}/agenda?spaceId=${randomUUID()}`)).status).toBe(404);
    expect((await sut.api.get(`/dialogues/${f.dialogue.id}/agenda?spaceId=nope`)).status).toBe(400);
  });

  it('shows the agenda of a draft dialogue to staff only', async () => {
    const f = await fixture({ published: false });
    await create(f);
    expect((await sut.api.get(`/dialogues/${f.dialogue.id}/agenda`)).status).toBe(404);
    expect((await sut.api.get(`/dialogues/${f.dialogue.id}/agenda.ics`)).status).toBe(404);
    expect((await coordinator.client.get(`/dialogues/${f.dialogue.id}/agenda`)).body.items).toHaveLength(1);
  });

  describe('overlaps', () => {
    it('refuses an overlap in the same space with 409 naming the clash, and allows back-to-back items', async () => {
      const f = await fixture();
      const first = await create(f, { title: 'First' });
      const clash = await create(f, { room: 'Shared hall', startsAt: f.at(1.5), endsAt: f.at(2.5) });
      expect(clash.status).toBe(409);
      expect(clash.headers.get('content-type')).toMatch(/problem\+json/);
      expect(clash.body).toMatchObject({ reason: 'space', clash: { id: first.body.id, title: 'First' } });
      expect(clash.body.detail).toMatch(/"First"/);
      expect(await itemsOf(f)).toHaveLength(1);
      expect((await create(f, { startsAt: f.at(2), endsAt: f.at(3) })).status).toBe(201);
    });

    it('refuses the same room in two spaces at once', async () => {
      const f = await fixture();
      const first = await create(f, { room: 'Shared hall', title: 'Civil in the hall' });
      const clash = await create(f, {
        spaceId: f.business.id,
        room: 'SHARED HALL',
        startsAt: f.at(1.75),
        endsAt: f.at(3),
      });
      expect(clash.status).toBe(409);
      expect(clash.body).toMatchObject({ reason: 'room', clash: { id: first.body.id } });
      expect(
        (await create(f, { spaceId: f.business.id, room: 'Room 3', startsAt: f.at(1.75), endsAt: f.at(3) })).status,
      ).toBe(201);
    });

    it('refuses a speaker in two overlapping items (same name and organization, any case)', async () => {
      const f = await fixture();
      await create(f, { speakers: [{ name: 'Ana López', organization: 'IOM', role: 'speaker' }] });
      const clash = await create(f, {
        spaceId: f.business.id,
        room: 'Room 3',
        startsAt: f.at(1.5),
        endsAt: f.at(2.5),
        speakers: [{ name: 'ana  lópez', organization: 'iom', role: 'moderator' }],
      });
      expect(clash.status).toBe(409);
      expect(clash.body.reason).toBe('speaker');
      expect(clash.body.detail).toMatch(/ana {1,2}lópez is already speaking/i);
      const otherOrg = await create(f, {
        spaceId: f.business.id,
        room: 'Room 3',
        startsAt: f.at(1.5),
        endsAt: f.at(2.5),
        speakers: [{ name: 'Ana López', organization: 'UNHCR', role: 'speaker' }],
      });
      expect(otherOrg.status).toBe(201);
    });

    it('treats items without a space as the dialogue-wide track', async () => {
      const f = await fixture();
      expect((await create(f, { spaceId: null, room: null, kind: 'break', title: 'Coffee' })).status).toBe(201);
      expect(
        (await create(f, { spaceId: null, room: null, kind: 'break', title: 'Tea', startsAt: f.at(1.5) })).status,
      ).toBe(409);
      expect(
        (await create(f, { spaceId: null, room: 'Room 1', title: 'Lunch talk', startsAt: f.at(3), endsAt: f.at(4) }))
          .status,
      ).toBe(201);
    });

    it('refuses a patch into an overlap and changes nothing', async () => {
      const f = await fixture();
      await create(f, { title: 'A' });
      const b = await create(f, { title: 'B', startsAt: f.at(3), endsAt: f.at(4) });
      const res = await organizer.patch(`/agenda-items/${b.body.id}`, { startsAt: f.at(1.5) });
      expect(res.status).toBe(409);
      expect((await organizer.get(`/agenda-items/${b.body.id}`)).body).toMatchObject({
        startsAt: f.at(3),
        sequence: 0,
      });
    });

    it.each([
      ['space', (_f: AgendaFixture) => [{}, { room: 'Room 2' }]],
      ['room', (f: AgendaFixture) => [{ room: 'Shared hall' }, { spaceId: f.business.id, room: 'Shared hall' }]],
      [
        'speaker',
        (f: AgendaFixture) => [
          { speakers: [{ name: 'Race Speaker', organization: 'GFMD', role: 'speaker' }] },
          {
            spaceId: f.business.id,
            room: 'Room 3',
            speakers: [{ name: 'race speaker', organization: 'gfmd', role: 'speaker' }],
          },
        ],
      ],
    ])('lets exactly one of two concurrent overlapping creates win (%s)', async (_, bodies) => {
      for (let round = 0; round < 3; round++) {
        const f = await fixture();
        const [a, b] = bodies(f);
        const results = await Promise.all([create(f, a), create(f, b)]);
        expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
        expect(await itemsOf(f)).toHaveLength(1);
      }
    });

    it('is backed by exclusion constraints in the database (a direct overlapping insert fails)', async () => {
      const f = await fixture();
      await create(f, { room: 'Shared hall' });
      const insert = (spaceId: string | null, room: string | null) =>
        sut.dataSource.query(
          `INSERT INTO agenda_items (dialogue_id, space_id, title, kind, starts_at, ends_at, room) VALUES ($1, $2, 'raw', 'panel', $3, $4, $5)`,
          [f.dialogue.id, spaceId, f.at(1.5), f.at(2.5), room],
        );
      await expect(insert(f.civil.id, null)).rejects.toMatchObject({ code: '23P01' });
      await expect(insert(f.business.id, 'shared hall')).rejects.toMatchObject({ code: '23P01' });
      await expect(insert(f.business.id, 'Room 3')).resolves.toBeDefined();
    });
  });

  describe('bad input changes nothing', () => {
    const cases: [string, (f: AgendaFixture) => Record<string, unknown>, number, string][] = [
      ['an item starting before the dialogue', (f) => ({ startsAt: f.at(-1) }), 422, 'startsAt'],
      ['an item ending after the dialogue', (f) => ({ startsAt: f.at(7), endsAt: f.at(9) }), 422, 'endsAt'],
      ['an end before the start', (f) => ({ startsAt: f.at(2), endsAt: f.at(1) }), 400, 'endsAt'],
      ['a malformed time', () => ({ startsAt: '12 May 2030 09:00' }), 400, 'startsAt'],
      ['a time without offset', (f) => ({ startsAt: f.at(1).slice(0, 19) }), 400, 'startsAt'],
      ['an impossible date', () => ({ endsAt: '2030-02-30T10:00:00Z' }), 400, 'endsAt'],
      ['an unknown space', () => ({ spaceId: randomUUID() }), 422, 'spaceId'],
      ['a malformed space id', () => ({ spaceId: 'plenary' }), 400, 'spaceId'],
      ['an unknown room', () => ({ room: 'Room 99' }), 422, 'room'],
      ["another space's room", () => ({ room: 'Room 3' }), 422, 'room'],
      ['an unknown kind', () => ({ kind: 'party' }), 400, 'kind'],
      ['a speaker without role', () => ({ speakers: [{ name: 'Ana' }] }), 400, 'speakers.0.role'],
      [
        'a speaker listed twice',
        () => ({
          speakers: [
            { name: 'Ana', role: 'speaker' },
            { name: 'ANA', role: 'moderator' },
          ],
        }),
        400,
        'speakers',
      ],
      ['an unknown field', () => ({ colour: 'red' }), 400, 'colour'],
      ['an unknown theme', () => ({ themeIds: [randomUUID()] }), 422, 'themeIds'],
      ['control characters in the title', () => ({ title: 'A\r\nB' }), 400, 'title'],
    ];
    it.each(cases)('refuses %s', async (_, patch, status, field) => {
      const f = await fixture();
      const res = await create(f, patch(f));
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await itemsOf(f)).toEqual([]);
    });

    it('refuses a space of another dialogue (422) and an unknown dialogue (404)', async () => {
      const f = await fixture();
      const g = await fixture();
      expect((await create(f, { spaceId: g.civil.id })).status).toBe(422);
      expect((await organizer.post(`/dialogues/${randomUUID()}/agenda-items`, item(f))).status).toBe(404);
    });

    it('refuses agenda changes in a cancelled dialogue (422)', async () => {
      const f = await fixture();
      const a = await create(f);
      await organizer.post(`/dialogues/${f.dialogue.id}/cancel`);
      expect((await create(f, { startsAt: f.at(3), endsAt: f.at(4) })).status).toBe(422);
      expect((await organizer.patch(`/agenda-items/${a.body.id}`, { title: 'x' })).status).toBe(422);
    });

    it('refuses to move the dialogue so that agenda items fall outside it', async () => {
      const f = await fixture();
      await create(f, { startsAt: f.at(6), endsAt: f.at(7) });
      const res = await organizer.patch(`/dialogues/${f.dialogue.id}`, { endsAt: f.at(5) });
      expect(res.status).toBe(422);
      expect(res.body.type).toMatch(/agenda-outside-dialogue/);
      expect((await organizer.get(`/dialogues/${f.dialogue.id}`)).body.endsAt).toBe(f.dialogue.endsAt);
      expect((await organizer.patch(`/dialogues/${f.dialogue.id}`, { endsAt: f.at(7) })).status).toBe(200);
    });

    it('refuses to remove a room that items use', async () => {
      const f = await fixture();
      await create(f, { room: 'Shared hall' });
      const res = await organizer.patch(`/spaces/${f.civil.id}`, { rooms: ['Room 2'] });
      expect(res.status).toBe(409);
      expect(res.body.rooms).toEqual(['Shared hall']);
    });
  });

  it('bumps the sequence on every change, not on a patch that changes nothing, and deletes', async () => {
    const f = await fixture();
    const a = (await create(f, { title: 'Draft title' })).body;
    const p1 = await organizer.patch(`/agenda-items/${a.id}`, { title: 'Final title' });
    expect(p1.body).toMatchObject({ title: 'Final title', sequence: 1 });
    const p2 = await organizer.patch(`/agenda-items/${a.id}`, {
      startsAt: f.at(1.5),
      endsAt: f.at(2.5),
      room: 'shared hall',
    });
    expect(p2.body).toMatchObject({ sequence: 2, room: 'Shared hall', startsAt: f.at(1.5) });
    const same = await organizer.patch(`/agenda-items/${a.id}`, { title: 'Final title', room: 'Shared hall' });
    expect(same.body.sequence).toBe(2);
    const moved = await organizer.patch(`/agenda-items/${a.id}`, { spaceId: null });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ spaceId: null, room: 'Shared hall', sequence: 3 });
    expect((await organizer.delete(`/agenda-items/${a.id}`)).status).toBe(204);
    expect((await organizer.get(`/agenda-items/${a.id}`)).status).toBe(404);
    expect((await organizer.delete(`/agenda-items/${a.id}`)).status).toBe(404);
  });

  describe('role matrix', () => {
    type Who = 'anonymous' | 'participant' | 'coordinatorOfThis' | 'coordinatorOfOther' | 'organizer' | 'admin';
    const WHO: Who[] = ['anonymous', 'participant', 'coordinatorOfThis', 'coordinatorOfOther', 'organizer', 'admin'];
    interface Ctx {
      f: AgendaFixture;
      civilItem: string;
      plenaryItem: string;
      token: string;
    }
    const route = (
      name: string,
      call: (c: ApiClient, ctx: Ctx, who: Who) => Promise<{ status: number }>,
      expected: [number, number, number, number, number, number],
      changes = false,
    ) => ({
      name,
      call,
      expected: Object.fromEntries(WHO.map((w, i) => [w, expected[i]])) as Record<Who, number>,
      changes,
    });

    // Columns: anonymous, participant (manage token), coordinator of this space, of another space, organizer, admin.
    const routes = [
      route(
        'GET /dialogues/:id/agenda',
        (c, x) => c.get(`/dialogues/${x.f.dialogue.id}/agenda`),
        [200, 200, 200, 200, 200, 200],
      ),
      route(
        'GET /dialogues/:id/agenda.ics',
        (c, x) => c.get(`/dialogues/${x.f.dialogue.id}/agenda.ics`),
        [200, 200, 200, 200, 200, 200],
      ),
      route('GET /agenda-items/:id', (c, x) => c.get(`/agenda-items/${x.civilItem}`), [200, 200, 200, 200, 200, 200]),
      route(
        'POST /dialogues/:id/agenda-items (civil space)',
        (c, x) =>
          c.post(`/dialogues/${x.f.dialogue.id}/agenda-items`, item(x.f, { startsAt: x.f.at(4), endsAt: x.f.at(5) })),
        [401, 401, 201, 403, 201, 201],
        true,
      ),
      route(
        'POST /dialogues/:id/agenda-items (plenary)',
        (c, x) =>
          c.post(
            `/dialogues/${x.f.dialogue.id}/agenda-items`,
            item(x.f, { spaceId: x.f.plenary.id, room: 'Room 1', startsAt: x.f.at(4), endsAt: x.f.at(5) }),
          ),
        [401, 401, 403, 403, 201, 201],
        true,
      ),
      route(
        'POST /dialogues/:id/agenda-items (no space)',
        (c, x) =>
          c.post(
            `/dialogues/${x.f.dialogue.id}/agenda-items`,
            item(x.f, { spaceId: null, room: null, startsAt: x.f.at(4), endsAt: x.f.at(5) }),
          ),
        [401, 401, 403, 403, 201, 201],
        true,
      ),
      route(
        'PATCH /agenda-items/:id (civil)',
        (c, x) => c.patch(`/agenda-items/${x.civilItem}`, { title: 'Renamed' }),
        [401, 401, 200, 403, 200, 200],
        true,
      ),
      route(
        'PATCH /agenda-items/:id (civil → business space)',
        (c, x) => c.patch(`/agenda-items/${x.civilItem}`, { spaceId: x.f.business.id, room: 'Room 3' }),
        [401, 401, 403, 403, 200, 200],
        true,
      ),
      route(
        'PATCH /agenda-items/:id (plenary)',
        (c, x) => c.patch(`/agenda-items/${x.plenaryItem}`, { title: 'Renamed' }),
        [401, 401, 403, 403, 200, 200],
        true,
      ),
      route(
        'DELETE /agenda-items/:id (civil)',
        (c, x) => c.delete(`/agenda-items/${x.civilItem}`),
        [401, 401, 204, 403, 204, 204],
        true,
      ),
      route(
        'DELETE /agenda-items/:id (plenary)',
        (c, x) => c.delete(`/agenda-items/${x.plenaryItem}`),
        [401, 401, 403, 403, 204, 204],
        true,
      ),
      route(
        'POST /dialogues/:id/agenda/send',
        (c, x) => c.post(`/dialogues/${x.f.dialogue.id}/agenda/send`),
        [401, 401, 403, 403, 202, 202],
        true,
      ),
      // The manage routes are opened by the token in the path alone: only its holder knows it.
      route(
        'GET /registrations/manage/:token/agenda',
        (c, x, who) =>
          c.get(`/registrations/manage/${who === 'participant' ? x.token : 'unknown-token-0123456789abcdef'}/agenda`),
        [404, 200, 404, 404, 404, 404],
      ),
      route(
        'GET /registrations/manage/:token/agenda.ics',
        (c, x, who) =>
          c.get(
            `/registrations/manage/${who === 'participant' ? x.token : 'unknown-token-0123456789abcdef'}/agenda.ics`,
          ),
        [404, 200, 404, 404, 404, 404],
      ),
      route('GET /timeline', (c) => c.get('/timeline'), [200, 200, 200, 200, 200, 200]),
    ];
    const cases = routes.flatMap((r) => WHO.map((who) => [r.name, who, r] as const));

    it.each(cases)('%s as %s', async (_, who, r) => {
      const f = await fixture();
      const civilItem = (await create(f)).body.id;
      const plenaryItem = (
        await create(f, { spaceId: f.plenary.id, room: 'Room 1', startsAt: f.at(2), endsAt: f.at(3) })
      ).body.id;
      const participant = await insertParticipant(sut, f.dialogue.id, {
        spaces: [{ spaceId: f.civil.id, status: 'confirmed' }],
      });
      const clients: Record<Who, ApiClient> = {
        anonymous: sut.api,
        participant: sut.api.withToken(participant.token),
        coordinatorOfThis: coordinator.client,
        coordinatorOfOther: otherCoordinator.client,
        organizer,
        admin,
      };
      const before = await itemsOf(f);
      const res = await r.call(clients[who], { f, civilItem, plenaryItem, token: participant.token }, who);
      expect(res.status).toBe(r.expected[who]);
      if (res.status >= 400 || !r.changes) expect(await itemsOf(f)).toEqual(before);
    });
  });
});
