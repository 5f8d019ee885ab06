/**
 * An outcome's translations in languages the dialogue does not list (issue 17, docs/i18n.md
 * "Processes, outcomes, recommendations and syntheses"): the API keeps them and answers
 * `unlistedLanguages`; the editor has no tab for them but names them. A dialogue in English and
 * Spanish whose outcome has a Russian summary and key message and a Chinese recommendation (written
 * through the API); the organizer, interface in French, opens the outcome editor, reads the notice
 * in French naming both languages, saves, and the API still has both translations. Both projects
 * (1280 and 390 px): axe, and no sideways scroll.
 */
import type { Page } from '@playwright/test';
import { expect, login, test } from './support/fixtures';
import { createDialogue, sessionId, signIn } from './support/setup';
import { horizontalOverflow, open, sharedPage } from './support/ui';

const SUMMARY = 'The dialogue agreed that migrant workers keep their social protection when they move.';
const KEY = 'Portability is a shared responsibility.';
const RU = {
  summary: 'Участники диалога согласились, что социальная защита следует за работником.',
  key: 'Переносимость — общая ответственность.',
};
const REC = 'Make social protection portable across borders.';
const ZH = '使社会保护可以跨境转移。';

test.describe('outcome editor: translations in languages the dialogue does not list', () => {
  test.describe.configure({ mode: 'serial' });

  let staff: Page;
  let token: string;
  let dialogueId: string;
  let project: string;
  /** the outcome's version after the set-up's write */
  let version: number;
  const title = () => `Portable social protection outcome (${project})`;

  test.beforeAll(async ({ browser, admin, api }, info) => {
    project = info.project.name;
    const organizer = await admin.createStaff('organizer', 'Oksana Outcomes');
    token = await login(organizer.email, organizer.password);
    dialogueId = await createDialogue(api, token, {
      title: title(),
      sessionId: await sessionId(api, admin.token, 9),
      day: project === 'phone' ? 64 : 63,
    });
    expect((await api('PATCH', `/dialogues/${dialogueId}`, { languages: ['en', 'es'] }, token)).status).toBe(200);
    const themes = (await api<any[]>('GET', '/themes')).body;
    const put = await api<any>(
      'PUT',
      `/dialogues/${dialogueId}/outcome`,
      {
        rapporteurUserIds: [organizer.id],
        summary: SUMMARY,
        keyMessages: [KEY],
        translations: { ru: { summary: RU.summary, 'keyMessages.0': RU.key } },
        recommendations: [
          {
            text: REC,
            kind: 'policy_recommendation',
            themeIds: [themes[0].id],
            addressedTo: ['government'],
            translations: { zh: { text: ZH } },
          },
        ],
        version: 0,
      },
      token,
    );
    expect(put.status).toBe(200);
    version = put.body.version;
    expect(put.body.unlistedLanguages).toEqual(['ru']);
    expect(put.body.recommendations[0].unlistedLanguages).toEqual(['zh']);

    staff = await sharedPage(browser);
    await signIn(staff, organizer, '**/console');
    await staff.getByRole('button', { name: /^Language: EN/ }).click();
    await staff.getByRole('menuitemradio', { name: 'Français' }).click();
    await expect(staff.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test.afterAll(async () => {
    await staff?.context().close();
  });

  test('the organizer, in French, reads which languages are kept without a tab, saves, and they stay', async ({
    api,
    axe,
  }) => {
    await open(staff, `/console/dialogues/${dialogueId}/outcome`, title());
    await staff.getByRole('heading', { level: 2, name: 'Résultats' }).waitFor();
    const notice = staff.locator('p.unlisted');
    await expect(notice).toHaveText(
      'Traductions conservées dans des langues que le dialogue ne liste pas : russe, chinois.',
    );
    // Only the listed languages have a tab: Spanish (English is the source).
    await expect(staff.getByRole('tab', { name: /^russe/ })).toHaveCount(0);
    await expect(staff.getByRole('tab', { name: /^espagnol/ }).first()).toBeVisible();
    expect((await horizontalOverflow(staff)).culprits).toEqual([]);
    await axe.expectAccessible(staff, `console: outcome editor in French, unlisted languages named (${project})`);

    await staff.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await staff
      .getByRole('status')
      .filter({ hasText: /Résultats enregistrés \(version \d+\)/ })
      .waitFor({ state: 'attached' });
    await expect(notice).toContainText('russe, chinois');

    const saved = (await api<any>('GET', `/dialogues/${dialogueId}/outcome`, undefined, token)).body;
    expect(saved.version).toBe(version + 1);
    expect(saved.summary).toBe(SUMMARY);
    expect(saved.translations).toEqual({ ru: { summary: RU.summary, 'keyMessages.0': RU.key } });
    expect(saved.unlistedLanguages).toEqual(['ru']);
    expect(saved.recommendations[0].translations).toEqual({ zh: { text: ZH } });
    expect(saved.recommendations[0].unlistedLanguages).toEqual(['zh']);
  });
});
