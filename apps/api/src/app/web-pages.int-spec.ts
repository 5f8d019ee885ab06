import { SeedService } from '@gfmd/api-dialogues';
import { OutboxService } from '@gfmd/api-mail';
import { randomUUID } from 'node:crypto';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp, withEnv } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from './app.module';

const INDEX = readFileSync(join(__dirname, '../../../web/src/index.html'), 'utf8');

/**
 * The public pages' URL per language (issue 17) and their top already in the HTML (issue 20):
 * what the API answers for /fr/dialogues/<id> before any script runs.
 */
describe('Public web pages per language (integration)', () => {
  let sut: TestApp;
  let dist: string;
  let organizer: ApiClient;
  let dialogueId: string;
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${sut.baseUrl}${path}`, { headers });
    return { status: res.status, html: await res.text(), headers: res.headers };
  };
  const html = (text: string) =>
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'gfmd-web-'));
    // As the build writes it: the app's script at the end of the body.
    writeFileSync(
      join(dist, 'index.html'),
      INDEX.replace('</body>', '<script src="main-ABCD1234.js" type="module"></script></body>'),
    );
    // A loaded test machine may take longer than production's 400 ms to read the page's data; this
    // spec is about what the painted page holds, so it waits for the data.
    sut = await withEnv(
      { WEB_DIST: dist, PUBLIC_URL: 'https://dialogues.example.org', WEB_PRERENDER_TIMEOUT_MS: '10000' },
      () => createTestApp([AppModule]),
    );
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    const session = await InformalSessionFactory.create(organizer);
    dialogueId = (
      await DialogueFactory.createPublished(organizer, {
        informalSessionId: session.id,
        title: 'Dialogue <on> "labour" & skills',
        summary: 'Line one.\nLine two.',
      })
    ).id;
  }, 60_000);
  afterAll(async () => {
    await sut?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers /fr/dialogues/<id> in French with the title, hreflang alternates and canonical in the HTML', async () => {
    const fr = (await sut.api.request('GET', `/dialogues/${dialogueId}`, undefined, { 'accept-language': 'fr' })).body;
    const { status, html: body, headers } = await page(`/fr/dialogues/${dialogueId}`, { 'accept-language': 'en' });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/html');
    expect(headers.get('vary')).toContain('Accept-Language');
    // The URL's language wins over the browser's.
    expect(body).toMatch(/<html (data-gfmd-wait )?lang="fr">/);
    // The title as the API gives it in French, escaped, in the page and in <title>, before any script.
    const root = body.slice(body.indexOf('<gfmd-root>'));
    expect(root).toContain(`<h1>${html(fr.title)}</h1>`);
    expect(body).toContain(`<title>${html(fr.title)} · Dialogues du FMMD</title>`);
    expect(root).toContain('Tous les dialogues');
    expect(root).toContain('href="/fr/dialogues"');
    expect(body).not.toContain('<on>');
    // The page is whole without the app: its script is only prefetched (into the cache), and
    // index.html's inline script starts it when the reader interacts (data-gfmd-wait).
    expect(body).toMatch(/<html data-gfmd-wait lang="fr">/);
    expect(body).toContain('<link rel="prefetch" href="main-ABCD1234.js" as="script" data-gfmd-app />');
    expect(body).not.toContain('<script src="main-ABCD1234.js"');
    // Plain links meanwhile: home, the page in the other languages, registering.
    expect(root).toContain('<a class="gfmd-prerender__brand" href="/fr/">');
    expect(root).toContain('<nav class="gfmd-prerender__languages" aria-label="Langue">');
    expect(root).toContain(`<a href="/es/dialogues/${dialogueId}" hreflang="es" lang="es">Español</a>`);
    expect(root).toContain(`<a href="/ar/dialogues/${dialogueId}" hreflang="ar" lang="ar" dir="rtl">العربية</a>`);
    expect(root).not.toContain('hreflang="fr"');
    expect(root).toContain(
      `<a class="gfmd-prerender__action" href="/fr/dialogues/${dialogueId}/register">S&#39;inscrire</a>`,
    );
    const base = 'https://dialogues.example.org';
    expect(body).toContain(`<link rel="canonical" href="${base}/fr/dialogues/${dialogueId}" />`);
    for (const l of ['en', 'fr', 'es', 'ar'])
      expect(body).toContain(`<link rel="alternate" hreflang="${l}" href="${base}/${l}/dialogues/${dialogueId}" />`);
    expect(body).toContain(`<link rel="alternate" hreflang="x-default" href="${base}/dialogues/${dialogueId}" />`);
    // The shell's inline scripts are unchanged (their hashes are the CSP's).
    for (const m of INDEX.matchAll(/<script>([\s\S]*?)<\/script>/g)) expect(body).toContain(m[0]);
  });

  it('gives a bare path the browser’s language, and Spanish at /es/', async () => {
    const bare = await page(`/dialogues/${dialogueId}`, { 'accept-language': 'es-ES,es;q=0.9,en;q=0.5' });
    expect(bare.html).toMatch(/<html data-gfmd-wait lang="es">/);
    expect(bare.html).toContain('Todos los diálogos');
    expect(bare.html).toContain(`hreflang="x-default"`);
    const es = await page(`/es/dialogues/${dialogueId}`);
    expect(es.html).toMatch(/<html data-gfmd-wait lang="es">/);
    const list = (await page('/dialogues', { 'accept-language': 'fr' })).html;
    expect(list).toContain('<h1>Dialogues thématiques</h1>');
    // The first session's heading, the largest text of a phone's first screen, as the app writes it.
    expect(list).toMatch(/<h2>Session thématique informelle \d+ : [^<]+<\/h2>/);
    expect((await page('/en/dialogues')).html).toContain('<h1>Thematic dialogues</h1>');
  });

  it('sends the plain shell (no content, no 5xx) for a dialogue that is not public, and no hreflang on private links', async () => {
    const draft = await DialogueFactory.create(organizer, {
      informalSessionId: (await InformalSessionFactory.create(organizer)).id,
    });
    for (const id of [draft.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await page(`/fr/dialogues/${id}`);
      expect(res.status).toBe(200);
      expect(res.html).toMatch(/<html lang="fr">/);
      expect(res.html).not.toContain('gfmd-prerender');
      // Nothing painted: the app starts at once, as on every other page.
      expect(res.html).toContain('<script src="main-ABCD1234.js" type="module"></script>');
      expect(res.html).not.toContain(draft.title);
    }
    const manage = await page('/fr/manage/some-token');
    expect(manage.status).toBe(200);
    expect(manage.html).toMatch(/<html lang="fr">/);
    expect(manage.html).not.toContain('hreflang');
    expect((await page('/console')).html).not.toContain('hreflang');
  });

  it('links the emails to the pages in the registrant’s language (/fr/manage/…)', async () => {
    const registered = await sut.api.post(`/dialogues/${dialogueId}/registrations`, {
      email: `web-pages-${randomUUID()}@example.org`,
      firstName: 'Amina',
      lastName: 'Diallo',
      organization: 'Migrant Forum',
      stakeholderGroup: 'civil_society',
      country: 'SN',
      preferredLanguage: 'fr',
      consent: true,
    });
    expect(registered.status).toBe(201);
    const [row] = (await sut.dataSource.query(
      "SELECT id FROM outbound_emails WHERE registration_id = $1 AND kind IN ('confirmation', 'waitlisted', 'pending_approval') LIMIT 1",
      [registered.body.id],
    )) as { id: string }[];
    const email = await sut.app.get(OutboxService).contentOf(row.id);
    const text = `${email?.text} ${email?.html}`;
    expect(text).toMatch(/https:\/\/dialogues\.example\.org\/fr\/manage\/[A-Za-z0-9_-]{40,}/);
    expect(text).not.toMatch(/https:\/\/dialogues\.example\.org\/manage\//);
    // Files and the API keep their address.
    expect(text).not.toContain('example.org/fr/api/');
  });
});
