/**
 * An outcome's summary and key messages in the reader's language (issue 17, docs/i18n.md
 * "Content in several languages"): an organizer, with the interface in French, opens the outcome
 * editor of a dialogue written in English and Spanish, sees on the Spanish tab what is missing
 * (in words, beside the English source), writes the Spanish summary and key message and saves; once
 * republished, a reader at /es/ reads them on the public outcome page (no `lang` mark: they are in
 * the page's language), while a reader at /fr/, without French, reads the English marked
 * `lang="en"`. Both projects (1280 and 390 px); every screen checked with axe.
 */
import type { Page } from '@playwright/test';
import { expect, login, test } from './support/fixtures';
import { createDialogue, publish, sessionId, signIn } from './support/setup';
import { horizontalOverflow, open, sharedPage, waitForHeading } from './support/ui';

const SUMMARY = 'The dialogue agreed that skills should travel with people.';
const KEY = 'Mobility is a shared responsibility.';
const ES_SUMMARY = 'El diálogo acordó que las competencias deben viajar con las personas.';
const ES_KEY = 'La movilidad es una responsabilidad compartida.';

test.describe('outcome translations: the editor tab and the public outcome page', () => {
  test.describe.configure({ mode: 'serial' });

  let staff: Page;
  let token: string;
  let publisherToken: string;
  let dialogueId: string;
  let project: string;
  const title = () => `Skills partnerships outcome (${project})`;

  /** Submitted by the rapporteur (the organizer), approved and published by another organizer. */
  async function republish(api: any): Promise<void> {
    expect((await api('POST', `/dialogues/${dialogueId}/outcome/submit`, {}, token)).status).toBe(200);
    for (const step of ['approve', 'publish']) {
      expect((await api('POST', `/dialogues/${dialogueId}/outcome/${step}`, {}, publisherToken)).status).toBe(200);
    }
  }

  test.beforeAll(async ({ browser, admin, api }, info) => {
    project = info.project.name;
    const organizer = await admin.createStaff('organizer', 'Olivia Outcomes');
    const publisher = await admin.createStaff('organizer', 'Pablo Publisher');
    token = await login(organizer.email, organizer.password);
    publisherToken = await login(publisher.email, publisher.password);
    dialogueId = await createDialogue(api, token, {
      title: title(),
      sessionId: await sessionId(api, admin.token, 9),
      day: project === 'phone' ? 56 : 55,
    });
    expect((await api('PATCH', `/dialogues/${dialogueId}`, { languages: ['en', 'es'] }, token)).status).toBe(200);
    await publish(api, token, dialogueId);
    const put = await api(
      'PUT',
      `/dialogues/${dialogueId}/outcome`,
      {
        rapporteurUserIds: [organizer.id],
        summary: SUMMARY,
        keyMessages: [KEY],
        recommendations: [],
        version: 0,
      },
      token,
    );
    expect(put.status).toBe(200);
    await republish(api);

    staff = await sharedPage(browser);
    await signIn(staff, organizer, '**/console');
    await staff.getByRole('button', { name: /^Language: EN/ }).click();
    await staff.getByRole('menuitemradio', { name: 'Français' }).click();
    await expect(staff.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test('an organizer, in French, writes the Spanish summary and key message on the Spanish tab', async ({
    api,
    axe,
  }) => {
    await open(staff, `/console/dialogues/${dialogueId}/outcome`, title());
    await staff.getByRole('heading', { level: 2, name: 'Résultats' }).waitFor();
    const spanish = staff.getByRole('tab', { name: /^espagnol/ }).first();
    await expect(spanish).toHaveAttribute('aria-selected', 'true');
    await expect(spanish).toContainText('traduction manquante');
    const panel = staff.getByRole('tabpanel').first();
    await expect(panel).toContainText(SUMMARY);
    await expect(panel).toContainText(KEY);
    await expect(panel.getByText(/Pas encore traduit/)).toHaveCount(2);
    await axe.expectAccessible(staff, 'console: outcome editor in French, Spanish tab');

    const summary = panel.getByRole('textbox', { name: 'Synthèse (espagnol)', exact: true });
    await expect(summary).toHaveAttribute('lang', 'es');
    await summary.fill(ES_SUMMARY);
    await panel.getByRole('textbox', { name: 'Message clé 1 (espagnol)', exact: true }).fill(ES_KEY);
    await expect(spanish).not.toContainText('traduction manquante');
    await expect(panel.getByText(/Pas encore traduit/)).toHaveCount(0);
    expect((await horizontalOverflow(staff)).culprits).toEqual([]);
    await staff.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await staff
      .getByRole('status')
      .filter({ hasText: /Résultats enregistrés \(version \d+\)/ })
      .waitFor({ state: 'attached' });

    const saved = (await api<any>('GET', `/dialogues/${dialogueId}/outcome`, undefined, token)).body;
    expect(saved.summary).toBe(SUMMARY);
    expect(saved.translations).toEqual({ es: { summary: ES_SUMMARY, 'keyMessages.0': ES_KEY } });
    expect(saved.missingTranslations.es).toBeUndefined();
    await republish(api);
  });

  test('a reader at /es/ reads the Spanish; a reader at /fr/ the English, marked lang="en"', async ({
    browser,
    axe,
  }) => {
    const spanish = await sharedPage(browser);
    await spanish.goto(`/es/dialogues/${dialogueId}/outcome`);
    await waitForHeading(spanish);
    await expect(spanish.locator('html')).toHaveAttribute('lang', 'es');
    await expect(spanish.locator('p.summary')).toHaveText(ES_SUMMARY);
    expect(await spanish.locator('p.summary').getAttribute('lang')).toBeNull();
    const message = spanish.locator('ul.messages li').first();
    await expect(message).toHaveText(ES_KEY);
    expect(await message.getAttribute('lang')).toBeNull();
    expect((await horizontalOverflow(spanish)).culprits).toEqual([]);
    await axe.expectAccessible(spanish, 'public outcome page in Spanish');

    const french = await sharedPage(browser);
    await french.goto(`/fr/dialogues/${dialogueId}/outcome`);
    await waitForHeading(french);
    await expect(french.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(french.locator('p.summary')).toHaveText(SUMMARY);
    await expect(french.locator('p.summary')).toHaveAttribute('lang', 'en');
    await expect(french.locator('ul.messages li').first()).toHaveAttribute('lang', 'en');
    await axe.expectAccessible(french, 'public outcome page, English fallback for a French reader');
    await spanish.context().close();
    await french.context().close();
  });
});
