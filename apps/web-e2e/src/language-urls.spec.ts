import { expect, test } from './support/fixtures';
import { createDialogue, publish, sessionId } from './support/setup';
import { startApp } from './support/ui';

/**
 * Issues 17 and 20: a public page at a URL per language. The French URL answers French HTML with
 * the dialogue's title before any script runs; the app opens in French whatever the browser's
 * language; the header's language menu moves the page between /fr/ and /es/ URLs.
 */
test.describe('public pages per language', () => {
  let dialogueId: string;
  const title = `Dialogue on language URLs ${Date.now()}`;

  test.beforeAll(async ({ api, admin }) => {
    dialogueId = await createDialogue(api, admin.token, { title, sessionId: await sessionId(api, admin.token, 97) });
    await publish(api, admin.token, dialogueId);
  });

  test('the French URL is French HTML with the title and hreflang links, before any script', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
    const page = await context.newPage();
    const res = await page.goto(`/fr/dialogues/${dialogueId}`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('link', { name: /Tous les dialogues/ })).toHaveAttribute('href', '/fr/dialogues');
    const alternates = await page
      .locator('link[rel="alternate"][hreflang]')
      .evaluateAll((links) =>
        links.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href') ?? '').pathname}`),
      );
    expect(alternates).toEqual(
      expect.arrayContaining([
        `fr /fr/dialogues/${dialogueId}`,
        `es /es/dialogues/${dialogueId}`,
        `en /en/dialogues/${dialogueId}`,
        `x-default /dialogues/${dialogueId}`,
      ]),
    );
    await context.close();
  });

  test('a French link opens in French, and the language menu moves between /fr/ and /es/', async ({ page, axe }) => {
    await page.goto(`/fr/dialogues/${dialogueId}`);
    await startApp(page);
    // The app's page (its key facts) in French, though the browser asks for English.
    await expect(page.getByRole('complementary', { name: "L'essentiel" })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page).toHaveURL(new RegExp(`/fr/dialogues/${dialogueId}$`));
    await axe.expectAccessible(page, 'dialogue page in French (URL)');

    await page.getByRole('button', { name: /\(Français\)/ }).click();
    await page.getByRole('menuitemradio', { name: 'Español' }).click();
    await expect(page).toHaveURL(new RegExp(`/es/dialogues/${dialogueId}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.locator(`link[rel="canonical"]`)).toHaveAttribute(
      'href',
      new RegExp(`/es/dialogues/${dialogueId}$`),
    );

    // Links of the page follow the language on screen.
    await page.getByRole('link', { name: /Todos los diálogos/ }).click();
    await expect(page).toHaveURL(/\/es\/dialogues$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Diálogos temáticos' })).toBeVisible();

    await page.getByRole('button', { name: /\(Español\)/ }).click();
    await page.getByRole('menuitemradio', { name: 'Français' }).click();
    await expect(page).toHaveURL(/\/fr\/dialogues$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Dialogues thématiques' })).toBeVisible();
  });
});
