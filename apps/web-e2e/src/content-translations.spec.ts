/**
 * Content in several languages (issue 17, docs/i18n.md "Content in several languages"): an
 * organizer lists French among a dialogue's languages, sees on the French tab of the editor (below
 * the English fields) what is missing (in words, beside the English source text), writes the French title and summary and
 * saves; a French reader then reads them on the public page (no `lang` mark: the words are in the
 * page's language), while a Spanish reader, without a Spanish translation, reads the English ones
 * marked `lang="en"`. Both projects (1280 and 390 px); every screen checked with axe.
 */
import type { Page } from '@playwright/test';
import { expect, login, test } from './support/fixtures';
import { createDialogue, publish, sessionId, signIn } from './support/setup';
import { horizontalOverflow, open, sharedPage } from './support/ui';

test.describe('content translations: the editor tab and the public page', () => {
  test.describe.configure({ mode: 'serial' });

  let staff: Page;
  let token: string;
  let dialogueId: string;
  let project: string;
  const title = () => `Labour mobility and skills (${project})`;
  const frTitle = () => `Mobilité de la main-d’œuvre et compétences (${project})`;
  const frSummary = 'Pourquoi les compétences voyagent avec les personnes.';

  test.beforeAll(async ({ browser, admin, api }, info) => {
    project = info.project.name;
    const organizer = await admin.createStaff('organizer', 'Tatiana Translations');
    token = await login(organizer.email, organizer.password);
    dialogueId = await createDialogue(api, token, {
      title: title(),
      sessionId: await sessionId(api, admin.token, 9),
      day: project === 'phone' ? 52 : 51,
    });
    expect((await api('PATCH', `/dialogues/${dialogueId}`, { languages: ['en', 'fr'] }, token)).status).toBe(200);
    await publish(api, token, dialogueId);
    staff = await sharedPage(browser);
    await signIn(staff, organizer, '**/console');
  });

  test('an organizer writes the French title and summary on the French tab', async ({ api, axe }) => {
    await open(staff, `/console/dialogues/${dialogueId}`, title());
    // The English title and summary stay above; French, the other listed language, has its tab.
    await expect(staff.getByRole('textbox', { name: 'Title', exact: true })).toHaveAttribute('lang', 'en');
    const french = staff.getByRole('tab', { name: /^French/ });
    await expect(french).toContainText('translation missing');
    await french.click();
    await expect(french).toHaveAttribute('aria-selected', 'true');
    const panel = staff.getByRole('tabpanel', { name: /^French/ });
    await expect(panel).toContainText(title());
    await expect(panel.getByText('Not translated yet').first()).toBeVisible();
    await axe.expectAccessible(staff, 'console: dialogue editor, French tab');

    await panel.getByRole('textbox', { name: 'Title (French)', exact: true }).fill(frTitle());
    await panel.getByRole('textbox', { name: 'Summary (French)', exact: true }).fill(frSummary);
    await expect(french).not.toContainText('translation missing');
    await expect(panel.getByText('Not translated yet')).toHaveCount(0);
    expect((await horizontalOverflow(staff)).culprits).toEqual([]);
    await staff.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(staff.getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(1);

    const saved = (await api<any>('GET', `/dialogues/${dialogueId}`, undefined, token)).body;
    expect(saved.title).toBe(title());
    expect(saved.translations).toEqual({ fr: { title: frTitle(), summary: frSummary } });
    expect(saved.missingTranslations).toEqual({});
  });

  test('a French reader reads it on the public page; a Spanish one the English, marked lang="en"', async ({
    browser,
    axe,
  }) => {
    const french = await sharedPage(browser, { locale: 'fr-FR' });
    await open(french, `/dialogues/${dialogueId}`, frTitle());
    await expect(french.locator('html')).toHaveAttribute('lang', 'fr');
    const h1 = french.getByRole('heading', { level: 1 });
    expect(await h1.getAttribute('lang')).toBeNull();
    await expect(french.locator('p.summary')).toHaveText(frSummary);
    expect((await horizontalOverflow(french)).culprits).toEqual([]);
    await axe.expectAccessible(french, 'public dialogue page, translated into French');

    const spanish = await sharedPage(browser, { locale: 'es-ES' });
    await open(spanish, `/dialogues/${dialogueId}`, title());
    await expect(spanish.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
    await expect(spanish.locator('p.summary')).toHaveAttribute('lang', 'en');
    await axe.expectAccessible(spanish, 'public dialogue page, English fallback for a Spanish reader');
    await french.context().close();
    await spanish.context().close();
  });
});
