import type { ApiClient } from '@gfmd/api-testing';
import type { Page, RapporteurOutcome } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { outcomesWorld } from './outcomes.int-helpers';

/**
 * Who may call each outcome route: every route of the outcomes module, for an anonymous
 * visitor, a participant's manage token, the coordinator of one of the dialogue's spaces and of
 * another's, the rapporteur (a coordinator-role user named on the outcome, coordinating no space),
 * an organizer and an admin. A refused call answers problem+json and changes nothing.
 */
describe('Outcomes role matrix (integration)', () => {
  const w = outcomesWorld();
  const { put, current, rec, asBody, outcomeIn } = w;

  type Who =
    'anonymous' | 'participant' | 'coordinatorOfThis' | 'coordinatorOfOther' | 'rapporteur' | 'organizer' | 'admin';
  const WHO: Who[] = [
    'anonymous',
    'participant',
    'coordinatorOfThis',
    'coordinatorOfOther',
    'rapporteur',
    'organizer',
    'admin',
  ];
  type Fx = Awaited<ReturnType<typeof outcomeIn>>;
  type State = 'draft' | 'submitted' | 'approved' | 'published';
  const route = (
    name: string,
    state: State,
    call: (c: ApiClient, f: Fx) => Promise<{ status: number; headers: Headers }>,
    expected: [number, number, number, number, number, number, number],
  ) => ({
    name,
    state,
    call,
    expected: Object.fromEntries(WHO.map((who, i) => [who, expected[i]])) as Record<Who, number>,
  });
  const out = (f: Fx, tail = '') => `/dialogues/${f.dialogue.id}/outcome${tail}`;

  // Columns: anonymous, participant (a manage-link token as Bearer), coordinator of this space,
  // of another space, rapporteur (a coordinator-role user named on the outcome), organizer, admin.
  const routes = [
    route('GET outcome (never published)', 'draft', (c, f) => c.get(out(f)), [404, 404, 200, 200, 200, 200, 200]),
    route('GET outcome (published)', 'published', (c, f) => c.get(out(f)), [200, 200, 200, 200, 200, 200, 200]),
    route(
      'GET outcome/published (never published)',
      'approved',
      (c, f) => c.get(out(f, '/published')),
      [404, 404, 404, 404, 404, 404, 404],
    ),
    route(
      'GET outcome/published',
      'published',
      (c, f) => c.get(out(f, '/published')),
      [200, 200, 200, 200, 200, 200, 200],
    ),
    route(
      'PUT outcome (summary)',
      'draft',
      (c, f) =>
        put(c, f.dialogue.id, {
          summary: 'Changed.',
          recommendations: asBody(f.outcome),
          version: f.outcome.version,
        }),
      [401, 401, 403, 403, 200, 200, 200],
    ),
    route(
      'PUT outcome (a recommendation of this space)',
      'draft',
      (c, f) =>
        put(c, f.dialogue.id, {
          recommendations: [...asBody(f.outcome), rec({ spaceId: f.mine.id })],
          version: f.outcome.version,
        }),
      [401, 401, 200, 403, 200, 200, 200],
    ),
    route(
      'PUT outcome (published: a new draft)',
      'published',
      (c, f) =>
        put(c, f.dialogue.id, {
          summary: 'Corrected.',
          recommendations: asBody(f.outcome),
          version: f.outcome.version,
        }),
      [401, 401, 403, 403, 200, 200, 200],
    ),
    route(
      'PATCH outcome (rapporteurs)',
      'draft',
      (c, f) => c.patch(out(f), { rapporteurUserIds: [w.rapporteur.id, w.coordinator.id], version: f.outcome.version }),
      [401, 401, 403, 403, 403, 200, 200],
    ),
    route('POST submit', 'draft', (c, f) => c.post(out(f, '/submit')), [401, 401, 403, 403, 200, 200, 200]),
    route('POST approve', 'submitted', (c, f) => c.post(out(f, '/approve')), [401, 401, 403, 403, 403, 200, 200]),
    route(
      'POST return',
      'submitted',
      (c, f) => c.post(out(f, '/return'), { comment: 'More detail.' }),
      [401, 401, 403, 403, 403, 200, 200],
    ),
    route('POST publish', 'approved', (c, f) => c.post(out(f, '/publish')), [401, 401, 403, 403, 403, 200, 200]),
    route('GET versions', 'draft', (c, f) => c.get(out(f, '/versions')), [401, 401, 200, 200, 200, 200, 200]),
    route('GET versions/:n', 'draft', (c, f) => c.get(out(f, '/versions/1')), [401, 401, 200, 200, 200, 200, 200]),
    route('GET diff', 'submitted', (c, f) => c.get(out(f, '/diff')), [401, 401, 200, 200, 200, 200, 200]),
    route('GET /outcomes/mine', 'draft', (c) => c.get('/outcomes/mine'), [401, 401, 200, 200, 200, 200, 200]),
    route(
      'GET /recommendations',
      'published',
      (c, f) => c.get(`/recommendations?dialogueId=${f.dialogue.id}`),
      [200, 200, 200, 200, 200, 200, 200],
    ),
    route(
      'GET /recommendations/:reference',
      'published',
      (c, f) => c.get(`/recommendations/${f.outcome.recommendations[0].reference}`),
      [200, 200, 200, 200, 200, 200, 200],
    ),
    route(
      'GET /recommendations/:reference (unknown)',
      'published',
      (c) => c.get('/recommendations/GFMD-GCM-T0-D00-R00'),
      [404, 404, 404, 404, 404, 404, 404],
    ),
  ];
  const cases = routes.flatMap((r) => WHO.map((who) => [r.name, who, r] as const));

  // A route's fixture serves its next case while nothing has changed it: a refused call changes
  // nothing (checked below) and a GET only reads, so only a call that went through with another
  // method leaves the outcome in another state, and the next case gets a new fixture. Every case
  // still starts from an outcome in the route's state, at a third of the fixtures (and the time)
  // of one per case.
  const unchanged = new Map<string, Fx>();
  const fixtureFor = async (r: (typeof routes)[number]) => unchanged.get(r.name) ?? (await outcomeIn(r.state));

  it.each(cases)('%s as %s', async (_, who, r) => {
    const f = await fixtureFor(r);
    unchanged.delete(r.name);
    const clients: Record<Who, ApiClient> = {
      anonymous: w.sut.api,
      participant: w.sut.api.withToken(`manage-${randomUUID()}`),
      coordinatorOfThis: w.coordinator.client,
      coordinatorOfOther: w.otherCoordinator.client,
      rapporteur: w.rapporteur.client,
      organizer: w.organizer,
      admin: w.admin,
    };
    const res = await r.call(clients[who], f);
    expect(res.status).toBe(r.expected[who]);
    if (res.status >= 400) {
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(await current(f.dialogue.id)).toEqual(f.outcome);
    }
    if (res.status >= 400 || r.name.startsWith('GET ')) unchanged.set(r.name, f);
  });

  it("lists on /outcomes/mine the outcomes naming the user rapporteur, and no one else's", async () => {
    const a = await outcomeIn('draft');
    const b = await outcomeIn('submitted');
    const list = async (c: ApiClient) => (await c.get<Page<RapporteurOutcome>>('/outcomes/mine')).body.items;
    const mine = async (c: ApiClient) => (await list(c)).map((o) => o.dialogueId);
    const listed = await mine(w.rapporteur.client);
    expect(listed).toEqual(expect.arrayContaining([a.dialogue.id, b.dialogue.id]));
    // the last changed first
    expect(listed.indexOf(b.dialogue.id)).toBeLessThan(listed.indexOf(a.dialogue.id));
    expect((await list(w.rapporteur.client)).find((o) => o.dialogueId === b.dialogue.id)).toMatchObject({
      dialogueTitle: b.dialogue.title,
      status: 'submitted',
      version: 2,
    });
    for (const other of [w.coordinator.client, w.otherCoordinator.client, w.organizer]) {
      expect(await mine(other)).not.toContain(a.dialogue.id);
    }
    // Named away: gone from the list, on the new rapporteur's.
    const renamed = await w.organizer.patch(`/dialogues/${a.dialogue.id}/outcome`, {
      rapporteurUserIds: [w.coordinator.id],
      version: a.outcome.version,
    });
    expect(renamed.status).toBe(200);
    expect(await mine(w.rapporteur.client)).not.toContain(a.dialogue.id);
    expect(await mine(w.coordinator.client)).toContain(a.dialogue.id);
  });
});
