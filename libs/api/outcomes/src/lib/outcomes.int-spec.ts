import { DialogueFactory, InformalSessionFactory } from '@gfmd/api-testing';
import type { Outcome } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { outcomesWorld } from './outcomes.int-helpers';

describe('Outcomes and recommendations (integration)', () => {
  const w = outcomesWorld();
  const { put, current, rec, asBody, fixture, outcomeIn } = w;

  it('runs the whole loop: draft, coordinator adds, submit, return, resubmit, approve, publish, correct, search', async () => {
    const { dialogue, mine, theirs } = await fixture();
    const id = dialogue.id;
    // Before anything is saved staff read an empty draft; the public reads nothing.
    expect((await w.organizer.get(`/dialogues/${id}/outcome`)).body).toMatchObject({ status: 'draft', version: 0 });
    expect((await w.sut.api.get(`/dialogues/${id}/outcome`)).status).toBe(404);

    // The organizer names the rapporteur.
    const named = await w.organizer.patch(`/dialogues/${id}/outcome`, {
      rapporteurUserIds: [w.rapporteur.id],
      version: 0,
    });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ rapporteurUserIds: [w.rapporteur.id], version: 1 });

    // The rapporteur drafts: French and Spanish recommendations.
    const fr = 'Renforcer la protection sociale des travailleurs migrants saisonniers dans les pays de destination.';
    const es = 'Garantizar el acceso de las personas migrantes a viviendas dignas y asequibles en las ciudades.';
    const drafted = await put(w.rapporteur.client, id, {
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
    const added = await put(w.coordinator.client, id, {
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
    const refused = await put(w.coordinator.client, id, { recommendations: edited, version: 3 });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const foreign = await put(w.coordinator.client, id, {
      recommendations: [...asBody(added.body), rec({ spaceId: theirs.id })],
      version: 3,
    });
    expect(foreign.status).toBe(403);
    const removed = await put(w.coordinator.client, id, { recommendations: asBody(added.body).slice(1), version: 3 });
    expect(removed.status).toBe(403);
    const summaryByCoordinator = await put(w.coordinator.client, id, {
      summary: 'Mine now.',
      recommendations: asBody(added.body),
      version: 3,
    });
    expect(summaryByCoordinator.status).toBe(403);
    expect(await current(id)).toEqual(added.body);

    // Submit, return with a comment, resubmit.
    const submitted = await w.rapporteur.client.post(`/dialogues/${id}/outcome/submit`);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 4 });
    expect((await put(w.rapporteur.client, id, { recommendations: asBody(added.body), version: 4 })).status).toBe(409);
    const returned = await w.organizer.post(`/dialogues/${id}/outcome/return`, {
      comment: 'Name the countries of destination.',
    });
    expect(returned.body).toMatchObject({
      status: 'returned',
      returnComment: 'Name the countries of destination.',
      version: 5,
    });
    const fixed = asBody(returned.body);
    fixed[0].text = `${fr} Les pays de destination s’engagent.`;
    const resaved = await put(w.rapporteur.client, id, { recommendations: fixed, version: 5 });
    expect(resaved.status).toBe(200);
    expect((await w.rapporteur.client.post(`/dialogues/${id}/outcome/submit`)).body).toMatchObject({
      status: 'submitted',
      version: 7,
    });

    // The reviewer reads what changed since the last submission.
    const diff = await w.organizer.get(`/dialogues/${id}/outcome/diff`);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: 4, to: 7 });
    expect(diff.body.recommendations.added).toEqual([]);
    expect(diff.body.recommendations.changed).toEqual([
      expect.objectContaining({ id: fixed[0].id, changes: [expect.objectContaining({ field: 'text', before: fr })] }),
    ]);
    const full = await w.organizer.get(`/dialogues/${id}/outcome/diff?from=1&to=3`);
    expect(full.body.recommendations.added).toHaveLength(3);
    expect(full.body.fields.map((c: { field: string }) => c.field)).toContain('summary');

    // Approve and publish: references in order of the recommendations' numbers.
    expect((await w.organizer.post(`/dialogues/${id}/outcome/approve`)).body.status).toBe('approved');
    const published = await w.organizer.post(`/dialogues/${id}/outcome/publish`);
    expect(published.status).toBe(200);
    const refs = published.body.recommendations.map((r: { reference: string }) => r.reference);
    const prefix = refs[0].replace(/-R01$/, '');
    expect(prefix).toMatch(new RegExp(`^GFMD-GCM-T${w.session.number}-D\\d{2,}$`));
    expect(refs).toEqual([`${prefix}-R01`, `${prefix}-R02`, `${prefix}-R03`]);

    // The public reads the published outcome (no staff ids) and cites a recommendation.
    const pub = await w.sut.api.get(`/dialogues/${id}/outcome`);
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
    expect((await w.organizer.get(`/dialogues/${id}/outcome/published`)).body).toEqual(pub.body);
    const page = await w.sut.api.get(`/recommendations/${refs[0]}`);
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
    const corrected = await put(w.rapporteur.client, id, {
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
    expect((await w.sut.api.get(`/dialogues/${id}/outcome`)).body.recommendations[1].text).toBe(es);
    expect((await w.organizer.get(`/dialogues/${id}/outcome/published`)).body.recommendations[1].text).toBe(es);
    await w.rapporteur.client.post(`/dialogues/${id}/outcome/submit`);
    await w.otherOrganizer.client.post(`/dialogues/${id}/outcome/approve`);
    const republished = await w.otherOrganizer.client.post(`/dialogues/${id}/outcome/publish`);
    expect(republished.body.recommendations.map((r: { reference: string }) => r.reference)).toEqual([
      refs[0],
      refs[1],
      `${prefix}-R04`,
    ]);
    const history = await w.sut.api.get(`/recommendations/${refs[1].toLowerCase()}`);
    expect(history.body.text).toBe(correction[1].text);
    expect(history.body.history).toEqual([expect.objectContaining({ text: es })]);
    const withdrawn = await w.sut.api.get(`/recommendations/${refs[2]}`);
    expect(withdrawn.body).toMatchObject({ reference: refs[2], withdrawn: true, text: coordinatorText });

    // Search: French and Spanish words find the right items, highlighted; withdrawn ones are gone.
    const search = (q: string, extra = '') =>
      w.sut.api.get(`/recommendations?q=${encodeURIComponent(q)}&informalSessionId=${w.session.id}${extra}`);
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
    const filtered = await w.sut.api.get(
      `/recommendations?informalSessionId=${w.session.id}&dialogueId=${id}&kind=good_practice&addressedTo=local_authority`,
    );
    expect(filtered.body.items.map((r: { reference: string }) => r.reference)).toEqual([refs[1]]);
    const paged = await w.sut.api.get(`/recommendations?dialogueId=${id}&pageSize=2&page=2`);
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(1);

    // Every save and transition is a version with its snapshot.
    const versions = await w.organizer.get(`/dialogues/${id}/outcome/versions`);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual(
      Array.from({ length: republished.body.version }, (_, i) => i + 1),
    );
    const v2 = await w.organizer.get(`/dialogues/${id}/outcome/versions/2`);
    expect(v2.body.outcome.recommendations).toHaveLength(2);
    expect((await w.organizer.get(`/dialogues/${id}/outcome/versions/999`)).status).toBe(404);

    // One audit line per change, none for the refused ones; ids and field names only.
    const lines: { action: string; actor: string; details: Record<string, unknown> }[] = await w.sut.dataSource.query(
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
    expect(drafted2).toMatchObject({ actor: w.rapporteur.id, details: { fields: ['summary', 'keyMessages'] } });
    expect(coordinated).toMatchObject({
      actor: w.coordinator.id,
      details: { fields: [], added: [added.body.recommendations[2].id], changed: [], removed: [] },
    });
    expect(lines[4].details).toEqual({ version: 5, status: 'returned', from: 'submitted' });
    expect(JSON.stringify(lines)).not.toContain('Name the countries');
    expect(lines[8].details).toMatchObject({ correction: false, given: refs, withdrawn: [] });
    expect(lines[9].details).toMatchObject({ changed: [fixed[1].id], removed: [fixed[2].id] });
    expect(lines[12]).toMatchObject({
      actor: w.otherOrganizer.id,
      details: { correction: true, given: [`${prefix}-R04`], withdrawn: [refs[2]] },
    });
  });

  it("takes the references' process code from the dialogue's process; published references keep theirs", async () => {
    const code = () => `P${randomUUID().slice(0, 8).toUpperCase()}`;
    const first = code();
    const proc = await w.organizer.post('/processes', {
      slug: `cycle-${randomUUID().slice(0, 8)}`,
      code: first,
      title: 'A later cycle',
      startsAt: '2020-01-01T00:00:00Z',
      endsAt: '2040-01-01T00:00:00Z',
    });
    expect(proc.status).toBe(201);
    const own = await InformalSessionFactory.create(w.organizer, { processId: proc.body.id } as never, 45);
    const publishNew = async (recs: Record<string, unknown>[]) => {
      const d = await DialogueFactory.createPublished(w.organizer, { informalSessionId: own.id });
      await put(w.organizer, d.id, {
        rapporteurUserIds: [w.rapporteur.id],
        summary: 'S.',
        recommendations: recs,
        version: 0,
      });
      await w.rapporteur.client.post(`/dialogues/${d.id}/outcome/submit`);
      await w.organizer.post(`/dialogues/${d.id}/outcome/approve`);
      const res = await w.organizer.post<Outcome>(`/dialogues/${d.id}/outcome/publish`);
      expect(res.status).toBe(200);
      return { id: d.id, outcome: res.body };
    };
    const a = await publishNew([rec()]);
    const prefix = `GFMD-${first}-T${own.number}-D01`;
    expect(a.outcome.recommendations.map((r) => r.reference)).toEqual([`${prefix}-R01`]);

    // The code changes: a correction of the published outcome keeps its prefix for a new recommendation…
    const second = code();
    expect((await w.organizer.patch(`/processes/${proc.body.id}`, { code: second })).status).toBe(200);
    await put(w.rapporteur.client, a.id, {
      recommendations: [...asBody(a.outcome), rec()],
      version: a.outcome.version,
    });
    await w.rapporteur.client.post(`/dialogues/${a.id}/outcome/submit`);
    await w.organizer.post(`/dialogues/${a.id}/outcome/approve`);
    const again = await w.organizer.post<Outcome>(`/dialogues/${a.id}/outcome/publish`);
    expect(again.body.recommendations.map((r) => r.reference)).toEqual([`${prefix}-R01`, `${prefix}-R02`]);
    expect((await w.sut.api.get(`/recommendations/${prefix}-R01`)).status).toBe(200);

    // …and the next dialogue published takes the new code.
    const b = await publishNew([rec()]);
    expect(b.outcome.recommendations[0].reference).toBe(`GFMD-${second}-T${own.number}-D01-R01`);
  });

  it('answers 409 with the current version when two people edit the same version', async () => {
    const { dialogue } = await outcomeIn('draft');
    const o = await current(dialogue.id);
    const first = await put(w.rapporteur.client, dialogue.id, {
      summary: 'First.',
      recommendations: asBody(o),
      version: o.version,
    });
    expect(first.status).toBe(200);
    const second = await put(w.organizer, dialogue.id, {
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
    await put(w.organizer, f.dialogue.id, {
      rapporteurUserIds: [w.otherOrganizer.id],
      summary: 'Drafted by an organizer.',
      recommendations: [rec()],
      version: 0,
    });
    expect((await w.otherOrganizer.client.post(`/dialogues/${f.dialogue.id}/outcome/submit`)).status).toBe(200);
    const own = await w.otherOrganizer.client.post(`/dialogues/${f.dialogue.id}/outcome/approve`);
    expect(own.status).toBe(403);
    expect(own.body.type).toMatch(/own-draft$/);
    expect((await current(f.dialogue.id)).status).toBe('submitted');
    expect((await w.organizer.post(`/dialogues/${f.dialogue.id}/outcome/approve`)).status).toBe(200);
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
      const res = await put(w.organizer, f.dialogue.id, { recommendations: recs(f), version: f.outcome.version });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await current(f.dialogue.id)).toEqual(f.outcome);
    });

    it('refuses an unknown user as rapporteur (422) and an unknown dialogue (404)', async () => {
      const f = await outcomeIn('draft');
      const res = await w.organizer.patch(`/dialogues/${f.dialogue.id}/outcome`, {
        rapporteurUserIds: [randomUUID()],
        version: f.outcome.version,
      });
      expect(res.status).toBe(422);
      expect(await current(f.dialogue.id)).toEqual(f.outcome);
      expect((await put(w.organizer, randomUUID(), { recommendations: [], version: 0 })).status).toBe(404);
      expect((await w.sut.api.get('/recommendations/GFMD-GCM-T999999-D99-R99')).status).toBe(404);
      expect((await w.sut.api.get('/recommendations/not%20a%20reference')).status).toBe(404);
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
      const res = await w.organizer.post(
        `/dialogues/${f.dialogue.id}/outcome/${step}`,
        step === 'return' ? { comment: 'x' } : {},
      );
      expect(res.status).toBe(status);
      expect(res.body.type).toMatch(/invalid-transition$/);
      expect(await current(f.dialogue.id)).toEqual(f.outcome);
    });

    it('refuses to submit without a summary (422) and to publish before the dialogue is (422)', async () => {
      const f = await fixture(false);
      await put(w.organizer, f.dialogue.id, {
        rapporteurUserIds: [w.rapporteur.id],
        recommendations: [rec()],
        version: 0,
      });
      expect((await w.rapporteur.client.post(`/dialogues/${f.dialogue.id}/outcome/submit`)).status).toBe(422);
      await put(w.organizer, f.dialogue.id, {
        summary: 'Now written.',
        recommendations: asBody(await current(f.dialogue.id)),
        version: 1,
      });
      await w.rapporteur.client.post(`/dialogues/${f.dialogue.id}/outcome/submit`);
      await w.organizer.post(`/dialogues/${f.dialogue.id}/outcome/approve`);
      const before = await current(f.dialogue.id);
      const res = await w.organizer.post(`/dialogues/${f.dialogue.id}/outcome/publish`);
      expect(res.status).toBe(422);
      expect(await current(f.dialogue.id)).toEqual(before);
    });

    it('refuses a return without a comment (400)', async () => {
      const f = await outcomeIn('submitted');
      expect((await w.organizer.post(`/dialogues/${f.dialogue.id}/outcome/return`, {})).status).toBe(400);
      expect((await w.organizer.post(`/dialogues/${f.dialogue.id}/outcome/return`, { comment: '  ' })).status).toBe(
        400,
      );
      expect(await current(f.dialogue.id)).toEqual(f.outcome);
    });
  });
});
