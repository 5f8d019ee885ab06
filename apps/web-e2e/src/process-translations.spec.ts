/**
 * Issue 17, content in several languages (both projects, 1280 and 390 px), through the one
 * translation editor (`gfmd-translation-fields`):
 *
 * - an organizer opens the process editor, goes to the French tab of the process's details (which
 *   says, in words and with a sign, that the title is not translated yet), writes the French title
 *   and saves; a French reader sees it on the public timeline, and a Spanish reader gets the
 *   English original marked `lang="en"`;
 * - an organizer whose interface is in French writes the Spanish title of a phase and the Spanish
 *   title and venue of an informal session on their Spanish tabs (reached with the arrow keys
 *   too); a reader at /es/ reads them on the public process timeline.
 */
import type { Page } from '@playwright/test';
import { expect, login, test, type Api } from './support/fixtures';
import { horizontalOverflow, open, sharedPage } from './support/ui';
import { signIn } from './support/setup';

/** POSTs as the organizer and expects the record created: its id. */
async function create(api: Api, token: string, path: string, body: object): Promise<string> {
  const res = await api<{ id: string }>('POST', path, body, token);
  expect(res.status).toBe(201);
  return res.body.id;
}

const PROCESS = 'Regional consultations on labour mobility';
const FRENCH = 'Consultations régionales sur la mobilité de main-d’œuvre';

test.describe('an organizer translates a process title; readers see it in their language', () => {
  test.describe.configure({ mode: 'serial' });
  const ctx = {} as { slug: string; processId: string; token: string; organizer: { email: string; password: string } };

  test.beforeAll(async ({ admin, api }, testInfo) => {
    ctx.organizer = await admin.createStaff('organizer', 'Tina Translator');
    ctx.token = await login(ctx.organizer.email, ctx.organizer.password);
    ctx.slug = `i18n-${testInfo.project.name}-${Date.now()}`;
    ctx.processId = await create(api, ctx.token, '/processes', {
      slug: ctx.slug,
      title: PROCESS,
      startsAt: '2028-01-01T00:00:00Z',
      endsAt: '2028-12-31T00:00:00Z',
    });
    // A phase with its French title written through the API (the chart has something to focus).
    await create(api, ctx.token, `/processes/${ctx.processId}/phases`, {
      kind: 'consultation',
      title: 'Consultation phase',
      startsAt: '2028-02-01T00:00:00Z',
      endsAt: '2028-06-01T00:00:00Z',
      translations: { fr: { title: 'Phase de consultation' } },
    });
  });

  test('the organizer writes the French title on the French tab', async ({ browser, api, axe }, testInfo) => {
    const p = await sharedPage(browser);
    await signIn(p, ctx.organizer, '**/console');
    await open(p, `/console/processes/${ctx.processId}`, PROCESS);
    const details = p.getByRole('region', { name: 'Details' });
    // The record's own (English) title stays above; the five other languages have a tab each.
    await expect(details.getByRole('textbox', { name: 'Title', exact: true })).toHaveAttribute('lang', 'en');
    await expect(details.getByRole('tab')).toHaveCount(5);
    const french = details.getByRole('tab', { name: /^French/ });
    await expect(french).toContainText('⚠');
    await expect(french).toContainText('translation missing');
    await french.click();
    await expect(french).toHaveAttribute('aria-selected', 'true');
    const panel = details.getByRole('tabpanel');
    await expect(panel).toContainText('Not translated yet');
    await expect(panel.getByText(PROCESS, { exact: true })).toBeVisible();
    const title = panel.getByRole('textbox', { name: 'Title (French)', exact: true });
    await expect(title).toHaveAttribute('lang', 'fr');
    await axe.expectAccessible(p, `process editor, French tab (${testInfo.project.name})`);
    await title.fill(FRENCH);
    await expect(french).not.toContainText('translation missing');
    await details.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(p.getByRole('status').filter({ hasText: 'Saved' })).toBeAttached();

    const saved = (await api<any>('GET', `/processes/${ctx.processId}`, undefined, ctx.token)).body;
    expect(saved.title).toBe(PROCESS);
    expect(saved.translations).toEqual({ fr: { title: FRENCH } });
    await p.context().close();
  });

  test('a French reader reads the French title; a Spanish reader the English one, marked lang="en"', async ({
    browser,
    axe,
  }, testInfo) => {
    const fr = await sharedPage(browser, { locale: 'fr-FR' });
    await open(fr, `/timeline?process=${ctx.slug}`);
    await expect(fr.locator('html')).toHaveAttribute('lang', 'fr');
    const option = fr.locator(`option[value="${ctx.slug}"]`);
    await expect(option).toHaveText(FRENCH);
    await expect(option).not.toHaveAttribute('lang', /.+/);
    await expect(fr.locator('[data-tl-item]', { hasText: 'Phase de consultation' }).first()).toBeAttached();
    await axe.expectAccessible(fr, `process timeline in French (${testInfo.project.name})`);
    await fr.context().close();

    const es = await sharedPage(browser, { locale: 'es-ES' });
    await open(es, `/timeline?process=${ctx.slug}`);
    await expect(es.locator('html')).toHaveAttribute('lang', 'es');
    const english = es.locator(`option[value="${ctx.slug}"]`);
    await expect(english).toHaveText(PROCESS);
    await expect(english).toHaveAttribute('lang', 'en');
    // The phase has no Spanish either: its label is marked English too.
    await expect(es.locator('.label', { hasText: 'Consultation phase' }).first()).toHaveAttribute('lang', 'en');
    await es.context().close();
  });
});

