/**
 * Issue 14's whole loop, from the rapporteur to a citation (desktop; the public pages also at 390 px):
 *
 *   - the rapporteur (a coordinator-role account with no space: neither organizer nor coordinator
 *     of this dialogue) finds the outcome under "My outcomes", drafts a summary, a key message
 *     and a recommendation in French;
 *   - the civil society coordinator adds their space's recommendation from their space's tab;
 *   - the rapporteur submits; an organizer returns it with a comment; the rapporteur reads the
 *     comment, corrects and resubmits; the organizer approves and publishes;
 *   - a French-speaking co-facilitator finds the session's synthesis on the process timeline
 *     before it is out, subscribes and confirms the address from the email;
 *   - the organizer builds the session's synthesis from the published recommendations and
 *     publishes it; the subscriber is emailed in French;
 *   - a French-speaking visitor opens the dialogue, follows the link to its published outcome,
 *     searches the recommendations in French without accents, opens one and copies its citation.
 * (apps/web-e2e/src/synthesis.spec.ts covers the builder's keyboard ordering and the PDF.)
 *
 * People and the dialogue are set up through the API; every outcome step goes through the UI.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, linkIn, login, test } from './support/fixtures';
import { horizontalOverflow, open, screenshot, sharedPage, waitForHeading } from './support/ui';
import { createDialogue, createSpace, publish, sessionId, signIn } from './support/setup';

const DIALOGUE = 'Labour mobility and skills partnerships';
const CIVIL = 'Civil society space';
const FRENCH = 'Renforcer la protection sociale des travailleurs saisonniers étrangers et leur accès à l’éducation.';
const CORRECTED = `${FRENCH} Les pays de destination en rendent compte chaque année.`;
const DIASPORA = 'Associer les organisations de la diaspora à la conception des partenariats de compétences.';
const COMMENT = 'Say who reports on the protection, and how often.';

interface Who {
  email: string;
  password: string;
}
const ctx = {} as {
  dialogueId: string;
  rapporteur: Who;
  coordinator: Who;
  organizer: Who;
  spaceId: string;
  sessionId: string;
  reference: string;
  references: string[];
};
const COFACILITATOR = `co-facilitator-${Date.now()}@e2e.gfmd`;

/** Saves the editor's form and waits for the live region to say so. */
async function save(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'Save', exact: true }).click();
  await p
    .getByRole('status')
    .filter({ hasText: /Outcome saved \(version \d+\)/ })
    .waitFor({ state: 'attached' });
}

/** A review action; the live region then names the new status. */
async function act(p: Page, button: string, status: string): Promise<void> {
  await p.getByRole('button', { name: button, exact: true }).click();
  await p
    .getByRole('status')
    .filter({ hasText: `Done: the outcome is now “${status}”.` })
    .waitFor({ state: 'attached' });
}

async function page(browser: Browser, who: Who, landing: '**/console' | '**/workspace'): Promise<Page> {
  const p = await sharedPage(browser);
  await signIn(p, who, landing);
  return p;
}

