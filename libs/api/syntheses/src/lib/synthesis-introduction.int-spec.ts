import { type ApiClient, type TestApp } from '@gfmd/api-testing';
import type { Synthesis } from '@gfmd/contracts';
import mammoth from 'mammoth';
import { synthesisTestApp, download, pdfText } from '../testing/synthesis-app';
import { processFixture, publishedRecommendations } from '../testing/synthesis-fixture';

const INTRO_EN = 'The recommendations of the forum on labour mobility.';
const INTRO_FR = 'Les recommandations du forum sur la mobilité de la main-d’œuvre.';
const INTRO_ES = 'Las recomendaciones del foro sobre la movilidad laboral.';
const FR_TEXT = (i: number) => `Recommandation ${i + 1} : garantir la portabilité des droits des travailleurs.`;

/**
 * A synthesis's introduction in several languages (English its source), and recommendations of a
 * dialogue written in French (docs/syntheses.md, docs/i18n.md).
 */
describe('Synthesis introduction in several languages (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let p: string;
  let frenchRefs: string[];

  beforeAll(async () => {
    sut = await synthesisTestApp();
    organizer = (await sut.staff('organizer')).client;
    const reviewer = (await sut.staff('organizer')).client;
    const { session, themes } = await processFixture(organizer);
    // A dialogue written in French (English second): its recommendations' source is French.
    ({ references: frenchRefs } = await publishedRecommendations(
      organizer,
      reviewer,
      session.id,
      themes[0].id,
      1,
      FR_TEXT,
      () => ({ en: { text: 'Recommendation 1: guarantee the portability of workers’ rights.' } }),
      { languages: ['fr', 'en'] },
    ));
    p = `/informal-sessions/${session.id}/synthesis`;
  });
  afterAll(() => sut.close());

  it('saves the introduction with its translations, and tells the editors what is missing', async () => {
    const saved = await organizer.request<Synthesis>('PUT', p, {
      introduction: INTRO_EN,
      translations: { fr: { introduction: INTRO_FR }, es: { introduction: INTRO_ES } },
      sections: [{ title: 'Mobility', references: frenchRefs }],
      version: 0,
    });
    expect(saved.status).toBe(200);
    const staff = (await organizer.get<Synthesis>(p)).body;
    expect(staff).toMatchObject({
      introduction: INTRO_EN,
      introductionLang: 'en',
      translations: { fr: { introduction: INTRO_FR }, es: { introduction: INTRO_ES } },
    });
    expect(staff.missingTranslations?.fr).toBeUndefined();
    expect(staff.missingTranslations?.ar).toEqual(['introduction']);
    // A save without `translations` keeps them; the client may send the read-only fields back.
    const again = await organizer.request<Synthesis>('PUT', p, {
      introduction: INTRO_EN,
      introductionLang: 'en',
      missingTranslations: staff.missingTranslations,
      sections: staff.sections,
      version: staff.version,
    });
    expect(again.status).toBe(200);
    expect((await organizer.get<Synthesis>(p)).body.translations).toEqual(staff.translations);
    expect((await organizer.post(`${p}/publish`)).status).toBe(200);
  });

  it('reads the published introduction in French and Spanish, English for Arabic; the French dialogue in French', async () => {
    const fr = (await sut.api.get<Synthesis>(`${p}?lang=fr`)).body;
    expect(fr).toMatchObject({ introduction: INTRO_FR, introductionLang: 'fr' });
    expect(fr.translations).toBeUndefined();
    const ar = (await sut.api.get<Synthesis>(`${p}?lang=ar`)).body;
    expect(ar).toMatchObject({ introduction: INTRO_EN, introductionLang: 'en' });
    // The recommendation's source is its dialogue's first language: French, for an Arabic reader too.
    expect(ar.recommendations?.map((r) => [r.text, r.textLang])).toEqual([[FR_TEXT(0), 'fr']]);
    const en = (await sut.api.get<Synthesis>(`${p}?lang=en`)).body;
    expect(en.recommendations?.[0]).toMatchObject({ textLang: 'en' });
  });

  it('prints the introduction in the document language: PDF in Spanish, DOCX in French', async () => {
    const pdf = await download(sut.baseUrl, `${p}/synthesis.pdf?lang=es`);
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.body);
    expect(text).toContain(INTRO_ES);
    expect(text).not.toContain(INTRO_EN);
    expect(text).toContain(FR_TEXT(0).slice(0, 40));
    const docx = await download(sut.baseUrl, `${p}/synthesis.docx?lang=fr`);
    const { value } = await mammoth.extractRawText({ buffer: docx.body });
    expect(value).toContain(INTRO_FR);
    expect(value).not.toContain(INTRO_EN);
  });

  it('refuses a bad translation of the introduction with a 400 problem and changes nothing', async () => {
    const before = (await organizer.get<Synthesis>(p)).body;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ de: { introduction: 'Einleitung' } }, 'translations.de', 'isIn'],
      [{ ar: { introduction: 'م'.repeat(50_001) } }, 'translations.ar.introduction', 'maxLength'],
      [{ fr: { introduction: 'Texte \u202Ecaché' } }, 'translations.fr.introduction', 'isPlainText'],
      [{ fr: { title: 'Titre' } }, 'translations.fr.title', 'isIn'],
    ];
    for (const [translations, field, code] of cases) {
      const res = await organizer.request('PUT', p, {
        introduction: 'Changed',
        translations,
        sections: before.sections,
        version: before.version,
      });
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors?.[0]).toMatchObject({ field, code });
    }
    expect((await organizer.get<Synthesis>(p)).body).toEqual(before);
  });
});
