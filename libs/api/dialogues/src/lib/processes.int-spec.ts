import { AuthModule } from '@gfmd/api-auth';
import { PlatformModule } from '@gfmd/api-platform';
import { createTestApp, DialogueFactory, ownDatabaseUrl, TestApp, withEnv } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { Process } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { DialoguesModule } from './dialogues.module';
import { SeedService } from './seed.service';

const slug = () => `cycle-${randomUUID().slice(0, 8)}`;
const PROCESS = { title: 'GFMD 2027 consultations', startsAt: '2027-01-01T00:00:00Z', endsAt: '2027-12-31T23:00:00Z' };

describe('Processes (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let admin: ApiClient;
  let coordinator: ApiClient;

  beforeAll(async () => {
    // Its own database: the seeded process is counted whole, and other suites add sessions to it.
    sut = await withEnv({ DATABASE_URL: await ownDatabaseUrl('gfmd_test_processes') }, () =>
      createTestApp([PlatformModule, AuthModule, DialoguesModule]),
    );
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    admin = (await sut.staff('admin')).client;
    coordinator = (await sut.staff('coordinator')).client;
  });
  afterAll(() => sut.close());

  const newProcess = async (over: Record<string, unknown> = {}): Promise<Process> => {
    const res = await organizer.post('/processes', { ...PROCESS, slug: slug(), ...over });
    if (res.status !== 201) throw new Error(`${res.status} ${res.text}`);
    return res.body;
  };
  const count = async (table: string) =>
    Number((await sut.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('gives each process a unique code for its references: chosen, or made from the slug; changed by PATCH', async () => {
    const chosen = await newProcess({ code: `C${randomUUID().slice(0, 6).toUpperCase()}` });
    expect(chosen.code).toMatch(/^C[A-Z0-9]{6}$/);
    const s = `gfmd-${randomUUID().slice(0, 4)}`;
    const derived = await newProcess({ slug: s });
    expect(derived.code).toBe(s.toUpperCase().replace('-', ''));
    // Two slugs that make the same code: the second gets a number.
    const twin = await newProcess({ slug: `${s.slice(0, 7)}-${s.slice(7)}` });
    expect(twin.code).toBe(`${derived.code}2`);
    const dup = await organizer.post('/processes', { ...PROCESS, slug: slug(), code: chosen.code });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ type: 'https://gfmd-dialogues.org/problems/duplicate-process-code' });
    for (const bad of ['gcm', 'G', 'GCM-2', 'ABCDEFGHIJK', '1GCM', '']) {
      const res = await organizer.post('/processes', { ...PROCESS, slug: slug(), code: bad });
      expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, 'code']);
    }
    const renamed = await organizer.patch(`/processes/${derived.id}`, { code: 'RENAMED1' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.code).toBe('RENAMED1');
    const taken = await organizer.patch(`/processes/${derived.id}`, { code: chosen.code });
    expect(taken.status).toBe(409);
    expect((await sut.api.get<Process>(`/processes/${derived.id}`)).body.code).toBe('RENAMED1');
    expect((await organizer.patch(`/processes/${derived.id}`, { code: null })).status).toBe(400);
  });

  it('migrates today’s data into the seeded GCM 2017–2018 process with its phases and milestones', async () => {
    const list = (await sut.api.get<Process[]>('/processes')).body;
    const gcm = list.find((p) => p.slug === 'gcm-2017-2018')!;
    expect(gcm.title).toBe('Global Compact for Migration 2017–2018');
    expect(gcm.code).toBe('GCM');
    expect(gcm.phases.map((p) => [p.kind, p.startsAt.slice(0, 7), p.endsAt.slice(0, 10)])).toEqual([
      ['consultation', '2017-04', '2017-12-01'],
      ['stocktaking', '2017-12', '2018-02-01'],
      ['negotiation', '2018-02', '2018-08-01'],
    ]);
    expect(gcm.milestones).toEqual([
      expect.objectContaining({
        kind: 'stocktaking_meeting',
        venue: 'Puerto Vallarta, Mexico',
        timeZone: 'America/Mexico_City',
        startsAt: '2017-12-04T15:00:00.000Z', // 09:00 in Puerto Vallarta (CST)
        endsAt: '2017-12-07T00:00:00.000Z',
      }),
      expect.objectContaining({
        kind: 'intergovernmental_conference',
        venue: 'Marrakech, Morocco',
        timeZone: 'Africa/Casablanca',
        startsAt: '2018-12-10T08:00:00.000Z', // 09:00 in Marrakech (UTC+1 since October 2018)
      }),
    ]);
    const sessions = (await sut.api.get(`/informal-sessions?processId=${gcm.id}`)).body as { number: number }[];
    // Other suites on the shared test database add sessions to the GCM process (the default one).
    expect(sessions.map((s) => s.number).filter((n) => n <= 6)).toEqual([1, 2, 3, 4, 5, 6]);
    const themes = (await sut.api.get(`/themes?processId=${gcm.id}`)).body as {
      id: string;
      code: string;
      processId: string;
    }[];
    expect(themes.filter((t) => /^T[1-6]$/.test(t.code)).every((t) => t.processId === gcm.id)).toBe(true);
    const timeline = await sut.api.get(`/processes/${gcm.id}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.sessions).toHaveLength(6);
    expect(timeline.body.phases).toHaveLength(3);
    expect(timeline.body.milestones).toHaveLength(2);
    // POST /informal-sessions without processId still works: the session joins the GCM process.
    expect(
      (
        await organizer.post('/informal-sessions', {
          number: 900_000 + Math.floor(Math.random() * 90_000),
          title: 'Legacy route',
          themeId: themes[0].id,
          startsAt: '2030-01-01T09:00:00Z',
          endsAt: '2030-01-01T17:00:00Z',
          venue: 'Geneva',
          timeZone: 'Europe/Zurich',
        })
      ).body.processId,
    ).toBe(gcm.id);
  });

  it('creates and edits a process with its phases, milestones, themes and sessions', async () => {
    const p = await newProcess();
    expect(p).toMatchObject({ title: PROCESS.title, phases: [], milestones: [] });
    const phase = await organizer.post(`/processes/${p.id}/phases`, {
      kind: 'consultation',
      title: 'Regional consultations',
      startsAt: '2027-02-01T00:00:00Z',
      endsAt: '2027-06-01T00:00:00Z',
    });
    expect(phase.status).toBe(201);
    expect((await organizer.patch(`/phases/${phase.body.id}`, { title: 'Consultations' })).body.title).toBe(
      'Consultations',
    );
    const milestone = await organizer.post(`/processes/${p.id}/milestones`, {
      kind: 'deadline',
      title: 'Written contributions due',
      startsAt: '2027-05-01T22:00:00Z',
      timeZone: 'America/New_York',
    });
    expect(milestone.status).toBe(201);
    expect(milestone.body).toMatchObject({ endsAt: null, venue: null, timeZone: 'America/New_York' });
    const theme = await organizer.post('/themes', {
      code: `X${randomUUID().slice(0, 6)}`,
      title: 'Climate mobility',
      processId: p.id,
    });
    expect(theme.status).toBe(201);
    expect((await organizer.patch(`/themes/${theme.body.id}`, { title: 'Climate and mobility' })).body.title).toBe(
      'Climate and mobility',
    );
    const session = await organizer.post(`/processes/${p.id}/informal-sessions`, {
      number: 1, // numbers are per process: GCM's session 1 exists already
      title: 'First informal session',
      themeId: theme.body.id,
      startsAt: '2027-03-10T09:00:00+01:00',
      endsAt: '2027-03-11T18:00:00+01:00',
      venue: 'Geneva',
      timeZone: 'Europe/Zurich',
    });
    expect(session.status).toBe(201);
    expect(session.body.processId).toBe(p.id);
    const again = await organizer.get(`/processes/${p.id}`);
    expect(again.body.phases).toHaveLength(1);
    expect(again.body.milestones).toHaveLength(1);
    const renamed = await admin.patch(`/processes/${p.id}`, { title: 'GFMD 2027', endsAt: '2027-11-30T00:00:00Z' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ title: 'GFMD 2027', endsAt: '2027-11-30T00:00:00.000Z' });
    const themes = (await sut.api.get(`/themes?processId=${p.id}`)).body as { id: string }[];
    expect(themes.map((t) => t.id)).toContain(theme.body.id);
    expect((await organizer.delete(`/phases/${phase.body.id}`)).status).toBe(204);
    expect((await organizer.delete(`/milestones/${milestone.body.id}`)).status).toBe(204);
    expect((await organizer.delete(`/milestones/${milestone.body.id}`)).status).toBe(404);
    expect((await organizer.get(`/processes/${p.id}`)).body).toMatchObject({ phases: [], milestones: [] });
  });

  it('refuses bad input with a problem and changes nothing', async () => {
    const p = await newProcess();
    const before = {
      processes: await count('processes'),
      phases: await count('phases'),
      milestones: await count('milestones'),
      themes: await count('themes'),
      sessions: await count('informal_sessions'),
    };
    const expectProblem = async (
      res: Promise<{ status: number; body: any; headers: Headers }>,
      status: number,
      slugName: string,
      field?: string,
    ) => {
      const r = await res;
      expect(r.status).toBe(status);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body.type).toBe(`https://gfmd-dialogues.org/problems/${slugName}`);
      if (field) expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    // Phases and milestones outside their process.
    await expectProblem(
      organizer.post(`/processes/${p.id}/phases`, {
        kind: 'negotiation',
        title: 'Too late',
        startsAt: '2027-11-01T00:00:00Z',
        endsAt: '2028-02-01T00:00:00Z',
      }),
      422,
      'outside-process',
      'endsAt',
    );
    await expectProblem(
      organizer.post(`/processes/${p.id}/milestones`, {
        kind: 'other',
        title: 'Too early',
        startsAt: '2026-12-01T00:00:00Z',
        timeZone: 'Europe/Zurich',
      }),
      422,
      'outside-process',
      'startsAt',
    );
    // A phase ending before it starts; a process ending before it starts.
    await expectProblem(
      organizer.post(`/processes/${p.id}/phases`, {
        kind: 'other',
        title: 'Backwards',
        startsAt: '2027-05-01T00:00:00Z',
        endsAt: '2027-04-01T00:00:00Z',
      }),
      400,
      'invalid-input',
      'endsAt',
    );
    await expectProblem(
      organizer.post('/processes', { ...PROCESS, slug: slug(), endsAt: '2026-01-01T00:00:00Z' }),
      400,
      'invalid-input',
      'endsAt',
    );
    // An unknown zone.
    await expectProblem(
      organizer.post(`/processes/${p.id}/milestones`, {
        kind: 'other',
        title: 'Somewhere',
        startsAt: '2027-05-01T00:00:00Z',
        timeZone: 'Mars/Olympus_Mons',
      }),
      400,
      'invalid-input',
      'timeZone',
    );
    // A session ending before it starts.
    const themes = (await sut.api.get('/themes')).body as { id: string; code: string }[];
    await expectProblem(
      organizer.post(`/processes/${p.id}/informal-sessions`, {
        number: 2,
        title: 'Backwards',
        themeId: themes[0].id,
        startsAt: '2027-03-11T09:00:00Z',
        endsAt: '2027-03-10T09:00:00Z',
        venue: 'Geneva',
        timeZone: 'Europe/Zurich',
      }),
      400,
      'invalid-input',
      'endsAt',
    );
    // Duplicate slug and theme code.
    await expectProblem(organizer.post('/processes', { ...PROCESS, slug: p.slug }), 409, 'duplicate-process', 'slug');
    await expectProblem(
      organizer.post('/themes', { code: themes[0].code, title: 'Again' }),
      409,
      'duplicate-theme',
      'code',
    );
    // Narrowing a process past its phases.
    await organizer.post(`/processes/${p.id}/phases`, {
      kind: 'stocktaking',
      title: 'Stocktaking',
      startsAt: '2027-10-01T00:00:00Z',
      endsAt: '2027-12-01T00:00:00Z',
    });
    before.phases++;
    await expectProblem(
      organizer.patch(`/processes/${p.id}`, { endsAt: '2027-11-01T00:00:00Z' }),
      422,
      'outside-process',
    );
    // Unknown fields, unknown process.
    await expectProblem(organizer.post('/processes', { ...PROCESS, slug: slug(), color: 'red' }), 400, 'invalid-input');
    await expectProblem(
      organizer.post(`/processes/${randomUUID()}/phases`, {
        kind: 'other',
        title: 'x',
        startsAt: PROCESS.startsAt,
        endsAt: PROCESS.endsAt,
      }),
      404,
      'not-found',
    );
    expect({
      processes: await count('processes'),
      phases: await count('phases'),
      milestones: await count('milestones'),
      themes: await count('themes'),
      sessions: await count('informal_sessions'),
    }).toEqual(before);
    expect((await organizer.get(`/processes/${p.id}`)).body.endsAt).toBe('2027-12-31T23:00:00.000Z');
  });

  it('answers a session move with the dialogues ahead of it, their new lead time and warnings, and moves nothing else', async () => {
    const p = await newProcess();
    const themes = (await sut.api.get('/themes')).body as { id: string }[];
    const session = (
      await organizer.post(`/processes/${p.id}/informal-sessions`, {
        number: 1,
        title: 'Session',
        themeId: themes[0].id,
        startsAt: '2027-06-14T10:00:00+02:00',
        endsAt: '2027-06-15T18:00:00+02:00',
        venue: 'Geneva',
        timeZone: 'Europe/Zurich',
      })
    ).body;
    const d = await DialogueFactory.create(organizer, {
      informalSessionId: session.id,
      startsAt: '2027-05-31T09:00:00+02:00',
      endsAt: '2027-05-31T17:00:00+02:00',
    });
    expect(d.leadTimeDays).toBe(14);
    const unchanged = await organizer.patch(`/informal-sessions/${session.id}`, { title: 'Renamed' });
    expect(unchanged.body.affectedDialogues).toEqual([]);
    const moved = await organizer.patch(`/informal-sessions/${session.id}`, {
      startsAt: '2027-06-03T10:00:00+02:00',
      endsAt: '2027-06-04T18:00:00+02:00',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.startsAt).toBe('2027-06-03T08:00:00.000Z');
    expect(moved.body.affectedDialogues).toEqual([
      expect.objectContaining({
        id: d.id,
        leadTimeDays: 3,
        schedulingWarnings: [expect.stringContaining('only 3 days')],
      }),
    ]);
    const after = (await organizer.get(`/dialogues/${d.id}`)).body;
    expect(after).toMatchObject({ startsAt: d.startsAt, endsAt: d.endsAt, leadTimeDays: 3 });
    // The staff timeline shows the draft; the public one does not.
    const staffTimeline = (await organizer.get(`/processes/${p.id}/timeline`)).body;
    expect(staffTimeline.dialogues.map((x: { id: string }) => x.id)).toEqual([d.id]);
    expect((await sut.api.get(`/processes/${p.id}/timeline`)).body.dialogues).toEqual([]);
    // The slim shape (TimelineDialogue): what the calendar draws, nothing else (no link, counts, translations).
    expect(staffTimeline.dialogues[0]).toEqual({
      id: d.id,
      title: after.title,
      titleLang: 'en',
      informalSessionId: session.id,
      themeIds: after.themeIds,
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      timeZone: after.timeZone,
      venue: after.venue,
      format: after.format,
      status: 'draft',
      leadTimeDays: 3,
    });
  });

  describe('role matrix', () => {
    // Columns: anonymous, coordinator, organizer, admin.
    type Who = 'anonymous' | 'coordinator' | 'organizer' | 'admin';
    const WHO: Who[] = ['anonymous', 'coordinator', 'organizer', 'admin'];
    const client = (who: Who) => ({ anonymous: sut.api, coordinator, organizer, admin })[who];
    const routes: [string, (c: ApiClient, p: Process) => Promise<{ status: number }>, number[]][] = [
      ['GET /processes', (c) => c.get('/processes'), [200, 200, 200, 200]],
      ['GET /processes/:id', (c, p) => c.get(`/processes/${p.id}`), [200, 200, 200, 200]],
      ['GET /processes/:id/timeline', (c, p) => c.get(`/processes/${p.id}/timeline`), [200, 200, 200, 200]],
      ['POST /processes', (c) => c.post('/processes', { ...PROCESS, slug: slug() }), [401, 403, 201, 201]],
      ['PATCH /processes/:id', (c, p) => c.patch(`/processes/${p.id}`, { title: 'x' }), [401, 403, 200, 200]],
      [
        'POST /processes/:id/phases',
        (c, p) =>
          c.post(`/processes/${p.id}/phases`, {
            kind: 'other',
            title: 'x',
            startsAt: PROCESS.startsAt,
            endsAt: PROCESS.endsAt,
          }),
        [401, 403, 201, 201],
      ],
      ['PATCH /phases/:id', (c, p) => c.patch(`/phases/${p.phases[0].id}`, { title: 'y' }), [401, 403, 200, 200]],
      ['DELETE /phases/:id', (c, p) => c.delete(`/phases/${p.phases[0].id}`), [401, 403, 204, 204]],
      [
        'POST /processes/:id/milestones',
        (c, p) =>
          c.post(`/processes/${p.id}/milestones`, {
            kind: 'other',
            title: 'x',
            startsAt: PROCESS.startsAt,
            timeZone: 'UTC',
          }),
        [401, 403, 201, 201],
      ],
      [
        'PATCH /milestones/:id',
        (c, p) => c.patch(`/milestones/${p.milestones[0].id}`, { title: 'y' }),
        [401, 403, 200, 200],
      ],
      ['DELETE /milestones/:id', (c, p) => c.delete(`/milestones/${p.milestones[0].id}`), [401, 403, 204, 204]],
      [
        'POST /themes',
        (c) => c.post('/themes', { code: `R${randomUUID().slice(0, 8)}`, title: 'x' }),
        [401, 403, 201, 201],
      ],
      [
        'POST /processes/:id/informal-sessions',
        async (c, p) => {
          const themes = (await sut.api.get('/themes')).body as { id: string }[];
          return c.post(`/processes/${p.id}/informal-sessions`, {
            number: Math.floor(Math.random() * 1_000_000) + 1,
            title: 'x',
            themeId: themes[0].id,
            startsAt: '2027-03-01T09:00:00Z',
            endsAt: '2027-03-01T17:00:00Z',
            venue: 'Geneva',
            timeZone: 'Europe/Zurich',
          });
        },
        [401, 403, 201, 201],
      ],
    ];
    for (const [name, call, expected] of routes) {
      it(name, async () => {
        for (const [i, who] of WHO.entries()) {
          // A fresh process with one phase and one milestone per caller (deletes must find theirs).
          const p = await newProcess();
          await organizer.post(`/processes/${p.id}/phases`, {
            kind: 'other',
            title: 'p',
            startsAt: PROCESS.startsAt,
            endsAt: PROCESS.endsAt,
          });
          await organizer.post(`/processes/${p.id}/milestones`, {
            kind: 'other',
            title: 'm',
            startsAt: PROCESS.startsAt,
            timeZone: 'UTC',
          });
          const full = (await organizer.get(`/processes/${p.id}`)).body as Process;
          expect([who, (await call(client(who), full)).status]).toEqual([who, expected[i]]);
        }
      });
    }
    it('PATCH /themes/:id', async () => {
      const theme = (await organizer.post('/themes', { code: `S${randomUUID().slice(0, 8)}`, title: 'x' })).body;
      for (const [i, who] of WHO.entries()) {
        expect([who, (await client(who).patch(`/themes/${theme.id}`, { title: `t${i}` })).status]).toEqual([
          who,
          [401, 403, 200, 200][i],
        ]);
      }
    });
  });
});
