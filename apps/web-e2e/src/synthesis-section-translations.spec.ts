/**
 * A synthesis section's own title in the reader's language (issue 17, docs/syntheses.md): an
 * organizer, with the interface in French, opens the synthesis builder, writes a section's title
 * (English, the synthesis's source) and, on the section's Spanish tab, its Spanish title, and saves;
 * once published, a reader at /es/ reads the Spanish title (no `lang` mark: it is in the page's
 * language), a reader at /fr/, without French, the English one marked `lang="en"`. Both projects
 * (1280 and 390 px); every screen checked with axe. Set-up (dialogue, published outcome) through the API.
 */
import type { Page } from '@playwright/test';
import { expect, login, test } from './support/fixtures';
import { createDialogue, publish, sessionId, signIn } from './support/setup';
import { horizontalOverflow, open, sharedPage, waitForHeading } from './support/ui';

const TITLE = 'Portability of social protection';
const ES_TITLE = 'Portabilidad de la protección social';

test.describe('synthesis section titles: the builder tab and the public page', () => {
  test.describe.configure({ mode: 'serial' });

  let staff: Page;
  let token: string;
  let session: string;
  let reference: string;

  test.beforeAll(async ({ browser, admin, api }, info) => {
    const author = await admin.createStaff('organizer', 'Sofía Sections');
    const reviewer = await admin.createStaff('organizer', 'Rémi Reviewer');
    token = await login(author.email, author.password);
    const reviewerToken = await login(reviewer.email, reviewer.password);
    // A session of its own per project: each run has its own synthesis.
    session = await sessionId(
      api,
      admin.token,
      (info.project.name === 'phone' ? 500 : 400) + Math.floor(Math.random() * 90),
    );
    const dialogue = await createDialogue(api, token, { title: `Section titles ${Date.now()}`, sessionId: session });
    await publish(api, token, dialogue);
    const themes = (await api<any[]>('GET', '/themes')).body;
    const put = await api<any>(
      'PUT',
      `/dialogues/${dialogue}/outcome`,
      {
        summary: 'What the dialogue said.',
        keyMessages: [],
        recommendations: [
          {
            text: 'Portable social protection for migrant workers.',
            kind: 'policy_recommendation',
            themeIds: [themes[0].id],
            addressedTo: ['government'],
          },
        ],
        version: 0,
      },
      token,
    );
    expect(put.status).toBe(200);
    expect((await api('POST', `/dialogues/${dialogue}/outcome/submit`, undefined, token)).status).toBe(200);
    expect((await api('POST', `/dialogues/${dialogue}/outcome/approve`, undefined, reviewerToken)).status).toBe(200);
    expect((await api('POST', `/dialogues/${dialogue}/outcome/publish`, undefined, reviewerToken)).status).toBe(200);
    reference = (await api<any>('GET', `/dialogues/${dialogue}/outcome`, undefined, token)).body.recommendations[0]
      .reference;

    staff = await sharedPage(browser);
    await signIn(staff, author, '**/console');
    await staff.getByRole('button', { name: /^Language: EN/ }).click();
    await staff.getByRole('menuitemradio', { name: 'Français' }).click();
    await expect(staff.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test("an organizer, in French, writes a section's Spanish title on the section's Spanish tab", async ({
    api,
    axe,
  }) => {
    await open(staff, `/console/syntheses/informal-sessions/${session}`, /Session thématique informelle/);
    await staff.getByRole('button', { name: 'Ajouter une section' }).click();
    await staff.getByRole('button', { name: `Ajouter ${reference} à la section 1` }).click();
    const section = staff.locator('fieldset.section').first();
    await section.getByRole('textbox', { name: 'Titre de la section 1', exact: true }).fill(TITLE);

    const tabs = section.getByRole('tablist', { name: 'Titre de la section 1 dans les autres langues' });
    const spanish = tabs.getByRole('tab', { name: /^espagnol/ });
    await spanish.click();
    await expect(spanish).toHaveAttribute('aria-selected', 'true');
    await expect(spanish).toContainText('traduction manquante');
    const panel = section.getByRole('tabpanel').filter({ has: staff.getByRole('textbox', { name: /espagnol/ }) });
    await expect(panel).toContainText(TITLE);
    await expect(panel.getByText(/Pas encore traduit/)).toHaveCount(1);
    await axe.expectAccessible(staff, 'console: synthesis builder in French, a section title on its Spanish tab');

    const field = panel.getByRole('textbox', { name: 'Titre de la section 1 (espagnol)', exact: true });
    await expect(field).toHaveAttribute('lang', 'es');
    await field.fill(ES_TITLE);
    await expect(spanish).not.toContainText('traduction manquante');
    await expect(panel.getByText(/Pas encore traduit/)).toHaveCount(0);
    expect((await horizontalOverflow(staff)).culprits).toEqual([]);
    await staff.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(staff.getByRole('status').filter({ hasText: 'Enregistré.' })).toBeVisible();

    const saved = (await api<any>('GET', `/informal-sessions/${session}/synthesis`, undefined, token)).body;
    expect(saved.sections[0]).toMatchObject({
      title: TITLE,
      titleLang: 'en',
      translations: { es: { title: ES_TITLE } },
      references: [reference],
    });
    expect(saved.sections[0].missingTranslations.es).toBeUndefined();
    expect((await api('POST', `/informal-sessions/${session}/synthesis/publish`, undefined, token)).status).toBe(200);
  });

  test('a reader at /es/ reads the Spanish title; a reader at /fr/ the English, marked lang="en"', async ({
    browser,
    axe,
  }) => {
    const spanish = await sharedPage(browser);
    await spanish.goto(`/es/syntheses/informal-sessions/${session}`);
    await waitForHeading(spanish);
    await expect(spanish.locator('html')).toHaveAttribute('lang', 'es');
    const heading = spanish.getByRole('heading', { level: 2, name: `1. ${ES_TITLE}` });
    await expect(heading).toBeVisible();
    await expect(heading.locator('[lang]')).toHaveCount(0);
    expect((await horizontalOverflow(spanish)).culprits).toEqual([]);
    await axe.expectAccessible(spanish, 'public synthesis in Spanish');

    const french = await sharedPage(browser);
    await french.goto(`/fr/syntheses/informal-sessions/${session}`);
    await waitForHeading(french);
    await expect(french.locator('html')).toHaveAttribute('lang', 'fr');
    const english = french.getByRole('heading', { level: 2, name: `1. ${TITLE}` });
    await expect(english).toBeVisible();
    await expect(english.getByText(TITLE)).toHaveAttribute('lang', 'en');
    await axe.expectAccessible(french, 'public synthesis, English section title for a French reader');
    await spanish.context().close();
    await french.context().close();
  });
});
