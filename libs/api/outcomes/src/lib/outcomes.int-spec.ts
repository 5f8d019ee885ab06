import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { Dialogue, InformalSession, Outcome, Theme } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { OutcomesModule } from './outcomes.module';

describe('Outcomes and recommendations (integration)', () => {
  let sut: TestApp;
  let admin: ApiClient;
  let organizer: ApiClient;
  let otherOrganizer: { id: string; client: ApiClient };
  let rapporteur: { id: string; client: ApiClient };
  let coordinator: { id: string; client: ApiClient };
  let otherCoordinator: { id: string; client: ApiClient };
  let session: InformalSession;
  let themes: Theme[];

  beforeAll(async () => {
    sut = await createTestApp([PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, OutcomesModule]);
    await sut.app.get(SeedService).seedProcess();
    admin = (await sut.staff('admin')).client;
    organizer = (await sut.staff('organizer')).client;
    otherOrganizer = await sut.staff('organizer');
    // Any staff role may be named rapporteur: this one is a coordinator of no space.
    rapporteur = await sut.staff('coordinator');
    coordinator = await sut.staff('coordinator');
    otherCoordinator = await sut.staff('coordinator');
    themes = (await organizer.get<Theme[]>('/themes')).body;
    // A session of its own, so searches filtered by it see only this run's recommendations.
    session = await InformalSessionFactory.create(organizer, {}, 45);
  });
  afterAll(() => sut.close());

  const put = (c: ApiClient, dialogueId: string, body: unknown) =>
    c.request('PUT', `/dialogues/${dialogueId}/outcome`, body);
  const current = async (dialogueId: string) => (await organizer.get<Outcome>(`/dialogues/${dialogueId}/outcome`)).body;
  const rec = (overrides: Record<string, unknown> = {}) => ({
    text: `A recommendation ${randomUUID().slice(0, 8)}`,
    kind: 'policy_recommendation',
    themeIds: [themes[0].id],
    addressedTo: ['government'],
    ...overrides,
  });
  /** The recommendations as a client sends them back (ids kept, no references). */
  const asBody = (o: Outcome) =>
    o.recommendations.map(({ reference: _r, ...r }) => ({ ...r, spaceId: r.spaceId ?? null }));

  async function fixture(published = true) {
    const dialogue: Dialogue = published
      ? await DialogueFactory.createPublished(organizer, { informalSessionId: session.id })
      : await DialogueFactory.create(organizer, { informalSessionId: session.id });
    const space = (body: Record<string, unknown>) =>
      organizer.post(`/dialogues/${dialogue.id}/spaces`, { access: 'open', rooms: [], ...body });
    const mine = (
      await space({
        name: 'Civil society',
        kind: 'civil_society',
        coordinatingGroup: 'civil_society',
        coordinatorUserIds: [coordinator.id],
      })
    ).body;
    const theirs = (
      await space({
        name: 'Business',
        kind: 'business',
        coordinatingGroup: 'private_sector',
        coordinatorUserIds: [otherCoordinator.id],
      })
    ).body;
    return { dialogue, mine, theirs };
  }

  /** A fixture whose outcome is in `state`, drafted by the rapporteur, with one recommendation. */
  async function outcomeIn(state: 'draft' | 'submitted' | 'approved' | 'published') {
    const f = await fixture();
    const res = await put(organizer, f.dialogue.id, {
      rapporteurUserIds: [rapporteur.id],
      summary: 'What the dialogue said.',
      keyMessages: ['Mobility is a shared responsibility.'],
      recommendations: [rec(), rec({ spaceId: f.mine.id, kind: 'good_practice' })],
      version: 0,
    });
    expect(res.status).toBe(200);
    const steps: [string, ApiClient][] = [
      ['submit', rapporteur.client],
      ['approve', organizer],
      ['publish', organizer],
    ];
    const upTo = { draft: 0, submitted: 1, approved: 2, published: 3 }[state];
    for (const [step, client] of steps.slice(0, upTo)) {
      const r = await client.post(`/dialogues/${f.dialogue.id}/outcome/${step}`);
      expect(r.status).toBe(200);
    }
    return { ...f, outcome: await current(f.dialogue.id) };
  }

  it('runs the whole loop: draft, coordinator adds, submit, return, resubmit, approve, publish, correct, search', async () => {
    const { dialogue, mine, theirs } = await fixture();
    const id = dialogue.id;
    // Before anything is saved staff read an empty draft; the public reads nothing.
    expect((await organizer.get(`/dialogues/${id}/outcome`)).body).toMatchObject({ status: 'draft', version: 0 });
    expect((await sut.api.get(`/dialogues/${id}/outcome`)).status).toBe(404);

    // The organizer names the rapporteur.
    const named = await organizer.patch(`/dialogues/${id}/outcome`, { rapporteurUserIds: [rapporteur.id], version: 0 });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ rapporteurUserIds: [rapporteur.id], version: 1 });

    // The rapporteur drafts: French and Spanish recommendations.
    const fr = 'Renforcer la protection sociale des travailleurs migrants saisonniers dans les pays de destination.';
    const es = 'Garantizar el acceso de las personas migrantes a viviendas dignas y asequibles en las ciudades.';
    const drafted = await put(rapporteur.client, id, {
      summary: 'Participants discussed labour mobility and housing.',
      keyMessages: ['Seasonal work needs portable social protection.'],
      recommendations: [
        rec({ text: fr, addressedTo: ['government', 'private_sector'] }),
        rec({ text: es, kind: 'good_practice', addressedTo: ['local_authority'] }),
      ],
      version: 1,
    });
    expect(drafted.status).toBe(200);
    expect(drafted.body).toMatchObject({ status: 'draft', version: 2 });

    // The coordinator adds their space's recommendation; touching another's is refused, nothing changed.
    const coordinatorText = 'Involve diaspora organisations in the design of skills partnerships.';
    const added = await put(coordinator.client, id, {
      recommendations: [
        ...asBody(drafted.body),
        rec({ text: coordinatorText, spaceId: mine.id, addressedTo: ['migrant_diaspora'] }),
      ],
      version: 2,
    });
    expect(added.status).toBe(200);
    expect(added.body.recommendations).toHaveLength(3);
    const edited = asBody(added.body);
    edited[0].text = 'Rewritten by a coordinator.';
    const refused = await put(coordinator.client, id, { recommendations: edited, version: 3 });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const foreign = await put(coordinator.client, id, {
      recommendations: [...asBody(added.body), rec({ spaceId: theirs.id })],
      version: 3,
    });
    expect(foreign.status).toBe(403);
    const removed = await put(coordinator.client, id, { recommendations: asBody(added.body).slice(1), version: 3 });
    expect(removed.status).toBe(403);
    const summaryByCoordinator = await put(coordinator.client, id, {
      summary: 'Mine now.',
      recommendations: asBody(added.body),
      version: 3,
    });
    expect(summaryByCoordinator.status).toBe(403);
    expect(await current(id)).toEqual(added.body);

    // Submit, return with a comment, resubmit.
    const submitted = await rapporteur.client.post(`/dialogues/${id}/outcome/submit`);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 4 });
    expect((await put(rapporteur.client, id, { recommendations: asBody(added.body), version: 4 })).status).toBe(409);
    const returned = await organizer.post(`/dialogues/${id}/outcome/return`, {
      comment: 'Name the countries of destination.',
    });
    expect(returned.body).toMatchObject({
      status: 'returned',
      returnComment: 'Name the countries of destination.',
      version: 5,
    });
    const fixed = asBody(returned.body);
    fixed[0].text = `${fr} Les pays de destination s’engagent.`;
    const resaved = await put(rapporteur.client, id, { recommendations: fixed, version: 5 });
    expect(resaved.status).toBe(200);
    expect((await rapporteur.client.post(`/dialogues/${id}/outcome/submit`)).body).toMatchObject({
      status: 'submitted',
      version: 7,
    });

    // The reviewer reads what changed since the last submission.
    const diff = await organizer.get(`/dialogues/${id}/outcome/diff`);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: 4, to: 7 });
    expect(diff.body.recommendations.added).toEqual([]);
    expect(diff.body.recommendations.changed).toEqual([
      expect.objectContaining({ id: fixed[0].id, changes: [expect.objectContaining({ field: 'text', before: fr })] }),
    ]);
    const full = await organizer.get(`/dialogues/${id}/outcome/diff?from=1&to=3`);
    expect(full.body.recommendations.added).toHaveLength(3);
    expect(full.body.fields.map((c: { field: string }) => c.field)).toContain('summary');

    // Approve and publish: references in order of the recommendations' numbers.
    expect((await organizer.post(`/dialogues/${id}/outcome/approve`)).body.status).toBe('approved');
    const published = await organizer.post(`/dialogues/${id}/outcome/publish`);
    expect(published.status).toBe(200);
    const refs = published.body.recommendations.map((r: { reference: string }) => r.reference);
    const prefix = refs[0].replace(/-R01$/, '');
    expect(prefix).toMatch(new RegExp(`^GFMD-GCM-T${session.number}-D\\d{2,}$`));
    expect(refs).toEqual([`${prefix}-R01`, `${prefix}-R02`, `${prefix}-R03`]);

    // The public reads the published outcome (no staff ids) and cites a recommendation.
    const pub = await sut.api.get(`/dialogues/${id}/outcome`);
    expect(pub.status).toBe(200);
    expect(pub.body.rapporteurUserIds).toBeUndefined();
    expect(pub.body.returnComment).toBeUndefined();
    expect(pub.body).toMatchObject({
      dialogueId: id,
      dialogueTitle: dialogue.title,
      summary: 'Participants discussed labour mobility and housing.',
      keyMessages: ['Seasonal work needs portable social protection.'],
      status: 'published',
      publishedVersion: published.body.version,
    });
    expect(pub.body.recommendations.map((r: { reference: string }) => r.reference)).toEqual(refs);
    for (const r of pub.body.recommendations) {
      expect(r.cite).toContain(r.reference);
      expect(r.cite).toContain(dialogue.title);
      expect(r.url).toMatch(new RegExp(`/recommendations/${r.reference}$`));
    }
    // Staff read the same on /published (the public page), whatever their working copy.
    expect((await organizer.get(`/dialogues/${id}/outcome/published`)).body).toEqual(pub.body);
    const page = await sut.api.get(`/recommendations/${refs[0]}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      reference: refs[0],
      dialogueTitle: dialogue.title,
      withdrawn: false,
      history: [],
    });
    expect(page.body.url).toMatch(new RegExp(`/recommendations/${refs[0]}$`));
    expect(page.body.cite).toContain(refs[0]);
    expect(page.body.cite).toContain(dialogue.title);
    expect(page.body.cite).toContain(page.body.url);

    // A correction: a new draft while the published version stays public; one removed, one added.
    const correction = asBody(published.body);
    correction[1].text = `${es} Con apoyo de los gobiernos locales.`;
    const corrected = await put(rapporteur.client, id, {
      recommendations: [correction[0], correction[1], rec({ text: 'A fourth recommendation on remittances.' })],
      version: published.body.version,
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.status).toBe('draft');
    expect(corrected.body.recommendations.map((r: { reference: string | null }) => r.reference)).toEqual([
      refs[0],
      refs[1],
      null,
    ]);
    expect((await sut.api.get(`/dialogues/${id}/outcome`)).body.recommendations[1].text).toBe(es);
    expect((await organizer.get(`/dialogues/${id}/outcome/published`)).body.recommendations[1].text).toBe(es);
    await rapporteur.client.post(`/dialogues/${id}/outcome/submit`);
    await otherOrganizer.client.post(`/dialogues/${id}/outcome/approve`);
    const republished = await otherOrganizer.client.post(`/dialogues/${id}/outcome/publish`);
    expect(republished.body.recommendations.map((r: { reference: string }) => r.reference)).toEqual([
      refs[0],
      refs[1],
      `${prefix}-R04`,
    ]);
    const history = await sut.api.get(`/recommendations/${refs[1].toLowerCase()}`);
    expect(history.body.text).toBe(correction[1].text);
    expect(history.body.history).toEqual([expect.objectContaining({ text: es })]);
    const withdrawn = await sut.api.get(`/recommendations/${refs[2]}`);
    expect(withdrawn.body).toMatchObject({ reference: refs[2], withdrawn: true, text: coordinatorText });

    // Search: French and Spanish words find the right items, highlighted; withdrawn ones are gone.
    const search = (q: string, extra = '') =>
      sut.api.get(`/recommendations?q=${encodeURIComponent(q)}&informalSessionId=${session.id}${extra}`);
    const french = await search('travailleur saisonnier');
    expect(french.status).toBe(200);
    expect(french.body.items.map((r: { reference: string }) => r.reference)).toEqual([refs[0]]);
    expect(french.body.items[0].highlight).toMatch(/<mark>travailleurs<\/mark>/);
    expect(french.body.items[0].cite).toContain(refs[0]);
    const spanish = await search('vivienda asequible');
    expect(spanish.body.items.map((r: { reference: string }) => r.reference)).toEqual([refs[1]]);
    expect(spanish.body.items[0].highlight).toMatch(/<mark>viviendas<\/mark>/);
    expect((await search('diaspora')).body.total).toBe(0);
    expect((await search('remittance')).body.items.map((r: { reference: string }) => r.reference)).toEqual([
      `${prefix}-R04`,
    ]);
    const filtered = await sut.api.get(
      `/recommendations?informalSessionId=${session.id}&dialogueId=${id}&kind=good_practice&addressedTo=local_authority`,
    );
    expect(filtered.body.items.map((r: { reference: string }) => r.reference)).toEqual([refs[1]]);
    const paged = await sut.api.get(`/recommendations?dialogueId=${id}&pageSize=2&page=2`);
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(1);

    // Every save and transition is a version with its snapshot.
    const versions = await organizer.get(`/dialogues/${id}/outcome/versions`);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual(
      Array.from({ length: republished.body.version }, (_, i) => i + 1),
    );
    const v2 = await organizer.get(`/dialogues/${id}/outcome/versions/2`);
    expect(v2.body.outcome.recommendations).toHaveLength(2);
    expect((await organizer.get(`/dialogues/${id}/outcome/versions/999`)).status).toBe(404);

    // One audit line per change, none for the refused ones; ids and field names only.
    const lines: { action: string; actor: string; details: Record<string, unknown> }[] = await sut.dataSource.query(
      `SELECT action, actor_user_id AS actor, details FROM audit_events
        WHERE dialogue_id = $1 AND entity_type = 'outcome' AND entity_id = $1 ORDER BY (details->>'version')::int`,
      [id],
    );
    expect(lines.map((l) => [l.details['version'], l.action])).toEqual([
      [1, 'outcome.saved'],
      [2, 'outcome.saved'],
      [3, 'outcome.saved'],
      [4, 'outcome.submitted'],
      [5, 'outcome.returned'],
      [6, 'outcome.saved'],
      [7, 'outcome.submitted'],
      [8, 'outcome.approved'],
      [9, 'outcome.published'],
      [10, 'outcome.corrected'],
      [11, 'outcome.submitted'],
      [12, 'outcome.approved'],
      [13, 'outcome.published'],
    ]);
    const [, drafted2, coordinated] = lines;
    expect(lines[0].details).toMatchObject({ fields: ['rapporteurUserIds'], added: [] });
    expect(drafted2).toMatchObject({ actor: rapporteur.id, details: { fields: ['summary', 'keyMessages'] } });
    expect(coordinated).toMatchObject({
      actor: coordinator.id,
      details: { fields: [], added: [added.body.recommendations[2].id], changed: [], removed: [] },
    });
    expect(lines[4].details).toEqual({ version: 5, status: 'returned', from: 'submitted' });
    expect(JSON.stringify(lines)).not.toContain('Name the countries');
    expect(lines[8].details).toMatchObject({ correction: false, given: refs, withdrawn: [] });
    expect(lines[9].details).toMatchObject({ changed: [fixed[1].id], removed: [fixed[2].id] });
    expect(lines[12]).toMatchObject({
      actor: otherOrganizer.id,
      details: { correction: true, given: [`${prefix}-R04`], withdrawn: [refs[2]] },
    });
  });

  it("takes the references' process code from the dialogue's process; published references keep theirs", async () => {
    const code = () => `P${randomUUID().slice(0, 8).toUpperCase()}`;
    const first = code();
    const proc = await organizer.post('/processes', {
      slug: `cycle-${randomUUID().slice(0, 8)}`,
      code: first,
      title: 'A later cycle',
      startsAt: '2020-01-01T00:00:00Z',
      endsAt: '2040-01-01T00:00:00Z',
    });
    expect(proc.status).toBe(201);
    const own = await InformalSessionFactory.create(organizer, { processId: proc.body.id } as never, 45);
    const publishNew = async (recs: Record<string, unknown>[]) => {
      const d = await DialogueFactory.createPublished(organizer, { informalSessionId: own.id });
      await put(organizer, d.id, {
        rapporteurUserIds: [rapporteur.id],
        summary: 'S.',
        recommendations: recs,
        version: 0,
      });
      await rapporteur.client.post(`/dialogues/${d.id}/outcome/submit`);
      await organizer.post(`/dialogues/${d.id}/outcome/approve`);
      const res = await organizer.post<Outcome>(`/dialogues/${d.id}/outcome/publish`);
      expect(res.status).toBe(200);
      return { id: d.id, outcome: res.body };
    };
    const a = await publishNew([rec()]);
    const prefix = `GFMD-${first}-T${own.number}-D01`;
    expect(a.outcome.recommendations.map((r) => r.reference)).toEqual([`${prefix}-R01`]);

    // The code changes: a correction of the published outcome keeps its prefix for a new recommendation…
    const second = code();
    expect((await organizer.patch(`/processes/${proc.body.id}`, { code: second })).status).toBe(200);
    await put(rapporteur.client, a.id, {
      recommendations: [...asBody(a.outcome), rec()],
      version: a.outcome.version,
    });
    await rapporteur.client.post(`/dialogues/${a.id}/outcome/submit`);
    await organizer.post(`/dialogues/${a.id}/outcome/approve`);
    const again = await organizer.post<Outcome>(`/dialogues/${a.id}/outcome/publish`);
    expect(again.body.recommendations.map((r) => r.reference)).toEqual([`${prefix}-R01`, `${prefix}-R02`]);
    expect((await sut.api.get(`/recommendations/${prefix}-R01`)).status).toBe(200);

    // …and the next dialogue published takes the new code.
    const b = await publishNew([rec()]);
    expect(b.outcome.recommendations[0].reference).toBe(`GFMD-${second}-T${own.number}-D01-R01`);
  });

  it('answers 409 with the current version when two people edit the same version', async () => {
    const { dialogue } = await outcomeIn('draft');
    const o = await current(dialogue.id);
    const first = await put(rapporteur.client, dialogue.id, {
      summary: 'First.',
      recommendations: asBody(o),
      version: o.version,
    });
    expect(first.status).toBe(200);
    const second = await put(organizer, dialogue.id, {
      summary: 'Second.',
      recommendations: asBody(o),
      version: o.version,
    });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(second.body).toMatchObject({
      type: 'https://gfmd-dialogues.org/problems/stale-version',
      currentVersion: o.version + 1,
      current: { summary: 'First.' },
    });
    expect((await current(dialogue.id)).summary).toBe('First.');
  });

  it('keeps a rapporteur from approving their own draft, and an organizer named rapporteur too', async () => {
    const f = await fixture();
    await put(organizer, f.dialogue.id, {
      rapporteurUserIds: [otherOrganizer.id],
      summary: 'Drafted by an organizer.',
      recommendations: [rec()],
      version: 0,
    });
    expect((await otherOrganizer.client.post(`/dialogues/${f.dialogue.id}/outcome/submit`)).status).toBe(200);
    const own = await otherOrganizer.client.post(`/dialogues/${f.dialogue.id}/outcome/approve`);
    expect(own.status).toBe(403);
    expect(own.body.type).toMatch(/own-draft$/);
    expect((await current(f.dialogue.id)).status).toBe('submitted');
    expect((await organizer.post(`/dialogues/${f.dialogue.id}/outcome/approve`)).status).toBe(200);
  });

  describe('bad input changes nothing', () => {
    const cases: [string, (f: Awaited<ReturnType<typeof outcomeIn>>) => Record<string, unknown>[], number, string][] = [
      ['a recommendation without text', () => [rec({ text: '' })], 400, 'recommendations.0.text'],
      ['a recommendation of blanks', () => [rec({ text: '   ' })], 400, 'recommendations.0.text'],
      ['an unknown kind', () => [rec({ kind: 'wish' })], 400, 'recommendations.0.kind'],
      ['an unknown stakeholder group', () => [rec({ addressedTo: ['aliens'] })], 400, 'recommendations.0.addressedTo'],
      ['an unknown theme', () => [rec({ themeIds: [randomUUID()] })], 422, 'recommendations.0.themeIds'],
      ['an unknown space', () => [rec({ spaceId: randomUUID() })], 422, 'recommendations.0.spaceId'],
      ['an id of no recommendation here', () => [rec({ id: randomUUID() })], 422, 'recommendations.0.id'],
      ['an unknown field', () => [rec({ sneaky: 1 })], 400, 'recommendations.0.sneaky'],
    ];
    it.each(cases)('refuses %s', async (_, recs, status, field) => {
      const f = await outcomeIn('draft');
      const res = await put(organizer, f.dialogue.id, { recommendations: recs(f), version: f.outcome.version });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await current(f.dialogue.id)).toEqual(f.outcome);
    });

    it('refuses an unknown user as rapporteur (422) and an unknown dialogue (404)', async () => {
      const f = await outcomeIn('draft');
      const res = await organizer.patch(`/dialogues/${f.dialogue.id}/outcome`, {
        rapporteurUserIds: [randomUUID()],
        version: f.outcome.version,
      });
      expect(res.status).toBe(422);
      expect(await current(f.dialogue.id)).toEqual(f.outcome);
      expect((await put(organizer, randomUUID(), { recommendations: [], version: 0 })).status).toBe(404);
      expect((await sut.api.get('/recommendations/GFMD-GCM-T999999-D99-R99')).status).toBe(404);
      expect((await sut.api.get('/recommendations/not%20a%20reference')).status).toBe(404);
    });

    const transitions: [string, 'draft' | 'submitted' | 'approved' | 'published', string, number][] = [
      ['approving a draft', 'draft', 'approve', 409],
      ['publishing a draft', 'draft', 'publish', 409],
      ['returning a draft', 'draft', 'return', 409],
      ['submitting twice', 'submitted', 'submit', 409],
      ['publishing before approval', 'submitted', 'publish', 409],
      ['approving a published outcome', 'published', 'approve', 409],
    ];
    it.each(transitions)('refuses %s', async (_, state, step, status) => {
      const f = await outcomeIn(state);
      const res = await organizer.post(
        `/dialogues/${f.dialogue.id}/outcome/${step}`,
        step === 'return' ? { comment: 'x' } : {},
      );
      expect(res.status).toBe(status);
      expect(res.body.type).toMatch(/invalid-transition$/);
      expect(await current(f.dialogue.id)).toEqual(f.outcome);
    });

    it('refuses to submit without a summary (422) and to publish before the dialogue is (422)', async () => {
      const f = await fixture(false);
      await put(organizer, f.dialogue.id, { rapporteurUserIds: [rapporteur.id], recommendations: [rec()], version: 0 });
      expect((await rapporteur.client.post(`/dialogues/${f.dialogue.id}/outcome/submit`)).status).toBe(422);
      await put(organizer, f.dialogue.id, {
        summary: 'Now written.',
        recommendations: asBody(await current(f.dialogue.id)),
        version: 1,
      });
      await rapporteur.client.post(`/dialogues/${f.dialogue.id}/outcome/submit`);
      await organizer.post(`/dialogues/${f.dialogue.id}/outcome/approve`);
      const before = await current(f.dialogue.id);
      const res = await organizer.post(`/dialogues/${f.dialogue.id}/outcome/publish`);
      expect(res.status).toBe(422);
      expect(await current(f.dialogue.id)).toEqual(before);
    });

    it('refuses a return without a comment (400)', async () => {
      const f = await outcomeIn('submitted');
      expect((await organizer.post(`/dialogues/${f.dialogue.id}/outcome/return`, {})).status).toBe(400);
      expect((await organizer.post(`/dialogues/${f.dialogue.id}/outcome/return`, { comment: '  ' })).status).toBe(400);
      expect(await current(f.dialogue.id)).toEqual(f.outcome);
    });
  });

  describe('role matrix', () => {
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
      expected: Object.fromEntries(WHO.map((w, i) => [w, expected[i]])) as Record<Who, number>,
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
        (c, f) => c.patch(out(f), { rapporteurUserIds: [rapporteur.id, coordinator.id], version: f.outcome.version }),
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

    it.each(cases)('%s as %s', async (_, who, r) => {
      const f = await outcomeIn(r.state);
      const clients: Record<Who, ApiClient> = {
        anonymous: sut.api,
        participant: sut.api.withToken(`manage-${randomUUID()}`),
        coordinatorOfThis: coordinator.client,
        coordinatorOfOther: otherCoordinator.client,
        rapporteur: rapporteur.client,
        organizer,
        admin,
      };
      const res = await r.call(clients[who], f);
      expect(res.status).toBe(r.expected[who]);
      if (res.status >= 400) {
        expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
        expect(await current(f.dialogue.id)).toEqual(f.outcome);
      }
    });
  });
});
