/**
 * Registration questions in the dialogue's languages (issue 17, docs/i18n.md "Registration
 * questions"): an organizer opens the questions of a dialogue in English and French, sees on the
 * French tab of a question that its label is missing, writes it and saves; a participant on the
 * French address of the registration form reads that label in French (no `lang` mark), and the
 * question still without French in English, marked `lang="en"`. Both projects (1280 and 390 px);
 * every screen checked with axe.
 */
import type { Page } from '@playwright/test';
import { expect, login, test } from './support/fixtures';
import { createDialogue, publish, sessionId, signIn } from './support/setup';
import { horizontalOverflow, open, sharedPage, waitForHeading } from './support/ui';

test.describe('registration questions in the dialogue’s languages', () => {
  test.describe.configure({ mode: 'serial' });

  let staff: Page;
  let token: string;
  let dialogueId: string;
  let project: string;
  const frLabel = () => `Interprétation souhaitée (${project})`;

  test.beforeAll(async ({ browser, admin, api }, info) => {
    project = info.project.name;
    const organizer = await admin.createStaff('organizer', 'Olga Questions');
    token = await login(organizer.email, organizer.password);
    dialogueId = await createDialogue(api, token, {
      title: `Fair recruitment (${project})`,
      sessionId: await sessionId(api, admin.token, 9),
      day: project === 'phone' ? 56 : 55,
    });
    expect((await api('PATCH', `/dialogues/${dialogueId}`, { languages: ['en', 'fr'] }, token)).status).toBe(200);
    const put = await api(
      'PUT',
      `/dialogues/${dialogueId}/questions`,
      [
        { key: 'interpretation', label: { en: 'Interpretation needed' }, type: 'text', required: false },
        { key: 'visa_letter', label: { en: 'I need a visa letter' }, type: 'checkbox', required: false },
      ],
      token,
    );
    expect(put.status).toBe(200);
    await publish(api, token, dialogueId);
    staff = await sharedPage(browser);
    await signIn(staff, organizer, '**/console');
  });

  test('the organizer writes a French label on the question’s French tab', async ({ api, axe }) => {
    await open(staff, `/console/dialogues/${dialogueId}/questions`);
    await waitForHeading(staff);
    const card = staff.locator('li.question-card').first();
    await expect(card.getByRole('textbox', { name: 'Question · English', exact: true })).toHaveValue(
      'Interpretation needed',
    );
    const french = card.getByRole('tab', { name: /^French/ });
    await expect(french).toContainText('translation missing');
    await french.click();
    const panel = card.getByRole('tabpanel');
    await expect(panel).toContainText('Interpretation needed');
    await expect(panel.getByText('Not translated yet')).toBeVisible();
    await axe.expectAccessible(staff, 'console: question editor, French tab');

    await panel.getByRole('textbox', { name: 'Question (French)', exact: true }).fill(frLabel());
    await expect(french).not.toContainText('translation missing');
    expect((await horizontalOverflow(staff)).culprits).toEqual([]);
    await staff.getByRole('button', { name: 'Save the questions' }).click();
    await expect(staff.getByText('Questions saved (2).').first()).toBeVisible();

    const saved = (await api<any[]>('GET', `/dialogues/${dialogueId}/questions`, undefined, token)).body;
    expect(saved[0].label).toEqual({ en: 'Interpretation needed', fr: frLabel() });
    expect(saved[0].missingTranslations).toEqual({});
    expect(saved[1].missingTranslations).toEqual({ fr: ['label'] });
  });

  test('a participant on /fr/ reads it on the registration form; the English fallback is marked', async ({
    browser,
    axe,
  }) => {
    const p = await sharedPage(browser, { locale: 'fr-FR' });
    await open(p, `/fr/dialogues/${dialogueId}/register`);
    await expect(p.locator('html')).toHaveAttribute('lang', 'fr');
    const field = p.getByRole('textbox', { name: frLabel() });
    await expect(field).toBeVisible();
    const label = p.locator('gfmd-question-fields mat-label > span', { hasText: frLabel() });
    expect(await label.getAttribute('lang')).toBeNull();
    const visa = p.locator('gfmd-question-fields span[lang="en"]', { hasText: 'I need a visa letter' });
    await expect(visa).toHaveCount(1);
    await expect(p.getByRole('checkbox', { name: /I need a visa letter/ })).toBeVisible();
    expect((await horizontalOverflow(p)).culprits).toEqual([]);
    await axe.expectAccessible(p, 'register: question labels in French, English fallback marked');
    await p.context().close();
  });
});
