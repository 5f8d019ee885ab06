import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { InformalSession, Outcome, PublishedRecommendation, Theme } from '@gfmd/contracts';
import { OutcomesModule } from './outcomes.module';

describe('Recommendation search (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let reviewer: ApiClient;
  let session: InformalSession;
  let refs: string[];

  const french = 'Protéger les travailleurs étrangers et garantir leur accès à l’éducation.';
  const spanish = 'Proteger a los niños en la migración irregular y reunir a las familias.';
  const english = 'Lower the fees of remittance transfers for migrant workers.';

  beforeAll(async () => {
    sut = await createTestApp([PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, OutcomesModule]);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    reviewer = (await sut.staff('organizer')).client;
    const themes = (await organizer.get<Theme[]>('/themes')).body;
    // A session of its own, so searches filtered by it see only these recommendations.
    session = await InformalSessionFactory.create(organizer, {}, 45);
    const dialogue = await DialogueFactory.createPublished(organizer, { informalSessionId: session.id });
    const rec = (text: string) => ({ text, kind: 'policy_recommendation', themeIds: [themes[0].id], addressedTo: [] });
    const out = `/dialogues/${dialogue.id}/outcome`;
    await organizer.request('PUT', out, {
      summary: 'Three languages.',
      recommendations: [rec(french), rec(spanish), rec(english)],
      version: 0,
    });
    await organizer.post(`${out}/submit`);
    await reviewer.post(`${out}/approve`);
    const published = await reviewer.post<Outcome>(`${out}/publish`);
    expect(published.status).toBe(200);
    refs = published.body.recommendations.map((r) => r.reference ?? '');
  });
  afterAll(() => sut.close());

  const search = async (q: string) => {
    const res = await sut.api.get<{ items: PublishedRecommendation[]; total: number }>(
      `/recommendations?q=${encodeURIComponent(q)}&informalSessionId=${session.id}`,
    );
    expect(res.status).toBe(200);
    return res.body.items;
  };

  // Each of these missed under the plain english/french/spanish configurations (French keeps the
  // accents in its stems: "étranger", "éduc"; Spanish "niñ").
  it.each([
    ['etrangers education', 0, /<mark>étrangers<\/mark>.*<mark>éducation<\/mark>/],
    ['ninos', 1, /<mark>niños<\/mark>/],
    ['migracion', 1, /<mark>migración<\/mark>/],
    ['MIGRACIÓN', 1, /<mark>migración<\/mark>/],
    ['éducation', 0, /<mark>éducation<\/mark>/],
  ])('finds "%s" whatever the accents, ranked and highlighted', async (q, index, highlight) => {
    const items = await search(q);
    expect(items.map((r) => r.reference)).toEqual([refs[index]]);
    expect(items[0].highlight).toMatch(highlight);
    expect(items[0].rank).toBeGreaterThan(0);
  });

  it('still finds English, and nothing for a word no recommendation has', async () => {
    expect((await search('remittances fee')).map((r) => r.reference)).toEqual([refs[2]]);
    expect(await search('etrangere maritime')).toEqual([]);
  });

  it('searches through the GIN index of the stored tsvector (the plan when scans are discouraged)', async () => {
    const plan = await sut.dataSource.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      const rows: { 'QUERY PLAN': string }[] = await m.query(
        `EXPLAIN SELECT reference FROM published_recommendations r
          WHERE r.search @@ (websearch_to_tsquery('gfmd_english', $1) || websearch_to_tsquery('gfmd_french', $1)
                             || websearch_to_tsquery('gfmd_spanish', $1))`,
        ['migracion'],
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('published_recommendations_search_idx');
  });
  it('lists without a query newest first, paged, with the exact total, read from the recent index', async () => {
    const list = (page: number) =>
      sut.api.get<{ items: PublishedRecommendation[]; total: number }>(
        `/recommendations?informalSessionId=${session.id}&pageSize=2&page=${page}`,
      );
    const [first, second] = [(await list(1)).body, (await list(2)).body];
    expect([first.total, second.total]).toEqual([3, 3]);
    // Published together: the same instant, then by reference.
    expect([...first.items, ...second.items].map((r) => r.reference)).toEqual([...refs].sort());
    const [plan] = await sut.dataSource.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      return m.query(
        `EXPLAIN (FORMAT JSON) SELECT r.reference FROM published_recommendations r WHERE NOT r.withdrawn
          ORDER BY r.first_published_at DESC, r.reference LIMIT 20`,
      );
    });
    expect(JSON.stringify(plan)).toContain('published_recommendations_recent_idx');
  });

  it('ranks a broad query among its newest hits only, counted by estimate; a narrow one whole and exactly', async () => {
    const [{ dialogue_id: dialogueId }] = await sut.dataSource.query(
      'SELECT dialogue_id FROM published_recommendations WHERE reference = $1',
      [refs[0]],
    );
    // 1,100 hits of "quokka", one a minute back in time; the word twice in the newest-but-one (it
    // ranks first) and three times in the oldest (outside the 1,001 newest: not ranked).
    await sut.dataSource.query(
      `INSERT INTO published_recommendations (reference, recommendation_id, dialogue_id, informal_session_id, text, kind,
                                              outcome_version, first_published_at, published_at)
       SELECT 'GFMD-QUOKKA-' || i, gen_random_uuid(), $1, $2,
              CASE i WHEN 2 THEN 'Quokka quokka habitats.' WHEN 1100 THEN 'Quokka quokka quokka.' ELSE 'Quokka habitats ' || i || '.' END,
              'policy_recommendation', 1, now() - (i || ' minutes')::interval, now()
         FROM generate_series(1, 1100) i`,
      [dialogueId, session.id],
    );
    await sut.dataSource.query('ANALYZE published_recommendations');
    const get = (q: string, page = 1) =>
      sut.api.get<{ items: PublishedRecommendation[]; total: number; totalIsEstimate?: boolean }>(
        `/recommendations?q=${encodeURIComponent(q)}&informalSessionId=${session.id}&pageSize=5&page=${page}`,
      );
    const broad = (await get('quokka')).body;
    expect(broad.totalIsEstimate).toBe(true);
    expect(broad.total).toBeGreaterThan(1000);
    expect(broad.items[0].reference).toBe('GFMD-QUOKKA-2');
    expect(broad.items.map((r) => r.reference)).not.toContain('GFMD-QUOKKA-1100');
    // Equal ranks: by reference, as before.
    expect(broad.items.slice(1).map((r) => r.reference)).toEqual(
      [...broad.items.slice(1).map((r) => r.reference)].sort(),
    );
    // A page beyond the cap still answers (its candidates reach that deep).
    const deep = (await get('quokka', 210)).body;
    expect(deep.items).toHaveLength(5);
    // Under the cap: every hit ranked, the oldest first for its three words, and counted exactly.
    const narrow = (await get('quokka -habitats')).body;
    expect(narrow).toMatchObject({ total: 1 });
    expect(narrow.totalIsEstimate).toBeUndefined();
    expect(narrow.items.map((r) => r.reference)).toEqual(['GFMD-QUOKKA-1100']);
  });
});
