/**
 * The audit log, the admin's pages (desktop 1280 px and phone 390 px): filtered to one dialogue,
 * 25 lines a page, "Next page" reads by the shown page's nextCursor and "Previous page" by its
 * prevCursor (issue 20: the same cost at any depth). Lines written between two steps do not shift
 * the pages: back from the last page, the middle page holds the lines it held on the way forwards;
 * page 1 (by number) then shows the new lines on top. Nothing scrolls sideways; axe on the pages.
 */
import type { Page, Request } from '@playwright/test';
import { expect, test, type Api } from './support/fixtures';
import { createDialogue, sessionId, signIn } from './support/setup';
import { choose, horizontalOverflow, open, sharedPage } from './support/ui';

test.describe('admin: the audit log pages forwards and back by cursor', () => {
  test.describe.configure({ mode: 'serial' });

  let p: Page;
  let dialogueId = '';
  let title = '';
  let pageTwo: string[] = [];
  let api: Api;
  let token = '';

  /**
   * The query of the /audit request a click makes, and the ids of the lines it answers (asked again
   * through the API with the same query: Chromium does not keep the page's answer bodies here).
   */
  async function step(click: () => Promise<void>): Promise<{ url: URL; ids: string[] }> {
    const [request] = await Promise.all([
      p.waitForRequest(
        (r: Request) => r.url().includes('/api/v1/audit?') && r.url().includes(`dialogueId=${dialogueId}`),
      ),
      click(),
    ]);
    const url = new URL(request.url());
    const res = await api<{ items: { id: string }[] }>('GET', `/audit${url.search}`, undefined, token);
    expect(res.status).toBe(200);
    return { url, ids: res.body.items.map((i) => i.id) };
  }
  const rows = () => p.locator('gfmd-paged-table tbody tr');
  const range = () => p.locator('.mat-mdc-paginator-range-label');

  test.beforeAll(async ({ browser, api: client, admin }, info) => {
    api = client;
    token = admin.token;
    title = `Audit pages ${info.project.name} ${Date.now()}`;
    // A session of each project's own: the two projects run side by side and would both create one number.
    const session = await sessionId(api, admin.token, info.project.name === 'phone' ? 42 : 41);
    dialogueId = await createDialogue(api, admin.token, { title, sessionId: session });
    // 1 line "Dialogue created" and 59 "Dialogue changed" (capacity): three pages of 25 (the last of 10).
    for (let i = 1; i <= 59; i++) {
      expect((await api('PATCH', `/dialogues/${dialogueId}`, { capacity: 50 + i }, admin.token)).status).toBe(200);
    }
    p = await sharedPage(browser);
    await signIn(p, admin, '**/console');
  });

  test('walks forwards by nextCursor to the oldest line', async ({ axe }) => {
    await open(p, '/console/audit', 'Audit log');
    await step(() => choose(p, 'Dialogue', title));
    await expect(range()).toHaveText(/1\s*–\s*50 of 60/);
    const first = await step(() => choose(p, 'Items per page', /^25$/));
    expect(first.url.searchParams.has('after') || first.url.searchParams.has('before')).toBe(false);
    await expect(range()).toHaveText(/1\s*–\s*25 of 60/);
    await expect(rows()).toHaveCount(25);

    const second = await step(() => p.getByRole('button', { name: 'Next page' }).click());
    expect(second.url.searchParams.get('after')).toBeTruthy();
    expect(second.url.searchParams.get('page')).toBe('2');
    expect(second.ids.some((id) => first.ids.includes(id))).toBe(false);
    await expect(range()).toHaveText(/26\s*–\s*50 of 60/);
    pageTwo = second.ids;

    const third = await step(() => p.getByRole('button', { name: 'Next page' }).click());
    expect(third.url.searchParams.get('after')).toBeTruthy();
    await expect(range()).toHaveText(/51\s*–\s*60 of 60/);
    await expect(rows()).toHaveCount(10);
    await expect(rows().last()).toContainText('Dialogue created');
    expect((await horizontalOverflow(p)).culprits).toEqual([]);
    await axe.expectAccessible(p, 'audit log: the last page');
  });

  test('back by prevCursor, the pages hold the same lines though three were written meanwhile', async ({ axe }) => {
    for (const venue of ['Room A', 'Room B', 'Room C']) {
      expect((await api('PATCH', `/dialogues/${dialogueId}`, { venue }, token)).status).toBe(200);
    }
    const back = await step(() => p.getByRole('button', { name: 'Previous page' }).click());
    expect(back.url.searchParams.get('before')).toBeTruthy();
    expect(back.url.searchParams.has('after')).toBe(false);
    expect(back.ids).toEqual(pageTwo); // an OFFSET page 2 would now start three lines earlier
    await expect(range()).toHaveText(/26\s*–\s*50 of 63/);
    await expect(rows()).toHaveCount(25);
    await expect(rows().filter({ hasText: 'venue' })).toHaveCount(0);
    expect((await horizontalOverflow(p)).culprits).toEqual([]);

    // Page 1 is read by number: the newest lines on top.
    const top = await step(() => p.getByRole('button', { name: 'Previous page' }).click());
    expect(top.url.searchParams.has('before') || top.url.searchParams.has('after')).toBe(false);
    await expect(range()).toHaveText(/1\s*–\s*25 of 63/);
    await expect(rows().filter({ hasText: 'venue' })).toHaveCount(3);
    await expect(rows().first()).toContainText('venue');
    await axe.expectAccessible(p, 'audit log: page 1 again');
  });
});
