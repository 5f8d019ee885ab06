import { expect, test } from './support/fixtures';
import { createDialogue, createSpace, publish, sessionId } from './support/setup';
import type { Page } from '@playwright/test';
import { horizontalOverflow, startApp, waitForHeading } from './support/ui';

/**
 * Issue 20: the public dialogue page and the list arrive painted by the server, and the app starts
 * only when the reader interacts. Meanwhile the painted page is plain HTML that works (links to the
 * list, to registering, to the other languages), is accessible, and the reader's first action is
 * not lost: a click on a link navigates, a Tab leaves the focus on the same link in the app.
 */
test.describe('public pages painted before the app', () => {
  let dialogueId: string;
  const title = `Dialogue painted by the server ${Date.now()}`;

  test.beforeAll(async ({ api, admin }) => {
    dialogueId = await createDialogue(api, admin.token, { title, sessionId: await sessionId(api, admin.token, 96) });
    const plenary = await createSpace(api, admin.token, dialogueId, {
      name: 'Plenary hall',
      kind: 'plenary',
      access: 'open',
      rooms: ['Room XX'],
    });
    await createSpace(api, admin.token, dialogueId, {
      name: 'Side room',
      kind: 'side_event',
      access: 'invitation_only',
    });
    const day = (await api<any>('GET', `/dialogues/${dialogueId}`, undefined, admin.token)).body.startsAt.slice(0, 10);
    for (const item of [
      { title: 'Opening plenary', kind: 'opening', startsAt: `${day}T08:00:00Z`, endsAt: `${day}T09:00:00Z` },
      {
        title: 'Skills partnerships in practice',
        kind: 'panel',
        spaceId: plenary,
        room: 'Room XX',
        startsAt: `${day}T09:00:00Z`,
        endsAt: `${day}T10:30:00Z`,
      },
    ])
      expect((await api('POST', `/dialogues/${dialogueId}/agenda-items`, item, admin.token)).status).toBe(201);
    await publish(api, admin.token, dialogueId);
  });

  test('the painted page waits for the reader, and its links work without the app', async ({ page, axe }) => {
    await page.goto(`/dialogues/${dialogueId}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    // The app's script is prefetched once the page has painted, not started: nothing has replaced
    // the painted page.
    await expect(page.locator('html')).toHaveAttribute('data-gfmd-wait', /^main-[\w-]+\.js$/);
    await expect(page.locator('link[rel="prefetch"][href^="main-"]')).toHaveCount(1);
    expect(await page.locator('script[src*="main-"]').count()).toBe(0);
    await expect(page.locator('.gfmd-prerender')).toHaveCount(1);
    // The whole page is there before any interaction, in the app's order: the summary, the agenda
    // by day (times in Geneva), the key facts, the spaces.
    const main = page.getByRole('main');
    // (In the document's order: on a phone the key facts and spaces only show first.)
    await expect(main.getByRole('heading', { level: 2 })).toHaveText(['About this dialogue', 'Agenda', 'Spaces']);
    await expect(main.getByRole('heading', { level: 3 })).toHaveCount(1);
    await expect(main.getByRole('listitem').filter({ hasText: 'Skills partnerships in practice' })).toContainText(
      /11:00–12:30 GMT\+2|10:00–11:30 GMT\+1/,
    );
    await expect(main.getByText('Room: Room XX')).toBeVisible();
    const facts = page.getByRole('complementary', { name: 'Key facts' });
    await expect(facts.getByRole('definition')).toContainText(['Palais des Nations, Geneva']);
    await expect(facts.getByRole('listitem')).toContainText(['Plenary hall', 'Side room']);
    await expect(facts.getByText('By invitation only')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-gfmd-wait', /^main-/);
    await axe.expectAccessible(page, 'public dialogue page, painted by the server');
    expect((await horizontalOverflow(page)).culprits).toEqual([]);
    await expect(page.getByRole('navigation', { name: 'Language' }).getByRole('link')).toHaveText([
      'Français',
      'Español',
      'العربية',
    ]);

    // A click on a painted link navigates at once (to a page painted in turn).
    await page.getByRole('link', { name: /All dialogues/ }).click();
    await expect(page).toHaveURL(/\/en\/dialogues$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Thematic dialogues' })).toBeVisible();
    await page.goBack();
    await page.getByRole('link', { name: 'Register', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/en/dialogues/${dialogueId}/register$`));
    await waitForHeading(page, `Register for ${title}`);

    await page.goto(`/dialogues/${dialogueId}`);
    await page.getByRole('link', { name: 'Français' }).click();
    await expect(page).toHaveURL(new RegExp(`/fr/dialogues/${dialogueId}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('link', { name: /Tous les dialogues/ })).toBeVisible();

    // The dialogue page in Arabic, right to left: the English titles marked left to right.
    await page.goto(`/ar/dialogues/${dialogueId}`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 2, name: 'جدول الأعمال' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'الفضاءات' })).toBeVisible();
    await expect(page.locator('strong[lang="en"][dir="ltr"]', { hasText: 'Opening plenary' })).toHaveCount(1);
    await axe.expectAccessible(page, 'public dialogue page in Arabic, painted by the server');
    expect((await horizontalOverflow(page)).culprits).toEqual([]);

    // The list in Arabic, right to left, painted and accessible too.
    await page.goto('/ar/dialogues');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('.gfmd-prerender')).toHaveCount(1);
    await axe.expectAccessible(page, 'dialogue list in Arabic, painted by the server');
    expect((await horizontalOverflow(page)).culprits).toEqual([]);
  });

  // The painted page's markup is written twice (libs/api/platform painted-dialogue.ts and the
  // app's page): what the reader had before the app must be what the app then shows, in the same
  // words and order, so that nothing jumps or reads differently when one replaces the other.
  test('the app, once started, shows what the painted page showed, in English and in French', async ({ page }) => {
    for (const path of [`/dialogues/${dialogueId}`, `/fr/dialogues/${dialogueId}`]) {
      await page.goto(path);
      await expect(page.locator('.gfmd-prerender')).toHaveCount(1);
      const painted = await outline(page);
      expect(painted.agenda).toContain('Skills partnerships in practice');
      expect(painted.facts).toContain(path.startsWith('/fr') ? 'Délai' : 'Lead time');
      expect(painted.chips).toMatch(/T\d+ · /);
      await startApp(page);
      await waitForHeading(page, title);
      await expect(page.getByRole('heading', { level: 3 })).toHaveCount(1);
      const app = await outline(page);
      // The app adds sections the painted page leaves to it (documents, contributions): what was
      // painted comes in the same order, with the same words.
      expect(inOrder(painted.headings, app.headings), `${path}: ${painted.headings} in ${app.headings}`).toBe(true);
      expect(app.chips).toBe(painted.chips);
      expect(app.agenda).toBe(painted.agenda);
      expect(app.facts).toEqual(painted.facts);
      expect(app.spaces).toBe(painted.spaces);
    }
  });

  // The list too is painted whole: each public dialogue's card under its session, as the app draws
  // it. Other specs publish dialogues meanwhile, so this one compares its own dialogue's card.
  test('the painted list has each dialogue’s card as the app then shows it, in English and in French', async ({
    page,
    axe,
  }) => {
    for (const path of ['/dialogues', '/fr/dialogues']) {
      await page.goto(path);
      await expect(page.locator('.gfmd-prerender')).toHaveCount(1);
      const painted = await listCard(page, title);
      expect(painted.card).toContain(
        path.startsWith('/fr') ? 'Ordre du jour et inscription' : 'Agenda and registration',
      );
      expect(painted.card).toMatch(path.startsWith('/fr') ? /places? restantes?/ : /places? left/);
      if (path.startsWith('/fr')) await axe.expectAccessible(page, 'dialogue list in French, painted by the server');
      expect((await horizontalOverflow(page)).culprits).toEqual([]);
      await startApp(page);
      await expect(page.locator('gfmd-dialogue-list-page li').filter({ hasText: title })).toHaveCount(1);
      expect(await listCard(page, title)).toEqual(painted);
    }
    // A focus moved onto a painted filter (the keyboard's) starts the app and lands on its field.
    await page.goto('/dialogues');
    await page.locator('.gfmd-prerender select[name="session"]').focus();
    await expect(page.locator('.gfmd-prerender')).toHaveCount(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('mat-form-field')?.textContent ?? ''))
      .toContain('Informal session');
    // A press on a painted filter (a tap on a phone) starts the app and opens its field.
    await page.goto('/dialogues');
    const theme = page.locator('.gfmd-prerender select[name="theme"]');
    if (test.info().project.name === 'phone') await theme.tap();
    else await theme.click();
    await expect(page.locator('.gfmd-prerender')).toHaveCount(0);
    await expect(
      page.getByRole('listbox', { name: 'Theme' }).getByRole('option', { name: 'All', exact: true }),
    ).toBeVisible();
    await page.keyboard.press('Escape');
    // Its link opens the dialogue, painted in turn, without the app. The click must not scroll:
    // a scroll starts the app (index.html), which can then replace the list under the press. Seen
    // once in CI on a phone (the click left the URL as it was), most likely once other specs'
    // dialogues had pushed this card below the fold; not reproduced here. So the viewport is made
    // tall enough to show the card first, as if the reader's screen held it.
    await page.goto('/fr/dialogues');
    const link = page.locator('.gfmd-prerender').getByRole('link', { name: title, exact: true });
    const box = await link.boundingBox();
    const viewport = page.viewportSize();
    if (box && viewport && box.y + box.height > viewport.height)
      await page.setViewportSize({ width: viewport.width, height: Math.ceil(box.y + box.height + 40) });
    await expect(page.locator('.gfmd-prerender')).toHaveCount(1);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/fr/dialogues/${dialogueId}$`));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.locator('.gfmd-prerender')).toHaveCount(1);
  });

  test('the keyboard starts the app, and the focus stays on the link the reader reached', async ({ page }) => {
    await page.goto('/dialogues');
    await expect(page.getByRole('heading', { level: 1, name: 'Thematic dialogues' })).toBeVisible();
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(href).toBeTruthy();
    // The app replaces the painted page and gives the focus to its own link to the same place.
    await expect(page.locator('.gfmd-prerender')).toHaveCount(0);
    await expect(page.locator('gfmd-shell')).toHaveCount(1);
    await expect
      .poll(() =>
        page.evaluate(
          () => document.activeElement?.closest('gfmd-root') && document.activeElement.getAttribute('href'),
        ),
      )
      .toBe(href);
    await expect(page.getByRole('heading', { level: 1, name: 'Thematic dialogues' })).toBeVisible();

    // On the dialogue page too: a Tab starts the app, and a focus moved onto the painted agenda's
    // link (a screen reader's) lands on the app's.
    await page.goto(`/dialogues/${dialogueId}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Agenda' })).toBeVisible();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(first).toBeTruthy();
    await expect(page.locator('.gfmd-prerender')).toHaveCount(0);
    await expect
      .poll(() =>
        page.evaluate(
          () => document.activeElement?.closest('gfmd-root') && document.activeElement.getAttribute('href'),
        ),
      )
      .toBe(first);
    await page.goto(`/dialogues/${dialogueId}`);
    const ics = `/api/v1/dialogues/${dialogueId}/agenda.ics`;
    await page.locator(`.gfmd-prerender a[href="${ics}"]`).focus();
    await expect(page.locator('.gfmd-prerender')).toHaveCount(0);
    await expect
      .poll(() =>
        page.evaluate(
          () => document.activeElement?.closest('gfmd-root') && document.activeElement.getAttribute('href'),
        ),
      )
      .toBe(ics);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  });
});

/** What a reader of the dialogue page gets: its headings, its agenda, its key facts and its spaces. */
async function outline(page: Page) {
  const main = page.getByRole('main');
  const facts = main.getByRole('complementary', { name: /./ });
  return {
    // the availability, the format and the themes under the title
    chips: (await main.locator('h1 + p').innerText()).replace(/\s+/g, ' ').trim(),
    headings: await main
      .getByRole('heading')
      .evaluateAll((hs) => hs.map((h) => `${h.tagName} ${h.textContent?.trim()}`)),
    agenda: await main.getByRole('region').first().ariaSnapshot(),
    facts: await facts
      .locator('dt, dd')
      .evaluateAll((els) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '')),
    spaces: await facts.getByRole('list').last().ariaSnapshot(),
  };
}

/** The list's heading, the heading of the session a dialogue is under, and the text of its card. */
async function listCard(page: Page, title: string) {
  const main = page.getByRole('main');
  // (A locator given to `has` is looked for inside the element: made from the page, not from main.)
  const ofTitle = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title }) });
  const card = main.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title }) });
  const section = main.locator('section').filter({ has: ofTitle });
  return {
    h1: (await main.getByRole('heading', { level: 1 }).innerText()).trim(),
    session: (await section.getByRole('heading', { level: 2 }).innerText()).replace(/\s+/g, ' ').trim(),
    card: (await card.innerText()).replace(/\s+/g, ' ').trim(),
    link: await card.getByRole('link', { name: title, exact: true }).getAttribute('href'),
  };
}

/** Whether every item of `part` comes in `whole`, in the same order (others may come between). */
function inOrder(part: string[], whole: string[]): boolean {
  let at = 0;
  for (const item of part) {
    at = whole.indexOf(item, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
