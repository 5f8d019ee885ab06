/**
 * Issue 17, staff screens that show content, in French (both projects, 1280 and 390 px; every
 * screen checked with axe and for sideways scrolling). A dialogue in English and French: its
 * title, a space's name and the registration questions translated, a second space and one
 * question only in English, so a fallback shows.
 *
 * - a participant with a French browser registers at /fr/, answering the questions, in both spaces;
 * - the organizer, interface in French, opens the registrations list: the seat chips and the
 *   approve button name the space in French, the English-only space is marked `lang="en"`; the
 *   answers open with a real click (a tap on the phone) under French labels, the English-only
 *   question marked; approving the seat works;
 * - the organizer adds a participant with the staff registration dialog: spaces and questions in
 *   French, the fallbacks marked;
 * - the focal point, with a French browser, opens the delegation link: the dialogue's title and
 *   the questions in French, the fallback marked, and names a delegate.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, linkIn, login, test } from './support/fixtures';
import { createDialogue, createSpace, publish, sessionId, signIn } from './support/setup';
import { choose, horizontalOverflow, open, pickCountry, sharedPage, waitForHeading } from './support/ui';

const ROUNDTABLE = 'Business Mechanism roundtable';
const FR_ROUNDTABLE = 'Table ronde du Mécanisme des entreprises';
const HUB = 'Civil society hub';
const DIET = 'Dietary needs';

test.describe('staff screens show the content in French, the English fallback marked', () => {
  test.describe.configure({ mode: 'serial' });

  let staff: Page;
  let token: string;
  let dialogueId: string;
  let roundtableId: string;
  let hubId: string;
  let project: string;
  const title = () => `Labour migration governance (${project})`;
  const frTitle = () => `Gouvernance des migrations de main-d’œuvre (${project})`;
  const participant = () => `amina.${project}@forum.example.org`;

  test.beforeAll(async ({ browser, admin, api }, info) => {
    project = info.project.name;
    const organizer = await admin.createStaff('organizer', 'Odile Organisatrice');
    token = await login(organizer.email, organizer.password);
    dialogueId = await createDialogue(api, token, {
      title: title(),
      sessionId: await sessionId(api, admin.token, 9),
      capacity: 20,
      day: project === 'phone' ? 62 : 61,
    });
    const languages = await api(
      'PATCH',
      `/dialogues/${dialogueId}`,
      { languages: ['en', 'fr'], translations: { fr: { title: frTitle() } } },
      token,
    );
    expect(languages.status).toBe(200);
    roundtableId = await createSpace(api, token, dialogueId, {
      name: ROUNDTABLE,
      kind: 'common_space',
      access: 'approval',
    });
    const named = await api(
      'PATCH',
      `/spaces/${roundtableId}`,
      { translations: { fr: { name: FR_ROUNDTABLE } } },
      token,
    );
    expect(named.status).toBe(200);
    hubId = await createSpace(api, token, dialogueId, { name: HUB, kind: 'civil_society', access: 'open' });
    const questions = await api(
      'PUT',
      `/dialogues/${dialogueId}/questions`,
      [
        {
          key: 'interpretation',
          label: { en: 'Interpretation', fr: 'Interprétation' },
          type: 'single_choice',
          required: true,
          options: [
            { value: 'fr', label: { en: 'French', fr: 'Français' } },
            { value: 'es', label: { en: 'Spanish', fr: 'Espagnol' } },
          ],
        },
        { key: 'diet', label: { en: DIET }, type: 'text', required: false },
      ],
      token,
    );
    expect(questions.status).toBe(200);
    await publish(api, token, dialogueId);

    staff = await sharedPage(browser);
    await signIn(staff, organizer, '**/console');
    await staff.getByRole('button', { name: /^Language: EN/ }).click();
    await staff.getByRole('menuitemradio', { name: 'Français' }).click();
    await expect(staff.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test.afterAll(async () => {
    await staff?.context().close();
  });

  /** A click on the desktop, a tap (touch events) on the phone project, which has touch. */
  async function press(target: Locator): Promise<void> {
    if (project === 'phone') await target.tap();
    else await target.click();
  }

  /** The questions of a form: French labels, the English-only one marked lang="en". */
  async function expectQuestionsInFrench(scope: Locator): Promise<void> {
    const interpretation = scope.getByRole('radiogroup', { name: 'Interprétation' });
    await expect(interpretation).toBeVisible();
    await expect(interpretation.getByRole('radio')).toHaveCount(2);
    await expect(interpretation.getByRole('radio', { name: 'Espagnol' })).toHaveCount(1);
    expect(
      await scope
        .locator('span', { hasText: /^Interprétation$/ })
        .first()
        .getAttribute('lang'),
    ).toBeNull();
    await expect(scope.locator('gfmd-question-fields span[lang="en"]', { hasText: DIET })).toHaveCount(1);
  }

  test('a participant with a French browser registers at /fr/, answering the questions, in both spaces', async ({
    browser,
    api,
    axe,
  }) => {
    const p = await sharedPage(browser, { locale: 'fr-FR' });
    await open(p, `/fr/dialogues/${dialogueId}/register`);
    await expect(p.locator('html')).toHaveAttribute('lang', 'fr');
    await p.getByRole('textbox', { name: 'Courriel' }).fill(participant());
    await p.getByRole('textbox', { name: 'Prénom' }).fill('Amina');
    await p.getByRole('textbox', { name: 'Nom', exact: true }).fill('Diallo');
    await p.getByRole('textbox', { name: 'Organisation' }).fill('Forum des migrants');
    await choose(p, "Groupe d'acteurs", 'Société civile');
    await pickCountry(p, 'Pays', 'Séné', 'Sénégal');

    const form = p.locator('form').first();
    await expectQuestionsInFrench(form);
    const roundtable = p.locator('ul.spaces strong', { hasText: FR_ROUNDTABLE });
    expect(await roundtable.getAttribute('lang')).toBeNull();
    await expect(p.locator('ul.spaces strong', { hasText: HUB })).toHaveAttribute('lang', 'en');

    await p.getByRole('radiogroup', { name: 'Interprétation' }).getByRole('radio', { name: 'Espagnol' }).check();
    await p.getByRole('textbox', { name: new RegExp(DIET) }).fill('Végétarien');
    await p.getByRole('checkbox', { name: new RegExp(FR_ROUNDTABLE) }).check();
    await p.getByRole('checkbox', { name: new RegExp(HUB) }).check();
    await p.getByRole('checkbox', { name: /J'accepte que le FMMD/ }).check();
    expect((await horizontalOverflow(p)).culprits).toEqual([]);
    await axe.expectAccessible(p, `register at /fr/: questions and spaces, English fallbacks marked (${project})`);
    await p.getByRole('button', { name: "S'inscrire" }).click();
    await p.waitForURL(/\/registered/);
    await p.context().close();

    const list = (await api<any>('GET', `/dialogues/${dialogueId}/registrations`, undefined, token)).body;
    const amina = list.items.find((r: any) => r.email === participant());
    expect(amina).toMatchObject({ status: 'confirmed', answers: { interpretation: 'es', diet: 'Végétarien' } });
    expect(Object.fromEntries(amina.spaces.map((s: any) => [s.spaceId, s.status]))).toEqual({
      [roundtableId]: 'pending',
      [hubId]: 'confirmed',
    });
  });

  test('the organizer, in French, reads her seats and answers in French and approves her seat', async ({
    api,
    axe,
  }) => {
    await open(staff, `/console/dialogues/${dialogueId}/registrations`);
    await waitForHeading(staff);
    const person = staff.locator('tr, li').filter({ hasText: 'Amina Diallo' }).first();
    await expect(person).toBeVisible();

    // The seat chips: the space's French name in the page's language, the English-only one marked.
    const frChip = person.locator('.gfmd-chip', { hasText: FR_ROUNDTABLE });
    await expect(frChip).toContainText("En attente d'approbation");
    expect(await frChip.locator('span', { hasText: FR_ROUNDTABLE }).getAttribute('lang')).toBeNull();
    await expect(person.locator('.gfmd-chip span[lang="en"]', { hasText: HUB })).toHaveCount(1);

    // The answers open with a pointer (a finger on the phone), under the labels in French.
    const summary = person.locator('details.answers > summary');
    await expect(summary).toContainText('Réponses (2)');
    await press(summary);
    const answers = person.locator('details.answers');
    await expect(answers).toHaveAttribute('open', '');
    const label = answers.locator('dt', { hasText: 'Interprétation' });
    await expect(label).toBeVisible();
    expect(await label.getAttribute('lang')).toBeNull();
    const chosen = answers.locator('dd', { hasText: 'Espagnol' });
    await expect(chosen).toBeVisible();
    expect(await chosen.getAttribute('lang')).toBeNull();
    await expect(answers.locator('dt', { hasText: DIET })).toHaveAttribute('lang', 'en');
    await expect(answers.locator('dd', { hasText: 'Végétarien' })).toBeVisible();
    expect((await horizontalOverflow(staff)).culprits).toEqual([]);
    await axe.expectAccessible(staff, `console: registrations in French, answers open (${project})`);

    // The seat's approve button names the space in French, and approves it.
    await person.getByRole('button', { name: new RegExp(`^Approuver pour ${FR_ROUNDTABLE}`) }).click();
    await expect(staff.getByText(`Amina Diallo est approuvé·e pour ${FR_ROUNDTABLE}.`).first()).toBeVisible();
    await expect(frChip).toContainText('Confirmée');
    const seats = (await api<any>('GET', `/dialogues/${dialogueId}/registrations`, undefined, token)).body.items.find(
      (r: any) => r.email === participant(),
    ).spaces;
    expect(seats.find((s: any) => s.spaceId === roundtableId).status).toBe('confirmed');
  });

  test('the organizer adds a participant in French: the dialog shows spaces and questions in French', async ({
    api,
    axe,
  }) => {
    await staff.getByRole('button', { name: 'Ajouter un·e participant·e' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Ajouter un·e participant·e' });
    await dialog.waitFor();
    await expect(dialog.getByRole('group', { name: 'Quelques questions de plus' })).toBeVisible();
    await expectQuestionsInFrench(dialog);
    const spaces = dialog.getByRole('group', { name: 'Espaces auxquels vous souhaitez participer' });
    expect(await spaces.locator('span', { hasText: FR_ROUNDTABLE }).first().getAttribute('lang')).toBeNull();
    await expect(spaces.locator('span[lang="en"]', { hasText: HUB })).toHaveCount(1);

    const email = `kofi.${project}@labour.example.org`;
    await dialog.getByRole('textbox', { name: 'Courriel' }).fill(email);
    await dialog.getByRole('textbox', { name: 'Prénom' }).fill('Kofi');
    await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Mensah');
    await dialog.getByRole('textbox', { name: 'Organisation' }).fill('Ministère du Travail');
    await choose(staff, "Groupe d'acteurs", 'Gouvernement');
    await pickCountry(staff, 'Pays', 'Gha', 'Ghana');
    await dialog.getByRole('radiogroup', { name: 'Interprétation' }).getByRole('radio', { name: 'Français' }).check();
    await spaces.getByRole('checkbox', { name: FR_ROUNDTABLE }).check();
    expect((await horizontalOverflow(staff)).culprits).toEqual([]);
    await axe.expectAccessible(staff, `console: add a participant in French (${project})`);
    await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(staff.getByText('Kofi Mensah est inscrit·e et confirmé·e.').first()).toBeVisible();

    const list = (await api<any>('GET', `/dialogues/${dialogueId}/registrations`, undefined, token)).body;
    const kofi = list.items.find((r: any) => r.email === email);
    expect(kofi).toMatchObject({ status: 'confirmed', answers: { interpretation: 'fr' } });
    expect(kofi.spaces.map((s: any) => s.spaceId)).toEqual([roundtableId]);
  });

  test('the focal point, with a French browser, reads the dialogue and the questions in French and names a delegate', async ({
    browser,
    api,
    inbox,
    axe,
  }) => {
    const focal = `focal.fr.${project}@mission.example.org`;
    const created = await api<any>(
      'POST',
      `/dialogues/${dialogueId}/delegations`,
      {
        name: 'République du Sénégal',
        stakeholderGroup: 'government',
        country: 'SN',
        seats: 2,
        focalPointEmail: focal,
        focalPointLanguage: 'fr',
      },
      token,
    );
    expect(created.status).toBe(201);
    // Written to in French, the link is the French page's (/fr/delegations/…).
    const mail = await inbox.waitFor(focal, /délégation/i);
    const link = linkIn(mail, '/delegations/').replace(/^https?:\/\/[^/]+/, '');
    expect(link).toMatch(/^\/fr\/delegations\//);

    const p = await sharedPage(browser, { locale: 'fr-FR' });
    await open(p, link, 'Délégation : République du Sénégal');
    await expect(p.locator('html')).toHaveAttribute('lang', 'fr');
    const heading = p.locator('.lead strong');
    await expect(heading).toHaveText(frTitle());
    expect(await heading.getAttribute('lang')).toBeNull();
    await p.getByText('0 place(s) attribuée(s) sur 2').waitFor();
    const form = p.locator('form');
    await expectQuestionsInFrench(form);

    await form.getByRole('textbox', { name: 'Prénom' }).fill('Awa');
    await form.getByRole('textbox', { name: 'Nom', exact: true }).fill('Ndiaye');
    await form.getByRole('textbox', { name: 'Courriel' }).fill(`awa.${project}@mission.example.org`);
    await form.getByRole('radiogroup', { name: 'Interprétation' }).getByRole('radio', { name: 'Français' }).check();
    await form.getByRole('textbox', { name: new RegExp(DIET) }).fill('Sans gluten');
    await form.getByRole('checkbox', { name: /Cette personne accepte/ }).check();
    expect((await horizontalOverflow(p)).culprits).toEqual([]);
    await axe.expectAccessible(p, `focal point in French: questions, English fallback marked (${project})`);
    await form.getByRole('button', { name: 'Désigner ce délégué', exact: true }).click();
    await p.getByText('1 place(s) attribuée(s) sur 2').waitFor();
    await expect(p.getByText('Awa Ndiaye est inscrit(e)').first()).toBeVisible();
    // The form is empty for the next delegate, and says nothing is wrong with it yet.
    await expect(form.getByRole('textbox', { name: 'Prénom' })).toHaveValue('');
    await expect(form.getByText('Ce champ est obligatoire.')).toHaveCount(0);
    await axe.expectAccessible(p, `focal point in French: one delegate (${project})`);
    await p.context().close();

    const list = (await api<any>('GET', `/dialogues/${dialogueId}/registrations`, undefined, token)).body;
    const awa = list.items.find((r: any) => r.firstName === 'Awa');
    expect(awa).toMatchObject({ status: 'confirmed', answers: { interpretation: 'fr', diet: 'Sans gluten' } });
  });
});
