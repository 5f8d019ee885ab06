import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { createTestApp, DialogueFactory as Dialogues, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { SpacesModule } from './spaces.module';
import { SpacesService } from './spaces.service';

describe('SpacesController (integration)', () => {
  let sut: TestApp;
  let admin: ApiClient;
  let organizer: ApiClient;
  let coordinator: { id: string; client: ApiClient };
  let otherCoordinator: { id: string; client: ApiClient };

  beforeAll(async () => {
    sut = await createTestApp([PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule]);
    await sut.app.get(SeedService).seedProcess();
    admin = (await sut.staff('admin')).client;
    organizer = (await sut.staff('organizer')).client;
    coordinator = await sut.staff('coordinator');
    otherCoordinator = await sut.staff('coordinator');
  });
  afterAll(() => sut.close());

  // The seeded informal session 1 for every dialogue: session numbers (1–1000) are scarce in the shared test database.
  let informalSessionId: string;
  const DialogueFactory = {
    create: async (client: ApiClient) => Dialogues.create(client, { informalSessionId }),
    createPublished: async (client: ApiClient) => Dialogues.createPublished(client, { informalSessionId }),
  };
  beforeAll(async () => {
    const sessions = (await organizer.get<{ id: string; number: number }[]>('/informal-sessions')).body;
    informalSessionId = sessions.find((s) => s.number === 1)!.id;
  });

  const spaceBody = (overrides: Record<string, unknown> = {}) => ({
    name: `Civil Society space ${randomUUID().slice(0, 8)}`,
    kind: 'civil_society',
    coordinatingGroup: 'civil_society',
    coordinatorUserIds: [coordinator.id],
    capacity: 40,
    access: 'open',
    description: 'Run by civil society.',
    rooms: ['Room 2', 'Room 2b'],
    ...overrides,
  });

  async function dialogueWithSpaces(published = true) {
    const dialogue = published
      ? await DialogueFactory.createPublished(organizer)
      : await DialogueFactory.create(organizer);
    const mine = (await organizer.post(`/dialogues/${dialogue.id}/spaces`, spaceBody())).body;
    const theirs = (
      await organizer.post(
        `/dialogues/${dialogue.id}/spaces`,
        spaceBody({
          kind: 'business',
          coordinatingGroup: 'private_sector',
          coordinatorUserIds: [otherCoordinator.id],
          rooms: ['Room 3'],
        }),
      )
    ).body;
    return { dialogue, mine, theirs };
  }

  it('creates a space with every field and lists it', async () => {
    const dialogue = await DialogueFactory.create(organizer);
    const res = await organizer.post(
      `/dialogues/${dialogue.id}/spaces`,
      spaceBody({ name: 'Civil Society space', rooms: [' Room  2 ', 'Room 3'] }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      dialogueId: dialogue.id,
      name: 'Civil Society space',
      kind: 'civil_society',
      coordinatingGroup: 'civil_society',
      coordinatorUserIds: [coordinator.id],
      capacity: 40,
      access: 'open',
      allowedGroups: null,
      rooms: ['Room 2', 'Room 3'],
      confirmedCount: 0,
    });
    const list = await organizer.get(`/dialogues/${dialogue.id}/spaces`);
    expect(list.body.map((s: { id: string }) => s.id)).toEqual([res.body.id]);
  });

  it('keeps group_only spaces to their allowed groups', async () => {
    const dialogue = await DialogueFactory.create(organizer);
    const missing = await organizer.post(`/dialogues/${dialogue.id}/spaces`, spaceBody({ access: 'group_only' }));
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('allowedGroups');
    const ok = await organizer.post(
      `/dialogues/${dialogue.id}/spaces`,
      spaceBody({ access: 'group_only', allowedGroups: ['government', 'local_authority'] }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.allowedGroups).toEqual(['government', 'local_authority']);
    const opened = await organizer.patch(`/spaces/${ok.body.id}`, { access: 'open' });
    expect(opened.body).toMatchObject({ access: 'open', allowedGroups: null });
  });

  describe('bad input changes nothing', () => {
    const cases: [string, () => Record<string, unknown>, number, string][] = [
      ['an unknown kind', () => ({ kind: 'party' }), 400, 'kind'],
      ['an unknown access', () => ({ access: 'vip' }), 400, 'access'],
      ['an unknown allowed group', () => ({ access: 'group_only', allowedGroups: ['aliens'] }), 400, 'allowedGroups'],
      ['allowed groups without group_only', () => ({ allowedGroups: ['government'] }), 400, 'allowedGroups'],
      ['a blank room', () => ({ rooms: ['Room 1', '   '] }), 400, 'rooms.1'],
      ['a room listed twice', () => ({ rooms: ['Room 1', 'room 1'] }), 400, 'rooms.1'],
      ['a room that is not text', () => ({ rooms: [7] }), 400, 'rooms'],
      ['a negative capacity', () => ({ capacity: -1 }), 400, 'capacity'],
      ['an unknown field', () => ({ sneaky: 1 }), 400, 'sneaky'],
      ['control characters in the name', () => ({ name: 'A\r\nB' }), 400, 'name'],
      ['an unknown user as coordinator', () => ({ coordinatorUserIds: [randomUUID()] }), 422, 'coordinatorUserIds'],
    ];
    it.each(cases)('refuses %s', async (_, patch, status, field) => {
      const dialogue = await DialogueFactory.create(organizer);
      const res = await organizer.post(`/dialogues/${dialogue.id}/spaces`, spaceBody(patch()));
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect((await organizer.get(`/dialogues/${dialogue.id}/spaces`)).body).toEqual([]);
    });

    it('refuses an organizer as coordinator (coordinators must have the coordinator role)', async () => {
      const dialogue = await DialogueFactory.create(organizer);
      const other = await sut.staff('organizer');
      const res = await organizer.post(
        `/dialogues/${dialogue.id}/spaces`,
        spaceBody({ coordinatorUserIds: [other.id] }),
      );
      expect(res.status).toBe(422);
    });

    it('refuses a second space with the same name (409) and an unknown dialogue (404)', async () => {
      const dialogue = await DialogueFactory.create(organizer);
      await organizer.post(`/dialogues/${dialogue.id}/spaces`, spaceBody({ name: 'Plenary', kind: 'plenary' }));
      const dup = await organizer.post(
        `/dialogues/${dialogue.id}/spaces`,
        spaceBody({ name: 'plenary', kind: 'plenary' }),
      );
      expect(dup.status).toBe(409);
      expect((await organizer.post(`/dialogues/${randomUUID()}/spaces`, spaceBody())).status).toBe(404);
    });

    it('refuses spaces in a cancelled dialogue (422)', async () => {
      const dialogue = await DialogueFactory.createPublished(organizer);
      await organizer.post(`/dialogues/${dialogue.id}/cancel`);
      expect((await organizer.post(`/dialogues/${dialogue.id}/spaces`, spaceBody())).status).toBe(422);
    });
  });

  it('shows anonymous visitors the spaces of published dialogues only, without coordinator ids', async () => {
    const { dialogue, mine } = await dialogueWithSpaces(true);
    const draft = await dialogueWithSpaces(false);
    const list = await sut.api.get(`/dialogues/${dialogue.id}/spaces`);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    expect(list.body[0].coordinatorUserIds).toBeUndefined();
    expect((await sut.api.get(`/spaces/${mine.id}`)).body).toMatchObject({ id: mine.id, rooms: mine.rooms });
    expect((await sut.api.get(`/dialogues/${draft.dialogue.id}/spaces`)).status).toBe(404);
    expect((await sut.api.get(`/spaces/${draft.mine.id}`)).status).toBe(404);
    expect((await coordinator.client.get(`/spaces/${draft.mine.id}`)).body.coordinatorUserIds).toEqual([
      coordinator.id,
    ]);
  });

  describe('role matrix', () => {
    type Who = 'anonymous' | 'participant' | 'coordinatorOfThis' | 'coordinatorOfOther' | 'organizer' | 'admin';
    const client = (who: Who): ApiClient =>
      ({
        anonymous: sut.api,
        // A manage-link token is no staff credential: as a Bearer token it is refused like any other.
        participant: sut.api.withToken('not-a-staff-token-but-a-manage-link-token'),
        coordinatorOfThis: coordinator.client,
        coordinatorOfOther: otherCoordinator.client,
        organizer,
        admin,
      })[who];

    const routes: {
      name: string;
      call: (c: ApiClient, ids: { dialogueId: string; spaceId: string }) => Promise<{ status: number }>;
      expected: Record<Who, number>;
    }[] = [
      {
        name: 'GET /dialogues/:id/spaces',
        call: (c, ids) => c.get(`/dialogues/${ids.dialogueId}/spaces`),
        expected: {
          anonymous: 200,
          participant: 200,
          coordinatorOfThis: 200,
          coordinatorOfOther: 200,
          organizer: 200,
          admin: 200,
        },
      },
      {
        name: 'GET /spaces/:id',
        call: (c, ids) => c.get(`/spaces/${ids.spaceId}`),
        expected: {
          anonymous: 200,
          participant: 200,
          coordinatorOfThis: 200,
          coordinatorOfOther: 200,
          organizer: 200,
          admin: 200,
        },
      },
      {
        name: 'POST /dialogues/:id/spaces',
        call: (c, ids) => c.post(`/dialogues/${ids.dialogueId}/spaces`, spaceBody({ coordinatorUserIds: [] })),
        expected: {
          anonymous: 401,
          participant: 401,
          coordinatorOfThis: 403,
          coordinatorOfOther: 403,
          organizer: 201,
          admin: 201,
        },
      },
      {
        name: 'PATCH /spaces/:id {description, rooms}',
        call: (c, ids) =>
          c.patch(`/spaces/${ids.spaceId}`, { description: 'Updated.', rooms: ['Room 2', 'Room 2b', 'Room 2c'] }),
        expected: {
          anonymous: 401,
          participant: 401,
          coordinatorOfThis: 200,
          coordinatorOfOther: 403,
          organizer: 200,
          admin: 200,
        },
      },
      {
        name: 'PATCH /spaces/:id {capacity}',
        call: (c, ids) => c.patch(`/spaces/${ids.spaceId}`, { capacity: 99 }),
        expected: {
          anonymous: 401,
          participant: 401,
          coordinatorOfThis: 403,
          coordinatorOfOther: 403,
          organizer: 200,
          admin: 200,
        },
      },
      {
        name: 'DELETE /spaces/:id',
        call: (c, ids) => c.delete(`/spaces/${ids.spaceId}`),
        expected: {
          anonymous: 401,
          participant: 401,
          coordinatorOfThis: 403,
          coordinatorOfOther: 403,
          organizer: 204,
          admin: 204,
        },
      },
    ];
    const cases = routes.flatMap((r) => (Object.keys(r.expected) as Who[]).map((who) => [r.name, who, r] as const));

    it.each(cases)('%s as %s', async (_, who, route) => {
      const { dialogue, mine } = await dialogueWithSpaces(true);
      const before = (await organizer.get(`/spaces/${mine.id}`)).body;
      const res = await route.call(client(who), { dialogueId: dialogue.id, spaceId: mine.id });
      expect(res.status).toBe(route.expected[who]);
      if (res.status >= 400) {
        // A refusal changes nothing.
        expect((await organizer.get(`/spaces/${mine.id}`)).body).toEqual(before);
        expect((await organizer.get(`/dialogues/${dialogue.id}/spaces`)).body).toHaveLength(2);
      }
    });
  });

  it('lets a coordinator change only description and rooms, naming the forbidden fields', async () => {
    const { mine } = await dialogueWithSpaces(true);
    const res = await coordinator.client.patch(`/spaces/${mine.id}`, {
      description: 'ok',
      access: 'approval',
      coordinatorUserIds: [],
    });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/access, coordinatorUserIds/);
  });

  it('lets a coordinator translate the description of their own space, not its name nor another space', async () => {
    const { mine, theirs } = await dialogueWithSpaces(true);
    const res = await coordinator.client.patch(`/spaces/${mine.id}`, {
      description: 'Run by civil society.',
      translations: {
        fr: { description: 'Animé par la société civile.' },
        ar: { description: 'يديره المجتمع المدني.' },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.translations).toEqual({
      fr: { description: 'Animé par la société civile.' },
      ar: { description: 'يديره المجتمع المدني.' },
    });
    // Read back in French by the public.
    const fr = (await sut.api.get(`/spaces/${mine.id}?lang=fr`)).body;
    expect(fr).toMatchObject({ description: 'Animé par la société civile.', descriptionLang: 'fr' });
    // The name stays the organizer's, in every language; the refusal names the field and changes nothing.
    const before = (await organizer.get(`/spaces/${mine.id}`)).body;
    const renamed = await coordinator.client.patch(`/spaces/${mine.id}`, {
      translations: { fr: { name: 'Autre nom', description: 'x' } },
    });
    expect(renamed.status).toBe(403);
    expect(renamed.body.detail).toMatch(/translations\.fr\.name/);
    expect(renamed.body.detail).toMatch(/translations \(description\)/);
    expect((await organizer.get(`/spaces/${mine.id}`)).body).toEqual(before);
    // Another coordinator's space: refused, untouched.
    const theirsBefore = (await organizer.get(`/spaces/${theirs.id}`)).body;
    const other = await coordinator.client.patch(`/spaces/${theirs.id}`, {
      translations: { fr: { description: 'Pas le mien.' } },
    });
    expect(other.status).toBe(403);
    expect((await organizer.get(`/spaces/${theirs.id}`)).body).toEqual(theirsBefore);
    // Bad translations are refused as for organizers (400, the path named).
    const bad = await coordinator.client.patch(`/spaces/${mine.id}`, {
      translations: { fr: { description: 'x'.repeat(5001) } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'translations.fr.description' })]);
  });

  // Deleting a space someone holds or awaits a seat in: libs/api/agenda/src/lib/space-usage.int-spec.ts
  // (the registrations domain answers through SpaceUsage, so that test needs both domains).

  it('refuses a capacity below the confirmed seats', async () => {
    const { mine } = await dialogueWithSpaces(true);
    await sut.dataSource.query('UPDATE spaces SET confirmed_count = 5 WHERE id = $1', [mine.id]);
    const res = await organizer.patch(`/spaces/${mine.id}`, { capacity: 4 });
    expect(res.status).toBe(422);
    expect((await organizer.patch(`/spaces/${mine.id}`, { capacity: 5 })).status).toBe(200);
  });

  it('tells other domains who coordinates what', async () => {
    const { dialogue, mine, theirs } = await dialogueWithSpaces(true);
    const service = sut.app.get(SpacesService);
    expect(await service.spaceIdsCoordinatedBy(coordinator.id, dialogue.id)).toEqual([mine.id]);
    expect(await service.spaceIdsCoordinatedBy(otherCoordinator.id, dialogue.id)).toEqual([theirs.id]);
    const asThis = { id: coordinator.id, email: 'x', name: 'x', role: 'coordinator' as const };
    await expect(service.assertCoordinatorOf(asThis, mine.id)).resolves.toMatchObject({ id: mine.id });
    await expect(service.assertCoordinatorOf(asThis, theirs.id)).rejects.toMatchObject({ status: 403 });
    await expect(service.assertCoordinatorOf({ ...asThis, role: 'organizer' }, theirs.id)).resolves.toBeTruthy();
    await expect(service.assertCoordinatorOf(asThis, randomUUID())).rejects.toMatchObject({ status: 404 });
  });
});