const PHASE = 'Regional consultations';
const SESSION = 'Skills and labour mobility';
const VENUE = 'Geneva, Palais des Nations';
const ES_PHASE = 'Consultas regionales';
const ES_SESSION = 'Competencias y movilidad laboral';
const ES_VENUE = 'Ginebra, Palacio de las Naciones';

test.describe('an organizer with a French interface translates a phase and a session into Spanish', () => {
  test.describe.configure({ mode: 'serial' });
  const ctx = {} as { slug: string; processId: string; sessionId: string; token: string; title: string };
  let staff: Page;

  test.beforeAll(async ({ admin, api, browser }, testInfo) => {
    const organizer = await admin.createStaff('organizer', 'Fanny Fonctionnaire');
    ctx.token = await login(organizer.email, organizer.password);
    ctx.slug = `i18n-es-${testInfo.project.name}-${Date.now()}`;
    ctx.title = `Labour mobility calendar (${testInfo.project.name})`;
    const year = (day: string) => `2029-${day}T00:00:00Z`;
    ctx.processId = await create(api, ctx.token, '/processes', {
      slug: ctx.slug,
      title: ctx.title,
      startsAt: year('01-01'),
      endsAt: year('12-31'),
    });
    const phases = `/processes/${ctx.processId}/phases`;
    await create(api, ctx.token, phases, {
      kind: 'consultation',
      title: PHASE,
      startsAt: year('02-01'),
      endsAt: year('08-01'),
    });
    const themeId = await create(api, ctx.token, '/themes', {
      code: `ES${Date.now() % 100000}`,
      title: 'Labour mobility',
      processId: ctx.processId,
    });
    ctx.sessionId = await create(api, ctx.token, `/processes/${ctx.processId}/informal-sessions`, {
      number: 1,
      title: SESSION,
      themeId,
      startsAt: '2029-03-05T08:00:00Z',
      endsAt: '2029-03-06T16:00:00Z',
      venue: VENUE,
      timeZone: 'Europe/Zurich',
    });

    staff = await sharedPage(browser);
    await signIn(staff, organizer, '**/console');
    // The organizer's interface in French (the language menu's choice, kept on the device).
    await staff.evaluate(() => localStorage.setItem('gfmd.language', 'fr'));
  });

  test.afterAll(async () => staff?.context().close());

  test('the Spanish tab of a phase: what is missing in words, the English source beside the field', async ({
    axe,
  }, testInfo) => {
    await open(staff, `/console/processes/${ctx.processId}`, ctx.title);
    await expect(staff.locator('html')).toHaveAttribute('lang', 'fr');
    const phases = staff.getByRole('region', { name: 'Phases', exact: true });
    await phases.getByRole('button', { name: 'Modifier', exact: true }).click();
    await expect(phases.getByRole('textbox', { name: 'Titre', exact: true })).toHaveValue(PHASE);
    const spanish = phases.getByRole('tab', { name: /^espagnol/ });
    await expect(spanish).toContainText('⚠');
    await expect(spanish).toContainText('traduction manquante');
    await spanish.click();
    await expect(spanish).toHaveAttribute('aria-selected', 'true');
    const panel = phases.getByRole('tabpanel');
    await expect(panel).toContainText('Pas encore traduit');
    // The English source in an English-marked span on a French page.
    await expect(panel.getByText(PHASE, { exact: true })).toHaveAttribute('lang', 'en');
    const title = panel.getByRole('textbox', { name: 'Titre (espagnol)', exact: true });
    await expect(title).toHaveAttribute('lang', 'es');
    await axe.expectAccessible(staff, `process editor in French, a phase's Spanish tab (${testInfo.project.name})`);
    expect((await horizontalOverflow(staff)).culprits).toEqual([]);
    await title.fill(ES_PHASE);
    await expect(spanish).not.toContainText('traduction manquante');
    await expect(panel).not.toContainText('Pas encore traduit');
    await phases.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(staff.getByRole('status').filter({ hasText: 'Enregistré' })).toBeAttached();
    await expect(phases.getByRole('textbox', { name: 'Titre', exact: true })).toHaveValue('');
  });

  test("a session's Spanish title and venue, its tab reached with the arrow keys", async ({ api, axe }, testInfo) => {
    const sessions = staff.getByRole('region', { name: 'Sessions informelles', exact: true });
    await sessions.getByRole('button', { name: 'Modifier', exact: true }).click();
    await expect(sessions.getByRole('textbox', { name: 'Titre', exact: true })).toHaveValue(SESSION);
    // The tablist pattern: one tab stop (the selected tab, Arabic first), arrows move and select.
    const tabs = sessions.getByRole('tablist');
    await expect(tabs.getByRole('tab')).toHaveCount(5);
    const arabic = tabs.getByRole('tab', { name: /^arabe/ });
    await expect(arabic).toHaveAttribute('aria-selected', 'true');
    await arabic.focus();
    await staff.keyboard.press('ArrowRight');
    const spanish = tabs.getByRole('tab', { name: /^espagnol/ });
    await expect(spanish).toBeFocused();
    await expect(spanish).toHaveAttribute('aria-selected', 'true');
    await expect(arabic).toHaveAttribute('tabindex', '-1');
    const panel = sessions.getByRole('tabpanel');
    await panel.getByRole('textbox', { name: 'Titre (espagnol)', exact: true }).fill(ES_SESSION);
    await panel.getByRole('textbox', { name: 'Lieu (espagnol)', exact: true }).fill(ES_VENUE);
    await expect(spanish).not.toContainText('traduction manquante');
    await axe.expectAccessible(staff, `process editor in French, a session's Spanish tab (${testInfo.project.name})`);
    await sessions.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    // Saved: the form is back to a new session's, its tabs with nothing typed.
    await expect(sessions.getByRole('textbox', { name: 'Titre', exact: true })).toHaveValue('');

    const saved = (await api<any>('GET', `/processes/${ctx.processId}/timeline`, undefined, ctx.token)).body;
    expect(saved.phases[0].translations).toEqual({ es: { title: ES_PHASE } });
    const session = saved.sessions.find((s: { id: string }) => s.id === ctx.sessionId);
    expect(session.title).toBe(SESSION);
    expect(session.translations).toEqual({ es: { title: ES_SESSION, venue: ES_VENUE } });
    expect(session.missingTranslations.es).toBeUndefined();
  });

  test('a reader at /es/ reads them on the public process timeline', async ({ browser, axe }, testInfo) => {
    const es = await sharedPage(browser, { locale: 'en-GB' });
    await open(es, `/es/timeline?process=${ctx.slug}`);
    await expect(es.locator('html')).toHaveAttribute('lang', 'es');
    const main = es.locator('main');
    await expect(main.getByText(ES_PHASE).first()).toBeAttached();
    await expect(main.getByText(ES_SESSION).first()).toBeAttached();
    await expect(main.getByText(ES_VENUE).first()).toBeAttached();
    // In the page's language: nothing marked as another language, and the English words are gone.
    await expect(main.locator('[lang]', { hasText: ES_VENUE })).toHaveCount(0);
    await expect(main.getByText(PHASE, { exact: true })).toHaveCount(0);
    await expect(main.getByText(VENUE)).toHaveCount(0);
    expect((await horizontalOverflow(es)).culprits).toEqual([]);
    await axe.expectAccessible(es, `process timeline at /es/ (${testInfo.project.name})`);
    await es.context().close();
  });
});
