/**
 * Issue 17, the synthesis introduction in the reader's language (both projects, 1280 and 390 px;
 * the interface in French; every screen checked with axe):
 *
 * - an organizer opens the synthesis builder of an informal session whose synthesis has an English
 *   introduction, goes to the Spanish tab (marked as missing), writes the Spanish introduction,
 *   saves and publishes after confirming;
 * - a reader at /es/ reads the Spanish introduction on the public synthesis (no `lang` mark), and a
 *   reader at /fr/ (no French) the English one marked `lang="en"`.
 */
import type { Page } from '@playwright/test';
import { expect, login, test } from './support/fixtures';
import { sessionId, signIn } from './support/setup';
import { horizontalOverflow, open, sharedPage, waitForHeading } from './support/ui';

const INTRO = 'The recommendations of the dialogues on labour mobility.';
const ES_INTRO = 'Las recomendaciones de los diálogos sobre la movilidad laboral.';

test.describe('an organizer translates the synthesis introduction into Spanish; a Spanish reader sees it', () => {
  test.describe.configure({ mode: 'serial' });

  let staff: Page;
  let token: string;
  let session: string;
  let project: string;

  test.beforeAll(async ({ browser, admin, api }, info) => {
    project = info.project.name;
    const organizer = await admin.createStaff('organizer', 'Sara Synthesis');
    token = await login(organizer.email, organizer.password);
    // A session of its own per run and project: its synthesis starts empty (version 0).
    session = await sessionId(api, admin.token, 300 + Math.floor(Math.random() * 300));
    const current = (await api<any>('GET', `/informal-sessions/${session}/synthesis`, undefined, token)).body;
    const put = await api<any>(
      'PUT',
      `/informal-sessions/${session}/synthesis`,
      { introduction: INTRO, translations: {}, sections: current.sections ?? [], version: current.version },
      token,
    );
    expect(put.status).toBe(200);

    staff = await sharedPage(browser);
    await signIn(staff, organizer, '**/console');
    await staff.getByRole('button', { name: /^Language: EN/ }).click();
    await staff.getByRole('menuitemradio', { name: 'Français' }).click();
    await expect(staff.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test.afterAll(async () => {
    await staff?.context().close();
  });

  test('the organizer, in French, writes the Spanish introduction on its tab, saves and publishes', async ({
    api,
    axe,
  }) => {
    await open(staff, `/console/syntheses/informal-sessions/${session}`);
    await expect(staff.getByRole('textbox', { name: 'Introduction', exact: true })).toHaveValue(INTRO);
    // English is the source; the five other languages have a tab each.
    await expect(staff.getByRole('tab')).toHaveCount(5);
    const spanish = staff.getByRole('tab', { name: /^espagnol/ });
    await expect(spanish).toContainText('traduction manquante');
    await spanish.click();
    await expect(spanish).toHaveAttribute('aria-selected', 'true');
    const panel = staff.getByRole('tabpanel');
    await expect(panel).toContainText(INTRO);
    await expect(panel.getByText(/Pas encore traduit/)).toHaveCount(1);
    await axe.expectAccessible(staff, `console: synthesis builder in French, Spanish tab (${project})`);

    const field = panel.getByRole('textbox', { name: 'Introduction (espagnol)', exact: true });
    await expect(field).toHaveAttribute('lang', 'es');
    await field.fill(ES_INTRO);
    await expect(spanish).not.toContainText('traduction manquante');
    expect((await horizontalOverflow(staff)).culprits).toEqual([]);
    await staff.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(staff.getByRole('status').filter({ hasText: 'Enregistré.' })).toBeVisible();

    await staff.getByRole('button', { name: 'Publier', exact: true }).click();
    const confirm = staff.getByRole('alertdialog', { name: 'Publier la synthèse ?' });
    await axe.expectAccessible(staff, `console: publish the synthesis, in French (${project})`);
    await confirm.getByRole('button', { name: 'Publier' }).click();
    await expect(staff.getByRole('status').filter({ hasText: /^Publiée/ })).toBeVisible();

    const saved = (await api<any>('GET', `/informal-sessions/${session}/synthesis`, undefined, token)).body;
    expect(saved.status).toBe('published');
    expect(saved.introduction).toBe(INTRO);
    expect(saved.translations?.es).toEqual({ introduction: ES_INTRO });
  });

  test('a reader at /es/ reads the Spanish introduction; a reader at /fr/ the English one, marked lang="en"', async ({
    browser,
    axe,
  }) => {
    const spanish = await sharedPage(browser);
    await spanish.goto(`/es/syntheses/informal-sessions/${session}`);
    await waitForHeading(spanish);
    await expect(spanish.locator('html')).toHaveAttribute('lang', 'es');
    const intro = spanish.getByRole('region', { name: 'Introducción' }).locator('p');
    await expect(intro).toHaveText(ES_INTRO);
    expect(await intro.getAttribute('lang')).toBeNull();
    expect((await horizontalOverflow(spanish)).culprits).toEqual([]);
    await axe.expectAccessible(spanish, `public synthesis in Spanish (${project})`);
    await spanish.context().close();

    const french = await sharedPage(browser);
    await french.goto(`/fr/syntheses/informal-sessions/${session}`);
    await waitForHeading(french);
    await expect(french.locator('html')).toHaveAttribute('lang', 'fr');
    const english = french.getByRole('region', { name: 'Introduction' }).locator('p');
    await expect(english).toHaveText(INTRO);
    await expect(english).toHaveAttribute('lang', 'en');
    // The heading: the prefix in French, the session's own title (English, not translated) marked.
    const heading = french.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(/^Session thématique informelle \d+\s?: Informal session \d+$/);
    expect(await heading.getAttribute('lang')).toBeNull();
    await expect(heading.locator('span[lang="en"]')).toHaveText(/^Informal session \d+$/);
    await axe.expectAccessible(french, `public synthesis in French (${project})`);
    await french.context().close();
  });
});
