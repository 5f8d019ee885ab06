// The audit log by keyset pages (issue 20; docs/performance.md, "The audit log by cursor"):
// forwards and backwards by cursor, each line once while lines are written between pages, ties on
// `at` broken by id, every filter kept, and a cursor this list did not make refused (400
// problem+json). The page-number walk is the control: it repeats a line when one is written meanwhile.
import { AuthModule } from '@gfmd/api-auth';
import { MailModule } from '@gfmd/api-mail';
import { encodeCursor, PlatformModule } from '@gfmd/api-platform';
import { createTestApp, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { StaffModule } from './staff.module';

jest.setTimeout(60_000);

type Line = { id: string };
type AuditPageBody = {
  items: Line[];
  total: number;
  page: number;
  nextCursor: string | null;
  prevCursor: string | null;
};

describe('audit log pages (integration)', () => {
  let sut: TestApp;
  let admin: ApiClient;
  const q = <T = any>(text: string, params: unknown[] = []) => sut.dataSource.query(text, params) as Promise<T[]>;

  /**
   * `n` lines of a dialogue straight into the table (set-based, as the bench loads them), all at
   * `at` (ties: ordered by id) unless `spread`, then one second apart going back from `at`.
   */
  const load = (
    dialogueId: string,
    n: number,
    at: string | Date,
    opts: { spread?: boolean; actor?: string; action?: string; entityType?: string; entity?: string } = {},
  ) =>
    q(
      `INSERT INTO audit_events (at, actor_user_id, action, entity_type, entity_id, dialogue_id, details)
       SELECT $3::timestamptz - CASE WHEN $4 THEN (i || ' seconds')::interval ELSE interval '0' END,
              $5::uuid, COALESCE($6, CASE WHEN i % 3 = 0 THEN 'registration.approved' ELSE 'registration.checked_in' END),
              COALESCE($7, 'registration'), COALESCE($8::uuid, gen_random_uuid()), $1, '{}'::jsonb
         FROM generate_series(1, $2::int) i`,
      [
        dialogueId,
        n,
        at,
        opts.spread ?? false,
        opts.actor ?? null,
        opts.action ?? null,
        opts.entityType ?? null,
        opts.entity ?? null,
      ],
    );
  const ids = (body: { items: Line[] }) => body.items.map((r) => r.id);
  const inOrder = async (where: string, params: unknown[]) =>
    (await q<Line>(`SELECT id FROM audit_events WHERE ${where} ORDER BY at DESC, id DESC`, params)).map((r) => r.id);
  const get = async (url: string): Promise<AuditPageBody> => {
    const res = await admin.get(url);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    sut = await createTestApp([PlatformModule, AuthModule, MailModule, StaffModule]);
    admin = (await sut.staff('admin')).client;
  });
  afterAll(() => sut.close());

  it('walks a dialogue’s lines newest first by cursor, each once, while lines are written between pages', async () => {
    const d = randomUUID();
    await load(d, 60, '2026-11-01T10:00:00.123456Z'); // one instant, microseconds: ties broken by id
    await load(d, 75, '2026-11-02T10:00:00.5Z', { spread: true });
    const url = `/audit?dialogueId=${d}&pageSize=20`;
    const seen: string[] = [];
    const newer: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body = await get(`${url}${cursor ? `&after=${cursor}` : ''}`);
      expect(body.page).toBe(1); // without page=…, a cursor page only labels itself 1
      seen.push(...ids(body));
      cursor = body.nextCursor;
      if (++pages === 2) {
        // Newer than every line read: in no later page. Older than the cursor (and a tie with the
        // last read line's instant): in a later page, once.
        await load(d, 3, new Date());
        newer.push(...(await inOrder('dialogue_id = $1 AND at > $2', [d, '2026-11-03T00:00:00Z'])));
        await load(d, 4, '2026-11-01T10:00:00.123456Z');
        await load(d, 2, '2026-10-30T10:00:00Z');
      }
    } while (cursor && pages < 20);
    const expected = (await inOrder('dialogue_id = $1', [d])).filter((id) => !newer.includes(id));
    expect(newer).toHaveLength(3);
    expect(seen).toEqual(expected); // every line once, in order: nothing lost, nothing repeated
    expect(seen).toHaveLength(60 + 75 + 4 + 2);
    expect(pages).toBe(Math.ceil(expected.length / 20)); // no empty page at the end

    // The control: the same walk by page number repeats a line when one is written meanwhile.
    const byNumber: string[] = [];
    for (let page = 1; page <= 3; page++) {
      byNumber.push(...ids(await get(`${url}&page=${page}`)));
      if (page === 1) await load(d, 1, new Date());
    }
    expect(new Set(byNumber).size).toBeLessThan(byNumber.length);
  });

  it('pages backwards by prevCursor to the same lines as forwards, and on to lines written since', async () => {
    const d = randomUUID();
    await load(d, 40, '2026-11-03T10:00:00.654321Z'); // ties, microseconds
    await load(d, 25, '2026-11-04T10:00:00Z', { spread: true });
    const url = `/audit?dialogueId=${d}&pageSize=15`;
    const forward = [await get(url)];
    expect(forward[0].prevCursor).toBeNull();
    while (forward[forward.length - 1].nextCursor) {
      const shown = forward[forward.length - 1];
      forward.push(await get(`${url}&page=${shown.page + 1}&after=${shown.nextCursor}`));
    }
    expect(forward.map((p) => p.items.length)).toEqual([15, 15, 15, 15, 5]);
    expect(forward[forward.length - 1].nextCursor).toBeNull();
    expect(forward.map((p) => p.page)).toEqual([1, 2, 3, 4, 5]);
    expect(forward.slice(1).every((p) => p.prevCursor)).toBe(true);
    // Written at the top meanwhile: the first page reached backwards is the first page read
    // forwards, and its prevCursor now leads to the new lines.
    await load(d, 4, new Date());
    let page = forward[forward.length - 1];
    for (let i = forward.length - 2; i >= 0; i--) {
      page = await get(`${url}&page=${i + 1}&before=${page.prevCursor}`);
      expect(ids(page)).toEqual(ids(forward[i]));
      expect(page.nextCursor).toBeTruthy();
    }
    expect(page.prevCursor).toBeTruthy();
    const top = await get(`${url}&before=${page.prevCursor}`);
    expect(ids(top)).toEqual(await inOrder('dialogue_id = $1 AND at > $2', [d, '2026-11-05T00:00:00Z']));
    expect(top.prevCursor).toBeNull(); // nothing newer: the first page
    expect(ids(await get(`${url}&after=${top.nextCursor}`))).toEqual(ids(forward[0]));
  });

  it('keeps every filter with cursors: person, action, entity type and entity', async () => {
    const d = randomUUID();
    const actor = randomUUID();
    const entity = randomUUID();
    await load(d, 23, '2026-11-05T10:00:00Z', { spread: true, actor });
    await load(d, 17, '2026-11-05T09:00:00Z', { spread: true, action: 'participant.erased' });
    await load(d, 11, '2026-11-05T08:00:00Z', { spread: true, entityType: 'space', action: 'space.changed' });
    await load(d, 9, '2026-11-05T07:00:00.25Z', { entity, actor }); // ties
    const cases: [string, string, unknown[]][] = [
      [`actor=${actor}`, 'actor_user_id = $1', [actor]],
      [`action=participant.erased&dialogueId=${d}`, `action = 'participant.erased' AND dialogue_id = $1`, [d]],
      [`entityType=space&dialogueId=${d}`, `entity_type = 'space' AND dialogue_id = $1`, [d]],
      [`entity=${entity}`, 'entity_id = $1', [entity]],
      [`actor=${actor}&entity=${entity}`, 'actor_user_id = $1 AND entity_id = $2', [actor, entity]],
    ];
    for (const [filter, where, params] of cases) {
      const expected = await inOrder(where, params);
      expect(expected.length).toBeGreaterThan(0);
      const seen: string[] = [];
      let body = await get(`/audit?${filter}&pageSize=4`);
      expect(body.total).toBe(expected.length);
      seen.push(...ids(body));
      while (body.nextCursor) {
        body = await get(`/audit?${filter}&pageSize=4&after=${body.nextCursor}`);
        seen.push(...ids(body));
      }
      expect({ filter, seen }).toEqual({ filter, seen: expected });
      // And back from the last page to the first.
      const back: string[] = ids(body);
      while (body.prevCursor) {
        body = await get(`/audit?${filter}&pageSize=4&before=${body.prevCursor}`);
        back.unshift(...ids(body));
      }
      expect({ filter, back }).toEqual({ filter, back: expected });
    }
  });

  it('refuses a cursor this list did not make, and both cursors at once, with problem+json 400', async () => {
    const d = randomUUID();
    await load(d, 5, '2026-11-06T10:00:00Z', { spread: true });
    const first = await get(`/audit?dialogueId=${d}&pageSize=2`);
    const next = first.nextCursor as string;
    const decoded = JSON.parse(Buffer.from(next, 'base64url').toString()) as string[];
    const tampered = [
      ['after', `${next.slice(0, -2)}!!`], // not base64url
      ['after', Buffer.from('not json').toString('base64url')],
      ['after', encodeCursor('outbox:created-desc', decoded.slice(1))], // another list's
      ['after', encodeCursor('audit:at-desc', [decoded[1], 'not-a-uuid'])],
      ['after', encodeCursor('audit:at-desc', ['yesterday', decoded[2]])],
      ['after', encodeCursor('audit:at-desc', [decoded[1]])],
      ['before', encodeCursor('registrations:arrival', ['12'])],
      ['after', 'x'.repeat(401)],
    ];
    for (const [field, cursor] of tampered) {
      const res = await admin.get(`/audit?dialogueId=${d}&${field}=${encodeURIComponent(cursor)}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors?.[0]?.field).toBe(field);
      expect(res.body.title).toBeTruthy();
    }
    const both = await admin.get(`/audit?dialogueId=${d}&after=${next}&before=${next}`);
    expect(both.status).toBe(400);
    expect(both.body.errors?.[0]?.field).toBe('before');
    // A cursor whose line is gone (retention) still pages from its own instant.
    await q('DELETE FROM audit_events WHERE id = $1', [decoded[2]]);
    const after = await get(`/audit?dialogueId=${d}&pageSize=2&after=${next}`);
    expect(ids(after)).toEqual((await inOrder('dialogue_id = $1', [d])).slice(1, 3));
  });
});
