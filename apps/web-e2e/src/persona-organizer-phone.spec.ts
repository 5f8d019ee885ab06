/**
 * An organizer at the door, on a phone, in French (phone project, 390 × 844): the registrations
 * of a dialogue as one card per person (search first, nothing scrolls sideways), check in with
 * the large button, decline with a reason (the dialog says an email goes out) and undo it (no
 * email leaves), decline another and let it stand (the email arrives with the reason), approve a
 * seat request for an approval space under the Pending filter. The dialogue, its spaces and the
 * people who registered are set up through the API; every state is read back through the API.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, login, test } from './support/fixtures';
import { horizontalOverflow, screenshot, sharedPage, waitForHeading } from './support/ui';
import { createDialogue, createSpace, publish, register, registration, sessionId, signIn } from './support/setup';

const DIALOGUE = 'Protection des personnes migrantes en situation de vulnérabilité';
const BUSINESS = 'Espace du Mécanisme des entreprises';

const ana = { email: 'ana.fr@example.org', firstName: 'Ana', lastName: 'Lima' };
const ben = { email: 'ben.fr@example.org', firstName: 'Ben', lastName: 'Okafor' };
const chloe = { email: 'chloe.fr@example.org', firstName: 'Chloé', lastName: 'Martin', preferredLanguage: 'fr' };
const dario = {
  email: 'dario.fr@example.org',
  firstName: 'Dario',
  lastName: 'Rossi',
  stakeholderGroup: 'private_sector',
};

test.describe('organizer on a phone, in French: check in, decline and undo, approve a space', () => {
  test.describe.configure({ mode: 'serial' });

  let p: Page;
  let organizer: { email: string; password: string };
  let token: string;
  let adminToken: string;
  let dialogueId: string;
  let businessId: string;
  const ids: Record<string, string> = {};

  test.beforeAll(async ({ browser, admin, api }) => {
    adminToken = admin.token;
    organizer = await admin.createStaff('organizer', 'Odile Organisatrice');
    token = await login(organizer.email, organizer.password);
    dialogueId = await createDialogue(api, token, { title: DIALOGUE, sessionId: await sessionId(api, admin.token, 9) });
    await createSpace(api, token, dialogueId, {
      name: 'Espace de la société civile',
      kind: 'civil_society',
      access: 'open',
    });
    businessId = await createSpace(api, token, dialogueId, { name: BUSINESS, kind: 'business', access: 'approval' });
    await publish(api, token, dialogueId);
    for (const person of [ana, ben, chloe]) {
      ids[person.firstName] = (await register(api, dialogueId, person)).id;
    }
    const d = await register(api, dialogueId, dario, [businessId]);
    expect(d.spaces).toEqual([expect.objectContaining({ spaceId: businessId, status: 'pending' })]);
    ids['Dario'] = d.id;
    p = await sharedPage(browser);
  });

  const card = (name: string) => p.locator('li.card', { hasText: name });

  test('signs in and switches the interface to French', async ({ axe }) => {
    await signIn(p, organizer, '**/console');
    await p.getByRole('button', { name: /^Language: EN/ }).click();
    await p.getByRole('menuitemradio', { name: 'Français' }).click();
    await expect(p.locator('html')).toHaveAttribute('lang', 'fr');
    await waitForHeading(p, /Console/);
    await axe.expectAccessible(p, 'console (fr, phone)');
  });

  test('sees one card per person, the search first, nothing wider than the screen', async ({ axe }) => {
    await p.goto(`/console/dialogues/${dialogueId}/registrations`);
    await waitForHeading(p, DIALOGUE);
    await p.getByRole('heading', { level: 2, name: 'Inscriptions' }).waitFor();
    await expect(p.locator('li.card')).toHaveCount(4);
    await expect(p.locator('table.registrations')).toHaveCount(0);
    // the search comes before the list (and before the stakeholder balance, which follows it)
    const search = p.getByRole('searchbox', { name: 'Rechercher' });
    const order = await p.evaluate(() => {
      const input = document.querySelector('input[type="search"]');
      const list = document.querySelector('ul.cards');
      const balance = document.getElementById('balance-heading');
      const before = (a: Element | null, b: Element | null) =>
        !!a && !!b && !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      return { searchBeforeList: before(input, list), listBeforeBalance: before(list, balance) };
    });
    expect(order).toEqual({ searchBeforeList: true, listBeforeBalance: true });
    await expect(search).toBeVisible();
    const overflow = await horizontalOverflow(p);
    expect(overflow).toEqual({ scrollWidth: 390, clientWidth: 390, culprits: [] });
    await axe.expectAccessible(p, 'registrations cards (fr, phone)');
    await screenshot(p, 'phone-registrations-fr');

    // the search narrows the cards
    await search.fill('Okafor');
    await expect(p.locator('li.card')).toHaveCount(1);
    await search.fill('');
    await expect(p.locator('li.card')).toHaveCount(4);
  });

  test('checks someone in with the large button', async ({ api, axe }) => {
    const button = card('Ana Lima').getByRole('button', { name: "Enregistrer l'arrivée Ana Lima" });
    const box = await button.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await button.click();
    await card('Ana Lima')
      .getByText(/^Arrivée · /)
      .waitFor();
    await p
      .getByRole('status')
      .filter({ hasText: "L'arrivée de Ana Lima est enregistrée." })
      .waitFor({ state: 'attached' });
    expect((await registration(api, token, ids['Ana'])).checkedInAt).toBeTruthy();
    await axe.expectAccessible(p, 'registrations after check-in (fr, phone)');
  });

  test('declines with a reason, then undoes it: the status is back and no email goes out', async ({ api, axe }) => {
    await card('Ben Okafor').getByRole('button', { name: 'Refuser… Ben Okafor' }).click();
    const dialog = p.getByRole('alertdialog', { name: 'Refuser Ben Okafor ?' });
    await dialog.waitFor();
    await expect(dialog).toContainText('Un e-mail est envoyé à Ben Okafor (ben.fr@example.org)');
    await dialog.getByRole('textbox', { name: 'Motif (facultatif)' }).fill('Places réservées aux délégations.');
    await axe.expectAccessible(p, 'decline dialog (fr, phone)');
    await dialog.getByRole('button', { name: "Refuser et envoyer l'e-mail" }).click();
    await dialog.waitFor({ state: 'detached' });

    const undo = card('Ben Okafor').getByRole('button', { name: 'Annuler le refus Ben Okafor' });
    await undo.waitFor();
    await expect(card('Ben Okafor')).toContainText("Refusé. L'e-mail part dans quelques secondes.");
    await expect(undo).toBeFocused();
    expect((await registration(api, token, ids['Ben'])).status).toBe('declined');
    await axe.expectAccessible(p, 'undo offered (fr, phone)');

    await undo.click();
    await p
      .getByRole('status')
      .filter({ hasText: "Le refus de Ben Okafor est annulé ; aucun e-mail n'est parti." })
      .waitFor({ state: 'attached' });
    await undo.waitFor({ state: 'detached' });
    await expect(card('Ben Okafor')).toContainText('Confirmée');
    expect((await registration(api, token, ids['Ben'])).status).toBe('confirmed');
    // the held email is cancelled in the outbox (the last test also checks the inbox, later)
    const outbox = await api<any>('GET', `/outbox?dialogueId=${dialogueId}&kind=declined`, undefined, adminToken);
    expect(outbox.body.items.filter((e: any) => e.recipient === ben.email).map((e: any) => e.status)).toEqual([
      'cancelled',
    ]);
  });

  test('declines another with a reason and lets it stand: the email arrives with the reason', async ({
    api,
    inbox,
  }) => {
    await card('Chloé Martin').getByRole('button', { name: 'Refuser… Chloé Martin' }).click();
    const dialog = p.getByRole('alertdialog', { name: 'Refuser Chloé Martin ?' });
    await dialog.getByRole('textbox', { name: 'Motif (facultatif)' }).fill('La salle est réservée aux délégations.');
    await dialog.getByRole('button', { name: "Refuser et envoyer l'e-mail" }).click();
    await card('Chloé Martin').getByRole('button', { name: 'Annuler le refus Chloé Martin' }).waitFor();

    const mail = await inbox.waitFor(chloe.email, /^Inscription refusée : /, 45_000);
    expect(mail.text).toContain('La salle est réservée aux délégations.');
    expect((await registration(api, token, ids['Chloé'])).status).toBe('declined');
    // Undo is gone once the email is on its way
    await card('Chloé Martin')
      .getByRole('button', { name: /Annuler le refus/ })
      .waitFor({ state: 'detached' });
    // Ben's decline, undone earlier and held for less time than Chloé's, never went out
    expect((await inbox.subjects(ben.email)).filter((s) => /refus|declined/i.test(s))).toEqual([]);
  });

  test('approves a seat request for the business space under the Pending filter', async ({ api, inbox, axe }) => {
    await p
      .getByRole('combobox', { name: 'Statut' })
      .locator('xpath=ancestor::mat-form-field')
      .locator('.mat-mdc-text-field-wrapper')
      .click();
    await p.getByRole('option', { name: "En attente d'approbation" }).click();
    await expect(p.locator('li.card')).toHaveCount(1);
    const approve = card('Dario Rossi').getByRole('button', { name: `Approuver pour ${BUSINESS} Dario Rossi` });
    await approve.waitFor();
    expect(await horizontalOverflow(p)).toEqual({ scrollWidth: 390, clientWidth: 390, culprits: [] });
    await axe.expectAccessible(p, 'pending filter (fr, phone)');
    await approve.click();
    await p
      .getByRole('status')
      .filter({ hasText: `Dario Rossi est approuvé·e pour ${BUSINESS}.` })
      .waitFor({ state: 'attached' });
    const seat = (await registration(api, token, ids['Dario'])).spaces.find((s: any) => s.spaceId === businessId);
    expect(seat.status).toBe('confirmed');
    await inbox.waitFor(dario.email, /^Registration approved: /);
  });

  test('exports the CSV: headers in French, the file named after the dialogue and its day', async ({ api }) => {
    const day = (await api<any>('GET', `/dialogues/${dialogueId}`, undefined, token)).body.startsAt.slice(0, 10);
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: 'Exporter en CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`inscriptions - ${DIALOGUE} - ${day}.csv`);
    const text = await readFile(await download.path(), 'utf8');
    const header = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    for (const column of ['Statut', 'E-mail', 'Prénom', 'Nom', 'Organisation', 'Groupe de parties prenantes', 'Pays']) {
      expect(header).toContain(column);
    }
    expect(header).not.toMatch(/firstName|stakeholderGroup|stakeholder_group|preferredLanguage/);
  });

  test('every tab of the dialogue fits the phone in French, nothing wider than the screen', async () => {
    // Each tab and the heading it shows. Found walking them at 390 px: the delegations' CSV
    // header, one long word, widened the page by 224 px.
    const tabs: [string, string][] = [
      ['', 'Détails'],
      ['spaces', 'Espaces'],
      ['agenda', "Construction de l'ordre du jour"],
      ['questions', "Questions d'inscription"],
      ['registrations', 'Inscriptions'],
      ['delegations', 'Délégations'],
      ['invitations', 'Invitations'],
      ['outcome', 'Résultats'],
      ['attendance', "Personnel d'accueil"],
      ['documents', 'Documents'],
    ];
    for (const [tab, heading] of tabs) {
      await p.goto(`/console/dialogues/${dialogueId}${tab ? `/${tab}` : ''}`);
      await waitForHeading(p, DIALOGUE);
      await expect(p.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
      await expect(p.locator('gfmd-loading-state')).toHaveCount(0);
      expect({ tab, ...(await horizontalOverflow(p)) }).toEqual({
        tab,
        scrollWidth: 390,
        clientWidth: 390,
        culprits: [],
      });
    }
  });
});
