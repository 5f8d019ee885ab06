import { PUBLIC_SHELL_WORDS } from '@gfmd/contracts';
import { SeedService } from '@gfmd/api-dialogues';
import { OutboxService } from '@gfmd/api-mail';
import { randomUUID } from 'node:crypto';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp, withEnv } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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
    expect(body).toMatch(/<html (data-gfmd-wait="[^"]*" )?lang="fr">/);
    // The title as the API gives it in French, escaped, in the page and in <title>, before any script.
    const root = body.slice(body.indexOf('<gfmd-root>'));
    // Only in English so far: marked as such, as the app's gfmdContentLang does.
    expect(root).toContain(`<h1 lang="${fr.titleLang}">${html(fr.title)}</h1>`);
    expect(body).toContain(`<title>${html(fr.title)} · Dialogues du FMMD</title>`);
    expect(root).toContain('Tous les dialogues');
    expect(root).toContain('href="/fr/dialogues"');
    expect(body).not.toContain('<on>');
    // The page is whole without the app: its script is only named, and index.html's inline script
    // prefetches it once the page has painted and starts it when the reader interacts.
    expect(body).toMatch(/<html data-gfmd-wait="main-ABCD1234.js" lang="fr">/);
    expect(body).not.toContain('<script src="main-ABCD1234.js"');
    expect(body).not.toContain('rel="prefetch"');
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

  it('paints the whole dialogue page in French: key facts, the agenda by day, the spaces, each foreign field marked', async () => {
    const start = Date.parse('2031-03-10T08:00:00Z'); // 09:00 in Geneva (GMT+1)
    const d = await DialogueFactory.createPublished(organizer, {
      informalSessionId: (await InformalSessionFactory.create(organizer)).id,
      title: 'Skills partnerships',
      summary: 'What employers and migrants need.',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 34 * 3_600_000).toISOString(),
      format: 'hybrid',
      capacity: 120,
      languages: ['en', 'fr'],
      translations: { fr: { title: 'Partenariats de compétences' } },
    });
    const space = async (body: Record<string, unknown>) => {
      const res = await organizer.post<{ id: string }>(`/dialogues/${d.id}/spaces`, body);
      if (res.status !== 201) throw new Error(res.text);
      return res.body.id;
    };
    const plenary = await space({
      name: 'Plenary',
      kind: 'plenary',
      rooms: ['Room 1'],
      description: 'Everyone together.',
      translations: { fr: { name: 'Plénière' } },
    });
    const civil = await space({
      name: 'Migrant <voices> & allies',
      kind: 'civil_society',
      access: 'group_only',
      allowedGroups: ['civil_society'],
    });
    await space({ name: 'Donors', kind: 'side_event', access: 'invitation_only' });
    // Fifteen items over two days, the first in French, the rest only in English.
    const items = Array.from({ length: 15 }, (_, i) => {
      const at = start + (i < 8 ? i : 24 + i - 8) * 3_600_000;
      return {
        title: i === 0 ? 'Opening' : `Item ${i} <b>`,
        kind: i === 0 ? 'opening' : i % 4 === 0 ? 'break' : 'panel',
        spaceId: i % 3 === 1 ? civil : i % 3 === 2 ? plenary : undefined,
        room: i % 3 === 2 ? 'Room 1' : undefined,
        startsAt: new Date(at).toISOString(),
        endsAt: new Date(at + 45 * 60_000).toISOString(),
        speakers: [],
        ...(i === 0 ? { translations: { fr: { title: 'Ouverture' } } } : {}),
      };
    });
    for (const item of items) expect((await organizer.post(`/dialogues/${d.id}/agenda-items`, item)).status).toBe(201);
    // A right-to-left override that older rows may hold (the API refuses it today): never painted.
    await sut.dataSource.query("UPDATE agenda_items SET title = $1 WHERE dialogue_id = $2 AND title = 'Item 1 <b>'", [
      'Item 1 \u202Egnp.exe',
      d.id,
    ]);

    const { html: body, headers } = await page(`/fr/dialogues/${d.id}`, { 'accept-encoding': 'gzip' });
    // GFMD_PAINTED_BYTES=1: its size, for docs/performance.md.
    if (process.env['GFMD_PAINTED_BYTES'])
      process.stdout.write(`painted page: ${Buffer.byteLength(body)} bytes, ${gzipSync(body).length} gzipped\n`);
    const root = body.slice(body.indexOf('<gfmd-root>'), body.indexOf('</gfmd-root>'));
    // The app's headings, in its order: summary and agenda in the main column, then the key facts and the spaces.
    const order = [
      '<h1>Partenariats de compétences</h1>',
      '<span class="gfmd-chip gfmd-chip--ok">120 places restantes</span><span class="gfmd-chip">Hybride</span>',
      '<h2>À propos de ce dialogue</h2>',
      '<p class="gfmd-prerender__summary" lang="en">What employers and migrants need.</p>',
      '<h2 id="agenda-heading">Ordre du jour</h2>',
      '<h3 id="agenda-day-2031-03-10">lundi 10 mars 2031</h3>',
      '<h3 id="agenda-day-2031-03-11">mardi 11 mars 2031</h3>',
      '<aside class="gfmd-prerender__facts" aria-label="L&#39;essentiel">',
      '<dt>Lieu</dt><dd>Geneva</dd>',
      '<dt>En ligne</dt><dd>Le lien sera envoyé aux participants inscrits.</dd>',
      '<dt>Langues</dt><dd>EN, FR</dd>',
      '<dt>Places</dt><dd>120</dd>',
      `<a class="gfmd-prerender__action" href="/fr/dialogues/${d.id}/register">S&#39;inscrire</a>`,
      '<h2>Espaces</h2>',
    ];
    for (const part of order) expect(root).toContain(part);
    const at = order.map((part) => root.indexOf(part));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // Times in Geneva, written by Intl in French; the item's own words, the space or everyone, the room.
    expect(root).toContain(
      `<time datetime="${items[0].startsAt}">09:00</time>–<time datetime="${items[0].endsAt}">09:45 GMT+1</time>`,
    );
    expect(root).toContain('<strong>Ouverture</strong><span class="gfmd-chip">Ouverture</span>');
    expect(root).toContain(
      '<strong lang="en">Item 3 &lt;b&gt;</strong><span class="gfmd-chip">Table ronde d’experts</span>',
    );
    expect(root).toContain(
      '<span class="gfmd-chip gfmd-chip--space">Plénière</span><span class="gfmd-muted">Salle: Room 1</span>',
    );
    expect(root).toContain('<span class="gfmd-chip">Tous les participants</span>');
    expect(root).toContain(
      '<span class="gfmd-chip gfmd-chip--space" lang="en">Migrant &lt;voices&gt; &amp; allies</span>',
    );
    expect(root.match(/<li class="gfmd-prerender__item/g)).toHaveLength(15);
    expect(root).toContain('<li class="gfmd-prerender__item gfmd-prerender__item--break">');
    // The bidi override is dropped, the rest of the title kept.
    expect(root).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(root).toContain('Item 1 gnp.exe');
    // The spaces: name (French where translated), kind, access, description (English: marked).
    expect(root).toContain(
      '<li><strong>Plénière</strong> <span class="gfmd-muted">· Plénière</span><br /><small>Ouvert à tous les participants</small>' +
        '<p class="gfmd-prerender__space-description" lang="en">Everyone together.</p></li>',
    );
    expect(root).toContain('<small>Réservé à certains groupes d&#39;acteurs</small>');
    expect(root).toContain('<small>Sur invitation uniquement</small>');
    expect(root).not.toContain('<b>');
    // Small enough for a phone's first round trip (docs/performance.md, session 13): compressed.
    expect(Buffer.byteLength(body)).toBeLessThan(20_000);
    expect(headers.get('content-encoding')).toMatch(/^(br|gzip|deflate)$/);

    // The lead time, in the app's words (LeadTimeComponent: a warning when it is not before the session).
    expect(root).toMatch(
      /<dt>Délai<\/dt><dd><span class="gfmd-chip( gfmd-chip--warn)?">[^<]*session informelle<\/span><\/dd>/,
    );

    // In Arabic, English words are marked left to right too.
    const ar = (await page(`/ar/dialogues/${d.id}`)).html;
    expect(ar).toContain(`<dt>${PUBLIC_SHELL_WORDS.ar?.leadTime}</dt>`);
    expect(ar).toContain('<h1 lang="en" dir="ltr">Skills partnerships</h1>');
    expect(ar).toContain('<h2>المساحات</h2>'.replace('المساحات', PUBLIC_SHELL_WORDS.ar?.spaces ?? ''));
  });

  it('gives a bare path the browser’s language, and Spanish at /es/', async () => {
    const bare = await page(`/dialogues/${dialogueId}`, { 'accept-language': 'es-ES,es;q=0.9,en;q=0.5' });
    expect(bare.html).toMatch(/<html data-gfmd-wait="main-ABCD1234.js" lang="es">/);
    expect(bare.html).toContain('Todos los diálogos');
    expect(bare.html).toContain(`hreflang="x-default"`);
    const es = await page(`/es/dialogues/${dialogueId}`);
    expect(es.html).toMatch(/<html data-gfmd-wait="main-ABCD1234.js" lang="es">/);
    const list = (await page('/dialogues', { 'accept-language': 'fr' })).html;
    expect(list).toContain('<h1>Dialogues thématiques</h1>');
    // Each session's heading as the app writes it.
    expect(list).toMatch(/<h2 id="session-0">Session thématique informelle [\d\s]+ : [^<]+<\/h2>/);
    expect((await page('/en/dialogues')).html).toContain('<h1>Thematic dialogues</h1>');
  });

  it('paints the whole list in French: each public dialogue’s card under its session, filters that work without the app', async () => {
    const other = await InformalSessionFactory.create(organizer);
    const second = await DialogueFactory.createPublished(organizer, {
      informalSessionId: other.id,
      title: 'Second dialogue',
    });
    await DialogueFactory.create(organizer, { informalSessionId: other.id, title: 'A draft nobody may see' });
    const main = (text: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(text)?.[1] ?? '';
    const list = main((await page('/fr/dialogues')).html);
    // The card: its title links to the French page, marked as English (the dialogue has no French).
    expect(list).toContain(
      `<h3><a href="/fr/dialogues/${dialogueId}" lang="en">${html('Dialogue <on> "labour" & skills')}</a></h3>`,
    );
    expect(list).toContain(
      `<a class="gfmd-prerender__button" href="/fr/dialogues/${second.id}">Ordre du jour et inscription`,
    );
    expect(list).toMatch(/<span class="gfmd-chip gfmd-chip--ok">\d+ places restantes<\/span>/);
    expect(list).not.toContain('A draft nobody may see');
    // The hidden count the app announces.
    expect(list).toMatch(/role="status">\d+ dialogues affichés</);
    // The calendar feed, as the app links it.
    expect(list).toContain('href="webcal://dialogues.example.org/api/v1/feeds/dialogues.ics?lang=fr"');
    // The filters: a form sent to this page, which paints the filtered list.
    expect(list).toContain('<form class="gfmd-prerender__filters" role="search" method="get" action="/fr/dialogues"');
    const filtered = main((await page(`/fr/dialogues?session=${other.id}`)).html);
    expect(filtered).toContain('Second dialogue');
    expect(filtered).not.toContain(html('Dialogue <on> "labour" & skills'));
    expect(filtered).toContain(`<option value="${other.id}" selected>`);
    expect(filtered).toMatch(/role="status">1 dialogue affiché</);
    // A filter that names nothing known is ignored; one that matches nothing says so.
    expect(main((await page('/fr/dialogues?session=nope')).html)).toContain('Second dialogue');
    const themes = (await (await fetch(`${sut.baseUrl}/api/v1/themes`)).json()) as { id: string }[];
    const none = main((await page(`/fr/dialogues?session=${other.id}&theme=${themes[themes.length - 1].id}`)).html);
    expect(none).toContain(html("Aucun dialogue n'est encore ouvert au public."));
  });

  it('sends the plain shell (no content, no 5xx) for a dialogue that is not public, and no hreflang on private links', async () => {
    const draft = await DialogueFactory.create(organizer, {
      informalSessionId: (await InformalSessionFactory.create(organizer)).id,
    });
    for (const id of [draft.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await page(`/fr/dialogues/${id}`);
      expect(res.status).toBe(200);
      expect(res.html).toMatch(/<html lang="fr">/);
      expect(res.html).not.toContain('<div class="gfmd-prerender">');
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
