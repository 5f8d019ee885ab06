/**
 * The organizer's own registration questions and hybrid attendance (issue 16): an organizer
 * writes one question of each kind (and one only for governments) in the console, reorders them
 * from the keyboard and saves; a participant registers in French on a hybrid dialogue, online,
 * answering them (the form checks the required ones first); they change an answer on their
 * manage page, where the online link is theirs; the organizer sees the answers and the mode in
 * the registrations list. Every state is read back through the API; screens are checked with axe.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, linkIn, login, test } from './support/fixtures';
import { createDialogue, publish, sessionId, signIn } from './support/setup';
import { horizontalOverflow, open, pickCountry, sharedPage, waitForHeading } from './support/ui';

const ONLINE_URL = 'https://meet.example.org/gfmd-questions';

test.describe('registration questions and hybrid attendance', () => {
  test.describe.configure({ mode: 'serial' });

  let staff: Page;
  let participant: Page;
  let token: string;
  let dialogueId: string;
  let project: string;
  let email: string;
  let manageUrl: string;
  const title = () => `Skills partnerships (${project})`;

  test.beforeAll(async ({ browser, admin, api }, info) => {
    project = info.project.name;
    email = `nadia.${project}@diaspora.example.org`;
    const organizer = await admin.createStaff('organizer', 'Quentin Questions');
    token = await login(organizer.email, organizer.password);
    dialogueId = await createDialogue(api, token, {
      title: title(),
      sessionId: await sessionId(api, admin.token, 9),
      capacity: 20,
      day: project === 'phone' ? 48 : 47,
    });
    const hybrid = await api(
      'PATCH',
      `/dialogues/${dialogueId}`,
      { format: 'hybrid', onlineUrl: ONLINE_URL, onlineCapacity: 50, languages: ['en', 'fr', 'es'] },
      token,
    );
    expect(hybrid.status).toBe(200);
    await publish(api, token, dialogueId);
    staff = await sharedPage(browser);
    await signIn(staff, organizer, '**/console');
  });

  const card = (i: number) => staff.locator('li.question-card').nth(i);

  /** Picks an option of a Material select inside a question's card. */
  async function pick(scope: Locator, field: string, option: string, multiple = false) {
    // `has` is matched inside each field: a locator from the page root, as support/ui.ts choose() does.
    const select = staff.getByRole('combobox', { name: field });
    const formField = scope.locator('mat-form-field').filter({ has: select });
    await formField.locator('.mat-mdc-text-field-wrapper').click();
    const choice = staff.getByRole('option', { name: option, exact: true });
    await choice.click();
    if (multiple) {
      // Once in some 200 CI runs the click on a multiple select's option left it unselected (the
      // saved question had no group): the option is checked before the panel closes, clicked
      // again only if that click was lost.
      await expect(async () => {
        if ((await choice.getAttribute('aria-selected')) !== 'true') await choice.click();
        await expect(choice).toHaveAttribute('aria-selected', 'true', { timeout: 1_000 });
      }).toPass();
      await staff.keyboard.press('Escape');
    }
    await staff.locator('.cdk-overlay-pane mat-option').first().waitFor({ state: 'detached' });
    await expect(formField.locator('.mat-mdc-select-value')).toContainText(option);
  }

  async function addQuestion(
    type: string,
    en: string,
    fr: string,
    opts: { required?: boolean; options?: [string, string][]; groups?: string[] } = {},
  ) {
    // The new card, once it is there: counted right after the click, a busy machine had not
    // rendered it yet, and the fields of the card before it were filled in its place.
    const cards = staff.locator('li.question-card');
    const before = await cards.count();
    await staff.getByRole('button', { name: 'Add a question' }).click();
    await expect(cards).toHaveCount(before + 1);
    const c = card(before);
    await c.getByRole('textbox', { name: 'Question · English' }).fill(en);
    // French on the question's French tab (the dialogue's second language, the first tab shown).
    await c.getByRole('textbox', { name: 'Question (French)', exact: true }).fill(fr);
    await pick(c, 'Kind of answer', type);
    for (const [j, [oe, of]] of (opts.options ?? []).entries()) {
      if (j > 0) await c.getByRole('button', { name: 'Add an option' }).click();
      await c.getByRole('textbox', { name: `Option ${j + 1} · English` }).fill(oe);
      await c.getByRole('textbox', { name: `Option ${j + 1} (French)`, exact: true }).fill(of);
    }
    for (const g of opts.groups ?? []) await pick(c, 'Asked of', g, true);
    if (opts.required) await c.getByRole('checkbox', { name: 'An answer is required' }).check();
  }

  test('the organizer writes one question of each kind, one for governments only, reorders from the keyboard and saves', async ({
    api,
    axe,
  }) => {
    await open(staff, `/console/dialogues/${dialogueId}/questions`);
    await waitForHeading(staff);
    await expect(staff.getByRole('heading', { name: 'Registration questions', level: 2 })).toBeVisible();
    await addQuestion('Short text', 'Dietary needs', 'Régime alimentaire');
    await addQuestion('Long text', 'Anything else we should know?', 'Autre chose à nous dire ?');
    await addQuestion('One choice among options', 'Interpretation', 'Interprétation', {
      required: true,
      options: [
        ['French', 'Français'],
        ['Spanish', 'Espagnol'],
      ],
    });
    await addQuestion('Several choices among options', 'Side events', 'Événements parallèles', {
      options: [
        ['Labour', 'Travail'],
        ['Climate', 'Climat'],
      ],
    });
    await addQuestion('Checkbox (yes / no)', 'I need a visa letter', "J'ai besoin d'une lettre pour le visa");
    await addQuestion('Date', 'Arrival date', "Date d'arrivée");
    await addQuestion('Short text', 'Permanent mission', 'Mission permanente', {
      required: true,
      groups: ['Government'],
    });

    // The live preview, as a government delegate sees the form.
    await pick(staff.locator('.preview'), 'As seen by', 'Government');
    await expect(staff.locator('.preview')).toContainText('Permanent mission');

    // The keyboard moves the last question up and back down; the focus follows the button.
    const up = staff.getByRole('button', { name: 'Move question 7 up' });
    await up.focus();
    await staff.keyboard.press('Enter');
    await expect(staff.getByRole('button', { name: 'Move question 6 up' })).toBeFocused();
    await expect(card(5).getByRole('textbox', { name: 'Question · English' })).toHaveValue('Permanent mission');
    await staff.getByRole('button', { name: 'Move question 6 down' }).focus();
    await staff.keyboard.press('Enter');
    await expect(card(6).getByRole('textbox', { name: 'Question · English' })).toHaveValue('Permanent mission');
    await expect(card(6).getByRole('combobox', { name: 'Asked of' })).toContainText('Government');

    expect((await horizontalOverflow(staff)).culprits).toEqual([]);
    await axe.expectAccessible(staff, 'console: question editor');
    await staff.getByRole('button', { name: 'Save the questions' }).click();
    await expect(staff.getByText('Questions saved (7).').first()).toBeVisible();

    const saved = (await api<any[]>('GET', `/dialogues/${dialogueId}/questions`)).body;
    expect(saved.map((q) => [q.type, q.labelText, q.required])).toEqual([
      ['text', 'Dietary needs', false],
      ['long_text', 'Anything else we should know?', false],
      ['single_choice', 'Interpretation', true],
      ['multi_choice', 'Side events', false],
      ['checkbox', 'I need a visa letter', false],
      ['date', 'Arrival date', false],
      ['text', 'Permanent mission', true],
    ]);
    expect(saved[6].groups).toEqual(['government']);
    // The public reads only the resolved labels; staff read the maps they edit.
    expect(saved[2].options.map((o: any) => o.labelText)).toEqual(['French', 'Spanish']);
    const staffRead = (await api<any[]>('GET', `/dialogues/${dialogueId}/questions`, undefined, token)).body;
    expect(staffRead[2].options.map((o: any) => o.label)).toEqual([
      { en: 'French', fr: 'Français' },
      { en: 'Spanish', fr: 'Espagnol' },
    ]);
  });

  test('a participant registers in French, online, answering the questions of her group', async ({
    browser,
    api,
    axe,
  }) => {
    participant = await sharedPage(browser, { locale: 'fr-FR' });
    await open(participant, `/dialogues/${dialogueId}/register`);
    const p = participant;
    await p.getByRole('textbox', { name: 'Courriel' }).fill(email);
    await p.getByRole('textbox', { name: 'Prénom' }).fill('Nadia');
    await p.getByRole('textbox', { name: 'Nom', exact: true }).fill('Haddad');
    await p.getByRole('textbox', { name: 'Organisation' }).fill('Réseau de la diaspora');
    const group = p.getByRole('combobox', { name: "Groupe d'acteurs" });
    await p.locator('mat-form-field').filter({ has: group }).locator('.mat-mdc-text-field-wrapper').click();
    await p.getByRole('option', { name: 'Société civile' }).click();
    await pickCountry(p, 'Pays', 'Suis', 'Suisse');
    // Only the questions for everyone, in French; not the governments' one.
    await expect(p.getByText('Interprétation').first()).toBeVisible();
    await expect(p.getByText('Mission permanente')).toHaveCount(0);
    await p.getByRole('radio', { name: 'En ligne' }).check();
    await p.getByRole('checkbox', { name: /J'accepte que le FMMD/ }).check();

    // The required choice is missing: the form says so and sends nothing.
    await p.getByRole('button', { name: "S'inscrire" }).click();
    await expect(p.getByRole('alert').filter({ hasText: 'Ce champ est obligatoire.' }).first()).toBeVisible();
    expect(p.url()).toContain('/register');

    await p.getByRole('textbox', { name: /Régime alimentaire/ }).fill('Végétarien');
    await p.getByRole('radiogroup', { name: 'Interprétation' }).getByRole('radio', { name: 'Espagnol' }).check();
    await p.getByRole('checkbox', { name: 'Climat' }).check();
    await p.getByRole('checkbox', { name: /lettre pour le visa/ }).check();
    await p.getByLabel(/Date d'arrivée/).fill('2030-05-10');
    expect((await horizontalOverflow(p)).culprits).toEqual([]);
    await axe.expectAccessible(p, 'register: questions and attendance (fr)');
    await p.getByRole('button', { name: "S'inscrire" }).click();
    await p.waitForURL(/\/registered/);

    const list = (await api<any>('GET', `/dialogues/${dialogueId}/registrations`, undefined, token)).body;
    const mine = list.items.find((r: any) => r.email === email);
    expect(mine).toMatchObject({ status: 'confirmed', attendance: 'online', preferredLanguage: 'fr' });
    const keys = (await api<any[]>('GET', `/dialogues/${dialogueId}/questions`)).body.map((q) => q.key);
    expect(mine.answers).toEqual({
      [keys[0]]: 'Végétarien',
      [keys[2]]: expect.any(String),
      [keys[3]]: [expect.any(String)],
      [keys[4]]: true,
      [keys[5]]: '2030-05-10',
    });
  });

  test('she changes an answer on her manage page, where the online link is hers', async ({ api, inbox, axe }) => {
    const mail = await inbox.waitFor(email, /^Inscription confirmée/);
    expect(`${mail.text} ${mail.html}`).toContain(ONLINE_URL);
    manageUrl = linkIn(mail, '/manage/').replace(/^https?:\/\/[^/]+/, '');
    const p = participant;
    await open(p, manageUrl);
    await expect(p.getByRole('link', { name: 'Lien de participation en ligne' })).toHaveAttribute('href', ONLINE_URL);
    await expect(p.getByText('Vous participez en ligne.')).toBeVisible();
    const diet = p.getByRole('textbox', { name: /Régime alimentaire/ });
    await expect(diet).toHaveValue('Végétarien');
    await diet.fill('Végétalien');
    await p.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect(p.getByText('Vos modifications sont enregistrées.').first()).toBeVisible();
    expect((await horizontalOverflow(p)).culprits).toEqual([]);
    await axe.expectAccessible(p, 'manage: answers (fr)');
    const list = (await api<any>('GET', `/dialogues/${dialogueId}/registrations`, undefined, token)).body;
    const keys = (await api<any[]>('GET', `/dialogues/${dialogueId}/questions`)).body.map((q) => q.key);
    expect(list.items.find((r: any) => r.email === email).answers[keys[0]]).toBe('Végétalien');
    // Nothing public carries the online link.
    expect(JSON.stringify((await api('GET', `/dialogues/${dialogueId}`)).body)).not.toContain(ONLINE_URL);
  });

  test('the organizer sees her answers and how she attends in the registrations list', async ({ axe }) => {
    await open(staff, `/console/dialogues/${dialogueId}/registrations`);
    await waitForHeading(staff);
    const row = staff.locator('tr, li').filter({ hasText: 'Nadia Haddad' }).first();
    await expect(row).toContainText('Online');
    await row.getByText(/Answers \(5\)/).click();
    await expect(row).toContainText('Dietary needs');
    await expect(row).toContainText('Végétalien');
    await expect(row).toContainText('Spanish');
    await axe.expectAccessible(staff, 'console: registrations with answers');
  });

  test("a focal point's delegate answers the questions of the delegation's group", async ({ api, inbox, axe }) => {
    const focal = `focal.q.${project}@mission.example.org`;
    const created = await api<any>(
      'POST',
      `/dialogues/${dialogueId}/delegations`,
      { name: 'Republic of Senegal', stakeholderGroup: 'government', country: 'SN', seats: 1, focalPointEmail: focal },
      token,
    );
    expect(created.status).toBe(201);
    const mail = await inbox.waitFor(focal, /^Your delegation to /);
    await open(staff, linkIn(mail, '/delegations/').replace(/^https?:\/\/[^/]+/, ''));
    // Governments are asked the mission too.
    await expect(staff.getByRole('textbox', { name: 'Permanent mission' })).toBeVisible();
    await staff.getByRole('textbox', { name: 'First name' }).fill('Awa');
    await staff.getByRole('textbox', { name: 'Last name' }).fill('Ndiaye');
    await staff.getByRole('textbox', { name: 'Email' }).fill(`awa.${project}@mission.example.org`);
    await staff.getByRole('radiogroup', { name: 'Interpretation' }).getByRole('radio', { name: 'French' }).check();
    await staff.getByRole('textbox', { name: 'Permanent mission' }).fill('Mission of Senegal, Geneva');
    await staff.getByRole('checkbox', { name: /This person agreed/ }).check();
    await axe.expectAccessible(staff, 'focal point: questions');
    await staff.getByRole('button', { name: 'Name this delegate', exact: true }).click();
    await staff.getByText('Awa Ndiaye is registered').first().waitFor();
    const list = (await api<any>('GET', `/dialogues/${dialogueId}/registrations`, undefined, token)).body;
    const awa = list.items.find((r: any) => r.firstName === 'Awa');
    const keys = (await api<any[]>('GET', `/dialogues/${dialogueId}/questions`)).body.map((q) => q.key);
    expect(awa).toMatchObject({ attendance: 'in_person', stakeholderGroup: 'government' });
    expect(awa.answers).toMatchObject({ [keys[6]]: 'Mission of Senegal, Geneva', [keys[4]]: false });
  });
});