test.describe('the outcome loop, from the rapporteur to a citation', () => {
  test.describe.configure({ mode: 'serial' });
  let rapporteur: Page;
  let organizer: Page;

  test.beforeAll(async ({ admin, api }) => {
    const organizerA = await admin.createStaff('organizer', 'Olga Organizer');
    const organizerToken = await login(organizerA.email, organizerA.password);
    ctx.organizer = await admin.createStaff('organizer', 'Otto Reviewer');
    ctx.rapporteur = await admin.createStaff('coordinator', 'Rita Rapporteur');
    const coordinator = await admin.createStaff('coordinator', 'Cora Civil');
    ctx.coordinator = coordinator;
    ctx.sessionId = await sessionId(api, admin.token, 4);
    ctx.dialogueId = await createDialogue(api, organizerToken, { title: DIALOGUE, sessionId: ctx.sessionId });
    ctx.spaceId = await createSpace(api, organizerToken, ctx.dialogueId, {
      name: CIVIL,
      kind: 'civil_society',
      access: 'open',
      coordinatorUserIds: [coordinator.id],
    });
    await publish(api, organizerToken, ctx.dialogueId);
    // The first organizer names the rapporteur (the console's rapporteur picker has specs of its own).
    const named = await api(
      'PATCH',
      `/dialogues/${ctx.dialogueId}/outcome`,
      { rapporteurUserIds: [(ctx.rapporteur as { id: string } & Who).id], version: 0 },
      organizerToken,
    );
    expect(named.status).toBe(200);
  });

  test('the rapporteur finds the outcome under My outcomes and drafts it', async ({ browser, axe }) => {
    rapporteur = await page(browser, ctx.rapporteur, '**/workspace');
    await rapporteur.getByRole('link', { name: 'My outcomes' }).first().click();
    await waitForHeading(rapporteur, 'My outcomes');
    await axe.expectAccessible(rapporteur, 'my outcomes');
    await rapporteur.getByRole('link', { name: DIALOGUE }).click();
    await waitForHeading(rapporteur, DIALOGUE);
    await rapporteur.getByLabel('Summary').fill('Participants discussed seasonal work, skills and social protection.');
    await rapporteur.getByRole('button', { name: 'Add a key message' }).click();
    await rapporteur.getByLabel('Key message 1').fill('Protection must travel with seasonal workers.');
    await rapporteur.getByRole('button', { name: 'Add a recommendation' }).click();
    await rapporteur
      .getByRole('group', { name: /Recommendation 1/ })
      .getByLabel('Text')
      .fill(FRENCH);
    await save(rapporteur);
    await axe.expectAccessible(rapporteur, 'rapporteur outcome editor');
    await screenshot(rapporteur, 'rapporteur-outcome-editor');
  });

  test('the civil society coordinator adds their space’s recommendation', async ({ browser }) => {
    const p = await page(browser, ctx.coordinator, '**/workspace');
    await open(p, `/workspace/${ctx.dialogueId}/${ctx.spaceId}/outcome`, CIVIL);
    await p.getByRole('heading', { level: 2, name: 'Outcome' }).waitFor();
    // the rapporteur's recommendation is read-only here
    await expect(p.getByRole('group', { name: /Recommendation 1/ }).getByLabel('Text')).toHaveAttribute('readonly');
    await p.getByRole('button', { name: 'Add a recommendation' }).click();
    await p
      .getByRole('group', { name: /Recommendation 2/ })
      .getByLabel('Text')
      .fill(DIASPORA);
    await save(p);
    await p.context().close();
  });

  test('the rapporteur submits; an organizer returns it with a comment', async ({ browser, axe }) => {
    await rapporteur.reload();
    await waitForHeading(rapporteur, DIALOGUE);
    await expect(rapporteur.getByRole('group', { name: /Recommendation 2/ }).getByLabel('Text')).toHaveValue(DIASPORA);
    await act(rapporteur, 'Submit for review', 'Submitted for review');

    organizer = await page(browser, ctx.organizer, '**/console');
    await open(organizer, `/console/dialogues/${ctx.dialogueId}/outcome`, DIALOGUE);
    await organizer.getByRole('heading', { level: 2, name: 'Outcome' }).waitFor();
    await organizer.getByLabel('What should change?').fill(COMMENT);
    await act(organizer, 'Return for changes', 'Returned for changes');
    await axe.expectAccessible(organizer, 'organizer outcome review');
  });

  test('the rapporteur reads the comment, corrects and resubmits', async () => {
    await rapporteur.reload();
    await waitForHeading(rapporteur, DIALOGUE);
    await expect(rapporteur.getByText(COMMENT)).toBeVisible();
    await rapporteur
      .getByRole('group', { name: /Recommendation 1/ })
      .getByLabel('Text')
      .fill(CORRECTED);
    await save(rapporteur);
    await act(rapporteur, 'Submit for review', 'Submitted for review');
  });

  test('the organizer sees what changed, approves and publishes', async ({ api }) => {
    await organizer.reload();
    await waitForHeading(organizer, DIALOGUE);
    // the review diff since the last submission shows the corrected wording
    await expect(organizer.locator('gfmd-outcome-diff')).toContainText('Les pays de destination');
    await act(organizer, 'Approve', 'Approved');
    await act(organizer, 'Publish', 'Published');
    const published = await api<any>('GET', `/dialogues/${ctx.dialogueId}/outcome`);
    expect(published.status).toBe(200);
    const refs = published.body.recommendations.map((r: { reference: string }) => r.reference);
    expect(refs).toHaveLength(2);
    expect(refs[0]).toMatch(/^GFMD-GCM-T4-D\d{2,}-R01$/);
    ctx.reference = refs[0];
    ctx.references = refs;
  });

  test('a French-speaking co-facilitator subscribes to the session’s synthesis before it is out', async ({
    browser,
    inbox,
    axe,
  }) => {
    const p = await sharedPage(browser, { locale: 'fr-FR' });
    await open(p, '/timeline?process=gcm-2017-2018');
    const dues = p.getByRole('region', { name: 'Synthèses' });
    await dues.getByRole('link', { name: /Session thématique informelle 4 / }).click();
    await p.getByText('Cette synthèse n’a pas encore été publiée.').waitFor();
    await p.getByLabel('Adresse électronique').fill(COFACILITATOR);
    await p.getByRole('button', { name: 'S’abonner' }).click();
    await p.getByRole('status').filter({ hasText: 'Consultez votre messagerie' }).waitFor();
    await axe.expectAccessible(p, 'synthesis not yet published (fr)');
    const mail = await inbox.waitFor(COFACILITATOR, /Confirmez votre abonnement/);
    await p.goto(linkIn(mail, '/subscriptions/confirm/').replace(/^https?:\/\/[^/]+/, ''));
    await waitForHeading(p, 'Abonnement');
    await expect(p.getByRole('status')).toContainText('confirmé');
    await p.context().close();
  });

  test('the organizer builds the session’s synthesis and publishes it; the subscriber is told', async ({ inbox }) => {
    await open(organizer, `/console/syntheses/informal-sessions/${ctx.sessionId}`, /Informal thematic session 4/);
    await organizer
      .getByLabel('Introduction', { exact: true })
      .fill('What the GFMD recommends on labour mobility and skills.');
    await organizer.getByRole('button', { name: 'Add a section' }).click();
    for (const ref of ctx.references) await organizer.getByRole('button', { name: `Add ${ref} to section 1` }).click();
    await organizer.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(organizer.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await organizer.getByRole('button', { name: 'Publish', exact: true }).click();
    await organizer.getByRole('alertdialog').getByRole('button', { name: 'Publish' }).click();
    await expect(organizer.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
    const mail = await inbox.waitFor(COFACILITATOR, /Synthèse publiée/);
    expect(linkIn(mail, `/syntheses/informal-sessions/${ctx.sessionId}`)).toBeTruthy();
  });

  test('a French-speaking visitor reads the outcome, at 1280 and 390 px', async ({ browser, axe }) => {
    for (const width of [1280, 390]) {
      const p = await sharedPage(browser, { locale: 'fr-FR', viewport: { width, height: 844 } });
      await open(p, `/dialogues/${ctx.dialogueId}`, DIALOGUE);
      await p.getByRole('link', { name: 'Lire les résultats et leurs recommandations' }).click();
      await waitForHeading(p, `Résultats : ${DIALOGUE}`);
      await expect(p.getByRole('heading', { level: 3, name: ctx.reference })).toBeVisible();
      await expect(p.locator('main')).toContainText(CORRECTED);
      await expect(p.locator('main')).toContainText(DIASPORA);
      expect((await horizontalOverflow(p)).culprits).toEqual([]);
      await axe.expectAccessible(p, `public outcome (${width} px, fr)`);
      await screenshot(p, width === 390 ? 'phone-public-outcome-fr' : 'public-outcome-fr');
      await p.context().close();
    }
  });

  test('the visitor finds the recommendation by searching in French and copies its citation', async ({
    browser,
    axe,
  }) => {
    const p = await sharedPage(browser, { locale: 'fr-FR', permissions: ['clipboard-read', 'clipboard-write'] });
    await open(p, '/recommendations', 'Recommandations');
    // typed without accents: "etrangers", "education"
    await p.getByLabel('Mots à rechercher').fill('travailleur saisonnier etrangers education');
    await p.getByRole('button', { name: 'Rechercher' }).click();
    const hit = p.locator('main li.result').filter({ hasText: ctx.reference });
    await expect(hit).toBeVisible();
    await expect(hit.locator('mark').first()).toBeVisible();
    await axe.expectAccessible(p, 'recommendation search (fr)');
    await hit
      .getByRole('link', { name: new RegExp(ctx.reference) })
      .first()
      .click();
    await waitForHeading(p, new RegExp(ctx.reference));
    await p.getByRole('button', { name: 'Copier', exact: true }).click();
    await p.getByRole('status').filter({ hasText: 'Citation copiée' }).waitFor({ state: 'attached' });
    const copied = await p.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(ctx.reference);
    expect(copied).toContain(DIALOGUE);
    expect(copied).toContain(`/recommendations/${ctx.reference}`);
    await p.context().close();
  });
});
