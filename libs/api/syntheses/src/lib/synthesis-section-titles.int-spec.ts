import { type ApiClient, type TestApp } from '@gfmd/api-testing';
import type { Synthesis, Theme } from '@gfmd/contracts';
import { synthesisTestApp, download, pdfText, docxText } from '../testing/synthesis-app';
import { processFixture, publishedRecommendations } from '../testing/synthesis-fixture';

const TITLE = { en: 'Portability of social protection', es: 'Portabilidad de la protección social' };
const TITLE_FR = 'Portabilité de la protection sociale';

/**
 * A synthesis section's own title in several languages (English its source, like the
 * introduction): saved, kept, read in the reader's language, frozen at publication, printed in
 * the document's language; the default heading (theme and kind) in the document's language too.
 */
describe('Synthesis section titles in several languages (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let p: string;
  let references: string[];
  let theme: Theme;

  beforeAll(async () => {
    sut = await synthesisTestApp();
    organizer = (await sut.staff('organizer')).client;
    const reviewer = (await sut.staff('organizer')).client;
    const { process, session } = await processFixture(organizer);
    // A theme of its own, with its French title: other specs add themes to the shared list without one.
    const created = await organizer.post<Theme>('/themes', {
      code: `S${Date.now().toString(36).slice(-6)}`,
      title: 'Labour mobility and skills',
      processId: process.id,
      translations: { fr: { title: 'Mobilité de la main-d’œuvre et compétences' } },
    });
    expect(created.status).toBe(201);
    theme = created.body;
    ({ references } = await publishedRecommendations(organizer, reviewer, session.id, theme.id, 2));
    p = `/informal-sessions/${session.id}/synthesis`;
  });
  afterAll(() => sut.close());

  it('saves a section title with its translations, lists what is missing, and keeps them on a save without them', async () => {
    const saved = await organizer.request<Synthesis>('PUT', p, {
      introduction: 'The recommendations of the GFMD.',
      sections: [
        {
          title: TITLE.en,
          translations: { es: { title: TITLE.es }, fr: { title: TITLE_FR } },
          references: [references[0]],
        },
        { themeId: theme.id, kind: 'good_practice', references: [references[1]] },
      ],
      version: 0,
    });
    expect(saved.status).toBe(200);
    const staff = (await organizer.get<Synthesis>(p)).body;
    expect(staff.sections[0]).toEqual({
      themeId: null,
      kind: null,
      title: TITLE.en,
      titleLang: 'en',
      translations: { es: { title: TITLE.es }, fr: { title: TITLE_FR } },
      missingTranslations: { ar: ['title'], ru: ['title'], zh: ['title'] },
      references: [references[0]],
    });
    // No title of its own: nothing to translate, nothing missing.
    expect(staff.sections[1]).toMatchObject({ title: null, translations: {}, missingTranslations: {} });

    // A client that sends the read back (read-only fields included) or leaves the translations out keeps them.
    const again = await organizer.request<Synthesis>('PUT', p, {
      introduction: staff.introduction,
      sections: [
        { ...staff.sections[1], translations: undefined },
        { ...staff.sections[0], translations: undefined },
      ],
      version: staff.version,
    });
    expect(again.status).toBe(200);
    expect(again.body.sections[1].translations).toEqual(staff.sections[0].translations);
    // `""` removes one language; the others stay.
    const removed = await organizer.request<Synthesis>('PUT', p, {
      introduction: staff.introduction,
      sections: [
        { ...again.body.sections[1], translations: { fr: { title: '' } } },
        { ...again.body.sections[0], translations: undefined },
      ],
      version: again.body.version,
    });
    expect(removed.body.sections[0].translations).toEqual({ es: { title: TITLE.es } });
    // Back to the first order, French again, then published.
    const back = await organizer.request<Synthesis>('PUT', p, {
      introduction: staff.introduction,
      sections: [{ ...removed.body.sections[0], translations: { fr: { title: TITLE_FR } } }, removed.body.sections[1]],
      version: removed.body.version,
    });
    expect(back.status).toBe(200);
    expect((await organizer.post(`${p}/publish`)).status).toBe(200);
  });

  it("reads the published title in the reader's language with titleLang, English where not translated; frozen at publication", async () => {
    const es = (await sut.api.get<Synthesis>(`${p}?lang=es`)).body;
    expect(es.sections[0]).toEqual({
      themeId: null,
      kind: null,
      title: TITLE.es,
      titleLang: 'es',
      references: [references[0]],
    });
    const ar = (await sut.api.request<Synthesis>('GET', p, undefined, { 'Accept-Language': 'ar' })).body;
    expect(ar.sections[0]).toMatchObject({ title: TITLE.en, titleLang: 'en' });
    expect(ar.sections[0]).not.toHaveProperty('translations');
    expect(ar.sections[0]).not.toHaveProperty('missingTranslations');

    // A new draft changes the Spanish title: the public keeps the published one until it is published.
    const staff = (await organizer.get<Synthesis>(p)).body;
    const draft = await organizer.request<Synthesis>('PUT', p, {
      introduction: staff.introduction,
      sections: [{ ...staff.sections[0], translations: { es: { title: 'Otro título' } } }, staff.sections[1]],
      version: staff.version,
    });
    expect(draft.status).toBe(200);
    expect((await sut.api.get<Synthesis>(`${p}?lang=es`)).body.sections[0].title).toBe(TITLE.es);
    expect((await organizer.get<Synthesis>(`${p}?lang=es`)).body.sections[0]).toMatchObject({
      title: 'Otro título',
      titleLang: 'es',
    });
  });

  it("prints the section titles in the document's language: PDF in Spanish, DOCX in French; the default heading too", async () => {
    const pdf = await download(sut.baseUrl, `${p}/synthesis.pdf?lang=es`);
    expect(pdf.status).toBe(200);
    const es = await pdfText(pdf.body);
    expect(es).toContain(TITLE.es);
    expect(es).not.toContain(TITLE.en);
    const docx = await download(sut.baseUrl, `${p}/synthesis.docx?lang=fr`);
    const fr = await docxText(docx.body);
    expect(fr).toContain(TITLE_FR);
    expect(fr).not.toContain(TITLE.en);
    // The theme's own heading in French (its French title and the kind's French label).
    const themeFr = (await sut.api.get<Theme[]>('/themes?lang=fr')).body.find((t) => t.id === theme.id) as Theme;
    expect(themeFr.titleLang).toBe('fr');
    expect(fr).toContain(`${theme.code} — ${themeFr.title} · Bonne pratique`);
    const en = await docxText((await download(sut.baseUrl, `${p}/synthesis.docx?lang=en`)).body);
    expect(en).toContain(TITLE.en);
    expect(en).toContain(`${theme.code} — ${theme.title} · Good practice`);
  });

  it('refuses a bad translation of a section title with a 400 problem naming the field, and changes nothing', async () => {
    const before = (await organizer.get<Synthesis>(p)).body;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ de: { title: 'Titel' } }, 'sections.0.translations.de', 'isIn'],
      [{ ar: { title: 'م'.repeat(301) } }, 'sections.0.translations.ar.title', 'maxLength'],
      [{ fr: { title: 'Titre \u202Ecaché' } }, 'sections.0.translations.fr.title', 'isPlainText'],
      [{ fr: { title: 'Ligne\nsuivante' } }, 'sections.0.translations.fr.title', 'isPlainText'],
      [{ fr: { introduction: 'Texte' } }, 'sections.0.translations.fr.introduction', 'isIn'],
    ];
    for (const [translations, field, code] of cases) {
      const res = await organizer.request('PUT', p, {
        introduction: before.introduction,
        sections: [{ ...before.sections[0], translations }, before.sections[1]],
        version: before.version,
      });
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors?.[0]).toMatchObject({ field, code });
    }
    // 300 Arabic letters pass (characters, not bytes).
    const ok = await organizer.request<Synthesis>('PUT', p, {
      introduction: before.introduction,
      sections: [{ ...before.sections[0], translations: { ar: { title: 'م'.repeat(300) } } }, before.sections[1]],
      version: before.version,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.sections[0].missingTranslations?.ar).toBeUndefined();
  });
});
