// The staff list of a dialogue's registrations at scale (issue 20; docs/performance.md, "A whole
// process on one database"): keyset pages (after=<nextCursor>) that neither miss nor repeat a row
// while rows come and go, a cursor checked (400 problem+json), a total capped at COUNT_CAP with
// the planner's estimate beyond, and the free-text filter on the trigram index.
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { COUNT_CAP, encodeCursor, PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { REGISTRATION_SEARCH_TEXT } from './registration-reads.repository';
import { RegistrationsModule } from './registrations.module';

const MODULES = [PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, RegistrationsModule];

describe('registration list pages (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let sessionId: string;
  const q = <T = any>(text: string, params: unknown[] = []) => sut.dataSource.query(text, params) as Promise<T[]>;

  /** `n` registrations straight into the table (set-based, as the bench loads them); 1 in 4 waitlisted. */
  const load = (dialogueId: string, n: number, tag: string) =>
    q(
      `INSERT INTO registrations (dialogue_id, email, email_normalized, first_name, last_name, organization,
                                  stakeholder_group, country, status, preferred_language)
       SELECT $1, $2 || i || '@bench.example', $2 || i || '@bench.example', 'Amina', 'Diallo ' || i,
              'Organization ' || (i % 7), 'civil_society', 'SN',
              CASE WHEN i % 4 = 0 THEN 'waitlisted' ELSE 'confirmed' END, 'fr'
         FROM generate_series(1, $3::int) i`,
      [dialogueId, tag, n],
    );

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    sessionId =
      (await organizer.get('/informal-sessions')).body[0]?.id ?? (await InformalSessionFactory.create(organizer)).id;
  });
  afterAll(() => sut.close());

  const dialogue = () => DialogueFactory.createPublished(organizer, { informalSessionId: sessionId, capacity: 100000 });

  it('walks every row exactly once by cursor while rows are inserted and deleted between pages', async () => {
    const d = await dialogue();
    await load(d.id, 530, 'walk');
    const original = (
      await q<{ id: string }>('SELECT id FROM registrations WHERE dialogue_id = $1 ORDER BY arrival', [d.id])
    ).map((r) => r.id);
    const seen: string[] = [];
    let deleted: string | undefined;
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const res = await organizer.get(
        `/dialogues/${d.id}/registrations?pageSize=100${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((r: { id: string }) => r.id));
      cursor = res.body.nextCursor;
      pages++;
      if (pages === 1) {
        // A row already read leaves, new ones arrive: an OFFSET walk would now skip one row.
        deleted = seen[10];
        await q('DELETE FROM registrations WHERE id = $1', [deleted]);
        await load(d.id, 20, 'late');
      }
    } while (cursor && pages < 50);
    expect(new Set(seen).size).toBe(seen.length); // no row twice
    expect(seen.slice(0, original.length)).toEqual(original); // every original row, in arrival order
    expect(seen).toHaveLength(original.length + 20); // and the late ones after them
    expect(seen).toContain(deleted); // it was read on page 1, before it left
    expect(pages).toBe(Math.ceil((original.length + 20) / 100));
  });

  it('keeps the filters on cursor pages and answers null after the last row', async () => {
    const d = await dialogue();
    await load(d.id, 120, 'filter');
    const first = await organizer.get(`/dialogues/${d.id}/registrations?status=waitlisted&pageSize=20`);
    expect(first.body).toMatchObject({ total: 30, page: 1, pageSize: 20 });
    expect(first.body.totalIsEstimate).toBeUndefined();
    const second = await organizer.get(
      `/dialogues/${d.id}/registrations?status=waitlisted&pageSize=20&page=2&after=${first.body.nextCursor}`,
    );
    expect(second.body.items).toHaveLength(10);
    expect(second.body.items.every((r: { status: string }) => r.status === 'waitlisted')).toBe(true);
    expect(second.body.nextCursor).toBeNull();
    // A last page that is exactly full says so too: no cursor to an empty page.
    const half = await organizer.get(`/dialogues/${d.id}/registrations?status=waitlisted&pageSize=15`);
    const full = await organizer.get(
      `/dialogues/${d.id}/registrations?status=waitlisted&pageSize=15&after=${half.body.nextCursor}`,
    );
    expect(full.body.items).toHaveLength(15);
    expect(full.body.nextCursor).toBeNull();
    // The page-number form still answers the same rows.
    const byNumber = await organizer.get(`/dialogues/${d.id}/registrations?status=waitlisted&pageSize=20&page=2`);
    expect(byNumber.body.items.map((r: { id: string }) => r.id)).toEqual(
      second.body.items.map((r: { id: string }) => r.id),
    );
  });

  it('pages backwards by prevCursor to the same rows, with null before the first page', async () => {
    const d = await dialogue();
    await load(d.id, 130, 'back');
    const url = `/dialogues/${d.id}/registrations?status=confirmed&pageSize=20`;
    const ids = (body: { items: { id: string }[] }) => body.items.map((r) => r.id);
    // Forward to the last page (98 confirmed: pages of 20, 20, 20, 20, 18), remembering each page.
    const forward = [(await organizer.get(url)).body];
    expect(forward[0].prevCursor).toBeNull();
    while (forward[forward.length - 1].nextCursor) {
      const cursor = forward[forward.length - 1].nextCursor;
      forward.push((await organizer.get(`${url}&page=${forward.length + 1}&after=${cursor}`)).body);
    }
    expect(forward.map((p) => p.items.length)).toEqual([20, 20, 20, 20, 18]);
    // Back from the last page to the first by prevCursor: the same rows in the same order.
    let page = forward[forward.length - 1];
    for (let i = forward.length - 2; i >= 0; i--) {
      expect(page.prevCursor).toEqual(expect.any(String));
      page = (await organizer.get(`${url}&page=${i + 1}&before=${page.prevCursor}`)).body;
      expect(ids(page)).toEqual(ids(forward[i]));
      expect(page.nextCursor).toEqual(expect.any(String)); // there is a page after it
    }
    expect(page.prevCursor).toBeNull(); // the first page, reached backwards, says so
    // A page reached by number answers its prevCursor too (a deep link, then "previous").
    const third = (await organizer.get(`${url}&page=3`)).body;
    const second = (await organizer.get(`${url}&page=2&before=${third.prevCursor}`)).body;
    expect(ids(second)).toEqual(ids(forward[1]));
    // One direction at a time.
    const both = await organizer.get(`${url}&after=${third.prevCursor}&before=${third.prevCursor}`);
    expect(both.status).toBe(400);
    expect(both.body.errors?.[0]?.field).toBe('before');
    const foreign = await organizer.get(`${url}&before=not-a-cursor!`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors?.[0]?.field).toBe('before');
  });

  it('refuses a cursor it did not make with 400 problem+json', async () => {
    const d = await dialogue();
    for (const after of [
      'not-a-cursor!',
      Buffer.from('{"a":1}').toString('base64url'),
      encodeCursor('outbox:created-desc', [new Date().toISOString(), d.id]),
      encodeCursor('registrations:arrival', ['1 OR 1=1']),
    ]) {
      const res = await organizer.get(`/dialogues/${d.id}/registrations?after=${encodeURIComponent(after)}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(res.body.type).toMatch(/invalid-input/);
      expect(res.body.errors?.[0]?.field).toBe('after');
    }
  });

  it('counts exactly up to the cap, then answers the estimate and says so', async () => {
    const d = await dialogue();
    await load(d.id, COUNT_CAP + 200, 'cap');
    await q('ANALYZE registrations');
    const all = await organizer.get(`/dialogues/${d.id}/registrations?pageSize=10`);
    expect(all.body.totalIsEstimate).toBe(true);
    expect(all.body.total).toBeGreaterThan(COUNT_CAP);
    expect(all.body.items).toHaveLength(10);
    const few = await organizer.get(`/dialogues/${d.id}/registrations?status=waitlisted&pageSize=10`);
    expect(few.body.total).toBe(Math.floor((COUNT_CAP + 200) / 4));
    expect(few.body.totalIsEstimate).toBeUndefined();
  });

  it('finds a word inside an address, a full name or an organization, from the trigram index', async () => {
    const d = await dialogue();
    await load(d.id, 300, 'trgm');
    const names = async (text: string) =>
      (await organizer.get(`/dialogues/${d.id}/registrations?pageSize=500&q=${encodeURIComponent(text)}`)).body;
    expect((await names('trgm17@')).items.map((r: { email: string }) => r.email)).toEqual(['trgm17@bench.example']);
    expect((await names('amina diallo 123')).total).toBe(1);
    expect((await names('Organization 6')).total).toBe(43); // i % 7 = 6 for i in 1..300
    expect((await names('100%')).total).toBe(0); // wildcards are literal
    await q('ANALYZE registrations');
    const [plan] = await sut.dataSource.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      // The repository's expression, so a change on one side only (query or migration) fails here.
      return m.query(
        `EXPLAIN (FORMAT JSON) SELECT 1 FROM registrations r WHERE ${REGISTRATION_SEARCH_TEXT} ILIKE '%ganization 6%'`,
      );
    });
    expect(JSON.stringify(plan)).toContain('registrations_search_trgm_idx');
  });
});
