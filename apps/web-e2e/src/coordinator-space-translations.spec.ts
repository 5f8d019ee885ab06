/**
 * Issue 17, a coordinator translates their own space (both projects, 1280 and 390 px; the
 * interface in French; every screen checked with axe):
 *
 * - the coordinator opens the "Détails et traductions" tab of their space in a dialogue written in
 *   English and Spanish, sees on the Spanish tab that the description is not translated yet,
 *   writes the Spanish description and saves; the name's translation is not offered to them (the
 *   API refuses it too, with its message in French);
 * - a reader at /es/ sees the Spanish description on the dialogue's page (in the page's language,
 *   no `lang` mark) and the untranslated name marked `lang="en"`.
 */
import type { Page } from '@playwright/test';
import { BASE_URL, expect, login, test } from './support/fixtures';
import { createDialogue, createSpace, publish, sessionId, signIn } from './support/setup';
import { horizontalOverflow, open, sharedPage, waitForHeading } from './support/ui';

const SPACE = 'Business Mechanism roundtable';
const DESCRIPTION = 'Employers and recruiters on fair recruitment.';
const ES_DESCRIPTION = 'Empleadores y agencias de contratación sobre la contratación equitativa.';

test.describe("a coordinator translates their space's description; a Spanish reader sees it", () => {
  test.describe.configure({ mode: 'serial' });

  let staff: Page;
  let coordinatorToken: string;
  let dialogueId: string;
  let spaceId: string;
  let project: string;

  test.beforeAll(async ({ browser, admin, api }, info) => {
    project = info.project.name;
    const organizer = await admin.createStaff('organizer', 'Oscar Organizer');
    const coordinator = await admin.createStaff('coordinator', 'Carmen Coordinator');
    const token = await login(organizer.email, organizer.password);
    coordinatorToken = await login(coordinator.email, coordinator.password);
    dialogueId = await createDialogue(api, token, {
      title: `Fair recruitment dialogue (${project})`,
      sessionId: await sessionId(api, admin.token, 9),
      day: project === 'phone' ? 58 : 57,
    });
    expect((await api('PATCH', `/dialogues/${dialogueId}`, { languages: ['en', 'es'] }, token)).status).toBe(200);
    spaceId = await createSpace(api, token, dialogueId, {
      name: SPACE,
      kind: 'business',
      access: 'open',
      coordinatorUserIds: [coordinator.id],
    });
    await publish(api, token, dialogueId);

    staff = await sharedPage(browser);
    await signIn(staff, coordinator, '**/workspace');
    await staff.getByRole('button', { name: /^Language: EN/ }).click();
    await staff.getByRole('menuitemradio', { name: 'Français' }).click();
    await expect(staff.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test.afterAll(async () => {
    await staff?.context().close();
  });

  test('the coordinator, in French, writes the Spanish description on the Spanish tab; the name is not offered', async ({
    api,
    axe,
  }) => {
    await open(staff, `/workspace/${dialogueId}/${spaceId}/details`, SPACE);
    // The space's name is not written in French: the heading says it is English.
    await expect(staff.getByRole('heading', { level: 1, name: SPACE })).toHaveAttribute('lang', 'en');
    await staff.getByRole('heading', { level: 2, name: 'Détails et traductions' }).waitFor();
    await staff.getByRole('textbox', { name: 'Description (facultatif)' }).fill(DESCRIPTION);

    const spanish = staff.getByRole('tab', { name: /^espagnol/ });
    await expect(spanish).toHaveAttribute('aria-selected', 'true');
    await expect(spanish).toContainText('traduction manquante');
    const panel = staff.locator('gfmd-translation-fields').getByRole('tabpanel');
    await expect(panel).toContainText(DESCRIPTION);
    await expect(panel.getByText(/Pas encore traduit/)).toHaveCount(1);
    // Only the description: a coordinator does not translate the space's name.
    await expect(panel.getByRole('textbox')).toHaveCount(1);
    await expect(panel.getByRole('textbox', { name: /^Nom/ })).toHaveCount(0);
    await axe.expectAccessible(staff, `workspace: space details in French, Spanish tab (${project})`);

    const description = panel.getByRole('textbox', { name: 'Description (espagnol)', exact: true });
    await expect(description).toHaveAttribute('lang', 'es');
    await description.fill(ES_DESCRIPTION);
    await expect(spanish).not.toContainText('traduction manquante');
    expect((await horizontalOverflow(staff)).culprits).toEqual([]);
    await staff.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(staff.getByRole('status').filter({ hasText: `${SPACE} est enregistré.` })).toBeVisible();
    await axe.expectAccessible(staff, `workspace: space details saved (${project})`);

    const saved = (await api<any>('GET', `/spaces/${spaceId}`, undefined, coordinatorToken)).body;
    expect(saved.name).toBe(SPACE);
    expect(saved.description).toBe(DESCRIPTION);
    expect(saved.translations).toEqual({ es: { description: ES_DESCRIPTION } });

    // The API refuses the name's translation from a coordinator, in the reader's language.
    const res = await fetch(`${BASE_URL}/api/v1/spaces/${spaceId}`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${coordinatorToken}`,
        'accept-language': 'fr',
      },
      body: JSON.stringify({ translations: { es: { name: 'Mesa redonda del Mecanismo Empresarial' } } }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const problem = (await res.json()) as { detail: string };
    expect(problem.detail).toContain('Les coordinateurs peuvent seulement modifier');
    const after = (await api<any>('GET', `/spaces/${spaceId}`, undefined, coordinatorToken)).body;
    expect(after.translations).toEqual({ es: { description: ES_DESCRIPTION } });
  });

  test('a reader at /es/ reads the Spanish description; the name, not translated, is marked lang="en"', async ({
    browser,
    axe,
  }) => {
    const reader = await sharedPage(browser);
    await reader.goto(`/es/dialogues/${dialogueId}`);
    await waitForHeading(reader);
    await expect(reader.locator('html')).toHaveAttribute('lang', 'es');
    const space = reader.locator('ul.spaces li', { hasText: SPACE });
    await expect(space.locator('strong')).toHaveText(SPACE);
    await expect(space.locator('strong')).toHaveAttribute('lang', 'en');
    const description = space.locator('.space-description');
    await expect(description).toHaveText(ES_DESCRIPTION);
    expect(await description.getAttribute('lang')).toBeNull();
    expect((await horizontalOverflow(reader)).culprits).toEqual([]);
    await axe.expectAccessible(reader, `public dialogue page in Spanish, translated space (${project})`);
    await reader.context().close();
  });
});
