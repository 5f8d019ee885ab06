import { type ApiClient, type TestApp } from '@gfmd/api-testing';
import type { Synthesis } from '@gfmd/contracts';
import mammoth from 'mammoth';
import { synthesisTestApp, download, pdfText } from '../testing/synthesis-app';
import { processFixture, publishedRecommendations } from '../testing/synthesis-fixture';

const EN = (i: number) => `Recommendation ${i + 1}: strengthen the portability of social protection.`;
const FR = 'Renforcer la portabilité de la protection sociale des travailleurs migrants.';

/** A synthesis reads its recommendations in the requester's language where translated (docs/syntheses.md). */
describe('Synthesis recommendations in several languages (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let p: string;
  let references: string[];
  let session: { id: string; number: number; title: string };

  beforeAll(async () => {
    sut = await synthesisTestApp();
    organizer = (await sut.staff('organizer')).client;
    const reviewer = (await sut.staff('organizer')).client;
    const fixture = await processFixture(organizer);
    const { themes } = fixture;
    session = fixture.session;
    const translated = await organizer.request('PATCH', `/informal-sessions/${session.id}`, {
      translations: { fr: { title: 'Protection sociale des migrants' } },
    });
    expect(translated.status).toBe(200);
    // The first recommendation has French and Arabic; the second none.
    ({ references } = await publishedRecommendations(organizer, reviewer, session.id, themes[0].id, 2, EN, (i) =>
      i === 0 ? { fr: { text: FR }, ar: { text: 'تعزيز قابلية نقل الحماية الاجتماعية.' } } : undefined,
    ));
    p = `/informal-sessions/${session.id}/synthesis`;
    const saved = await organizer.request('PUT', p, {
      introduction: 'The recommendations of the GFMD.',
      sections: [{ title: 'Social protection', references }],
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect((await organizer.post(`${p}/publish`)).status).toBe(200);
  });
  afterAll(() => sut.close());

  it('reads the published synthesis in French and in Arabic, each recommendation with its language', async () => {
    const fr = await sut.api.get<Synthesis>(`${p}?lang=fr`);
    expect(fr.body.recommendations?.map((r) => [r.text, r.textLang])).toEqual([
      [FR, 'fr'],
      [EN(1), 'en'],
    ]);
    const ar = await sut.api.request<Synthesis>('GET', p, undefined, { 'Accept-Language': 'ar' });
    expect(ar.body.recommendations?.map((r) => r.textLang)).toEqual(['ar', 'en']);
  });

  it('writes the PDF and the DOCX in French with the French recommendation, the other in its own words', async () => {
    const pdf = await download(sut.baseUrl, `${p}/synthesis.pdf?lang=fr`);
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.body);
    expect(text).toContain('Synthèse des recommandations du FMMD');
    expect(text).toContain('Renforcer la portabilité');
    expect(text).not.toContain(EN(0).slice(0, 40));
    expect(text).toContain(EN(1).slice(0, 40));

    const en = await pdfText((await download(sut.baseUrl, `${p}/synthesis.pdf`)).body);
    expect(en).toContain(EN(0).slice(0, 40));
    expect(en).not.toContain('Renforcer la portabilité');

    // A staff download in French reads French too (documents are in one language, not the editor's source).
    const staffToken = (await sut.staff('organizer')).client.token as string;
    const docx = await download(sut.baseUrl, `${p}/synthesis.docx`, {
      authorization: `Bearer ${staffToken}`,
      'accept-language': 'fr',
    });
    const { value } = await mammoth.extractRawText({ buffer: docx.body });
    expect(value).toContain(FR);
    expect(value).toContain(EN(1));
  });

  it("titles the synthesis with the session's title in the reader's language, the prefix in the server's words, and sends the parts apart", async () => {
    const fr = await sut.api.get<Synthesis>(`${p}?lang=fr`);
    expect([fr.body.title, fr.body.titleLang]).toEqual([
      `Session thématique informelle ${session.number} : Protection sociale des migrants`,
      'fr',
    ]);
    // Spanish: no translation of the session's title, so its own words (English), the prefix in Spanish.
    const es = await sut.api.request<Synthesis>('GET', p, undefined, { 'Accept-Language': 'es' });
    expect([es.body.title, es.body.titleLang]).toEqual([
      `Sesión temática informal ${session.number}: ${session.title}`,
      'en',
    ]);
    // Russian has no catalogue: the prefix in English.
    const ru = await sut.api.get<Synthesis>(`${p}?lang=ru`);
    expect(ru.body.title).toBe(`Informal thematic session ${session.number}: ${session.title}`);

    // The parts apart, for a client that writes the heading in its own words (the web marks the own title).
    const parts = (s: Synthesis) => [s.sessionNumber, s.targetTitle, s.targetTitleLang];
    expect(parts(fr.body)).toEqual([session.number, 'Protection sociale des migrants', 'fr']);
    expect(parts(es.body)).toEqual([session.number, session.title, 'en']);
    expect(parts(ru.body)).toEqual([session.number, session.title, 'en']);
    // Staff read the working copy with the same parts.
    expect(parts((await organizer.get<Synthesis>(`${p}?lang=fr`)).body)).toEqual([
      session.number,
      'Protection sociale des migrants',
      'fr',
    ]);

    const pdf = await download(sut.baseUrl, `${p}/synthesis.pdf?lang=fr`);
    expect(await pdfText(pdf.body)).toContain('Protection sociale des migrants');
    // The file name stays ASCII, from the English title, whatever the document's language.
    expect(pdf.headers.get('content-disposition')).toContain(
      `gfmd-synthesis-informal-thematic-session-${session.number}-session-`,
    );
  });
});
