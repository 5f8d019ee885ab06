/**
 * Issue 17, content in several languages (both projects, 1280 and 390 px): an organizer opens the
 * process editor, goes to the French tab of the process's details (which says, in words and with a
 * sign, that the title is not translated yet), writes the French title and saves; a French reader
 * sees it on the public timeline, and a Spanish reader gets the English original marked `lang="en"`.
 */
import { expect, login, test } from './support/fixtures';
import { open, sharedPage } from './support/ui';
import { signIn } from './support/setup';

const PROCESS = 'Regional consultations on labour mobility';
const FRENCH = 'Consultations régionales sur la mobilité de main-d’œuvre';

test.describe('an organizer translates a process title; readers see it in their language', () => {
  test.describe.configure({ mode: 'serial' });
  const ctx = {} as { slug: string; processId: string; token: string; organizer: { email: string; password: string } };

  test.beforeAll(async ({ admin, api }, testInfo) => {
    ctx.organizer = await admin.createStaff('organizer', 'Tina Translator');
    ctx.token = await login(ctx.organizer.email, ctx.organizer.password);
    ctx.slug = `i18n-${testInfo.project.name}-${Date.now()}`;
    const res = await api<any>(
      'POST',
      '/processes',
      { slug: ctx.slug, title: PROCESS, startsAt: '2028-01-01T00:00:00Z', endsAt: '2028-12-31T00:00:00Z' },
      ctx.token,
    );
    expect(res.status).toBe(201);
    ctx.processId = res.body.id;
    // A phase with its French title written through the API (the chart has something to focus).
    const phase = await api<any>(
      'POST',
      `/processes/${ctx.processId}/phases`,
      {
        kind: 'consultation',
        title: 'Consultation phase',
        startsAt: '2028-02-01T00:00:00Z',
        endsAt: '2028-06-01T00:00:00Z',
        translations: { fr: { title: 'Phase de consultation' } },
      },
      ctx.token,
    );
    expect(phase.status).toBe(201);
  });

  test('the organizer writes the French title on the French tab', async ({ browser, api, axe }, testInfo) => {
    const p = await sharedPage(browser);
    await signIn(p, ctx.organizer, '**/console');
    await open(p, `/console/processes/${ctx.processId}`, PROCESS);
    const details = p.getByRole('region', { name: 'Details' });
    const tabs = details.getByRole('tab');
    await expect(tabs.first()).toContainText('English');
    await expect(tabs.first()).toContainText('source');
    const french = details.getByRole('tab', { name: /Français/ });
    await expect(french).toContainText('⚠');
    await expect(french).toContainText('to translate: 1');
    await french.click();
    await expect(details.getByRole('note')).toContainText('Not translated yet');
    await expect(details.getByText(PROCESS, { exact: true })).toHaveAttribute('lang', 'en');
    const title = details.getByLabel('Title');
    await expect(title).toHaveAttribute('lang', 'fr');
    await axe.expectAccessible(p, `process editor, French tab (${testInfo.project.name})`);
    await title.fill(FRENCH);
    await expect(french).not.toContainText('to translate');
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
