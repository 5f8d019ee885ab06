import { expect, test } from './support/fixtures';
import { createDialogue, publish, sessionId } from './support/setup';
import { horizontalOverflow, waitForHeading } from './support/ui';

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
    await publish(api, admin.token, dialogueId);
  });

  test('the painted page waits for the reader, and its links work without the app', async ({ page, axe }) => {
    await page.goto(`/dialogues/${dialogueId}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    // The app's script is prefetched, not started: nothing has replaced the painted page.
    await expect(page.locator('html')).toHaveAttribute('data-gfmd-wait', '');
    await expect(page.locator('link[rel="prefetch"][data-gfmd-app]')).toHaveCount(1);
    expect(await page.locator('script[src*="main-"]').count()).toBe(0);
    await expect(page.locator('.gfmd-prerender')).toHaveCount(1);
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

    // The list in Arabic, right to left, painted and accessible too.
    await page.goto('/ar/dialogues');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('.gfmd-prerender')).toHaveCount(1);
    await axe.expectAccessible(page, 'dialogue list in Arabic, painted by the server');
    expect((await horizontalOverflow(page)).culprits).toEqual([]);
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
  });
});
