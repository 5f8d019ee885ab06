import { AuditService, pdfFontFiles } from '@gfmd/api-platform';
import { DAY, unprintedCharacters, type ApiClient, type TestApp } from '@gfmd/api-testing';
import type { InformalSession, Milestone, Process, Synthesis, SynthesisDue, Theme } from '@gfmd/contracts';
import { parsePdf } from '../testing/parse-pdf';
import { synthesisTestApp } from '../testing/synthesis-app';
import { processFixture, publishedRecommendations } from '../testing/synthesis-fixture';
import { randomUUID } from 'node:crypto';

import mammoth from 'mammoth';

async function binary(baseUrl: string, path: string, token?: string) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** The PDF's text with every run of white space as one space (lines wrap where the layout wants). */
const pdfText = async (pdf: Buffer) => {
  const { text, total } = await parsePdf(pdf);
  return { text: text.replace(/\s+/g, ' '), total };
};

describe('Syntheses (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let reviewer: ApiClient;
  let coordinator: ApiClient;
  let process: Process;
  let session: InformalSession;
  let milestone: Milestone;
  let themes: Theme[];
  let references: string[];
  let dialogueTitle: string;

  beforeAll(async () => {
    sut = await synthesisTestApp();
    organizer = (await sut.staff('organizer')).client;
    reviewer = (await sut.staff('organizer')).client;
    coordinator = (await sut.staff('coordinator')).client;
    ({ process, session, milestone, themes } = await processFixture(organizer));
    const published = await publishedRecommendations(organizer, reviewer, session.id, themes[0].id, 3);
    references = published.references;
    dialogueTitle = published.dialogue.title;
  });
  afterAll(() => sut.close());

  const path = (target: 'informal-sessions' | 'milestones', id: string) => `/${target}/${id}/synthesis`;
  const put = (c: ApiClient, p: string, body: unknown) => c.request('PUT', p, body);

  it('is built, versioned and published by organizers; the public reads only what is published', async () => {
    const p = path('informal-sessions', session.id);
    const empty = await organizer.get<Synthesis>(p);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ informalSessionId: session.id, version: 0, status: 'draft', sections: [] });
    // Default due date: 7 days before the session.
    expect(new Date(empty.body.dueAt).getTime()).toBe(new Date(session.startsAt).getTime() - 7 * DAY);
    expect((await sut.api.get(p)).status).toBe(404);

    const candidates = await organizer.get(`${p}/candidates`);
    expect(candidates.status).toBe(200);
    expect(candidates.body.map((r: { reference: string }) => r.reference)).toEqual(expect.arrayContaining(references));

    const saved = await put(organizer, p, {
      introduction: 'The co-facilitators asked for the recommendations of the GFMD.\n\nHere they are.',
      sections: [
        { themeId: themes[0].id, kind: 'policy_recommendation', references: [references[2], references[0]] },
        { title: 'Good practices', references: [references[1].toLowerCase()] },
      ],
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, status: 'draft', publishedVersion: null });
    expect(saved.body.sections[0].references).toEqual([references[2], references[0]]);
    expect(saved.body.sections[1].references).toEqual([references[1]]);
    expect((await sut.api.get(p)).status).toBe(404);

    // A stale version: 409 with the current one, nothing changed.
    const stale = await put(organizer, p, { introduction: 'Mine', sections: [], version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(stale.body).toMatchObject({ currentVersion: 1 });

    const published = await organizer.post<Synthesis>(`${p}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedVersion: 1, version: 1, late: false });
    const pub = await sut.api.get<Synthesis>(p);
    expect(pub.status).toBe(200);
    expect(pub.body.introduction).toContain('co-facilitators');
    expect(pub.body.recommendations?.map((r) => r.reference)).toEqual([references[2], references[0], references[1]]);
    expect(pub.body.recommendations?.[0].dialogueTitle).toBe(dialogueTitle);

    // A later change is a new draft; the public still reads version 1. The due date is settable.
    const dueAt = new Date(new Date(session.startsAt).getTime() - 14 * DAY).toISOString();
    const changed = await put(organizer, p, { introduction: 'Second thoughts.', dueAt, sections: [], version: 1 });
    expect(changed.body).toMatchObject({ version: 2, status: 'draft', publishedVersion: 1, dueAt, dueAtSet: true });
    expect((await sut.api.get<Synthesis>(p)).body).toMatchObject({
      version: 1,
      introduction: expect.stringContaining('co-facilitators'),
    });

    // Every change has its audit line.
    const audit = await sut.app.get(AuditService).list({ entityType: 'synthesis', page: 1, pageSize: 100 });
    const mine = audit.items.filter((a) => a.details['targetId'] === session.id);
    expect(mine.map((a) => a.action).sort()).toEqual(['synthesis.changed', 'synthesis.changed', 'synthesis.published']);
  });

  it('refuses a reference that is not a published recommendation (422 naming it), bad input (400), other roles', async () => {
    const { session: s } = await processFixture(organizer);
    const p = path('informal-sessions', s.id);
    const unknown = await put(organizer, p, {
      introduction: 'x',
      sections: [{ references: [references[0], 'GFMD-GCM-T9-D99-R99'] }],
      version: 0,
    });
    expect(unknown.status).toBe(422);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(unknown.body.detail).toContain('GFMD-GCM-T9-D99-R99');
    expect(unknown.body.errors).toEqual([
      { field: 'sections.0.references.1', message: 'GFMD-GCM-T9-D99-R99 is not a published recommendation' },
    ]);
    const twice = await put(organizer, p, {
      introduction: 'x',
      sections: [{ references: [references[0], references[0]] }],
      version: 0,
    });
    expect(twice.status).toBe(400);
    const badTheme = await put(organizer, p, {
      introduction: 'x',
      sections: [{ themeId: '00000000-0000-4000-8000-000000000000', references: [] }],
      version: 0,
    });
    expect(badTheme.status).toBe(422);
    for (const body of [
      { introduction: 'x', sections: [{ kind: 'wish', references: [] }], version: 0 },
      { introduction: 'x', sections: [{ references: ['<script>'] }], version: 0 },
      { introduction: 'x', sections: [], version: 0, status: 'published' },
      { introduction: 'x', sections: 'all', version: 0 },
      { introduction: 'x', sections: [], version: -1 },
      { introduction: 'x', sections: [], dueAt: 'tomorrow', version: 0 },
    ]) {
      const res = await put(organizer, p, body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    // Nothing was saved by any of them.
    expect((await organizer.get<Synthesis>(p)).body.version).toBe(0);
    // Publishing nothing is a conflict.
    expect((await organizer.post(`${p}/publish`)).status).toBe(409);

    expect((await put(coordinator, p, { introduction: 'x', sections: [], version: 0 })).status).toBe(403);
    expect((await put(sut.api, p, { introduction: 'x', sections: [], version: 0 })).status).toBe(401);
    expect((await coordinator.post(`${p}/publish`)).status).toBe(403);
    expect((await sut.api.get(`${p}/candidates`)).status).toBe(401);
    expect((await organizer.get(path('informal-sessions', '00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await organizer.get('/informal-sessions/not-a-uuid/synthesis')).status).toBe(404);
  });

  it('makes a synthesis for a milestone across every session of the process, and shows due dates', async () => {
    const p = path('milestones', milestone.id);
    const candidates = (await organizer.get(`${p}/candidates`)).body.map((r: { reference: string }) => r.reference);
    expect(candidates).toEqual(expect.arrayContaining(references));
    const saved = await put(organizer, p, { introduction: 'Stocktaking.', sections: [{ references }], version: 0 });
    expect(saved.status).toBe(200);
    // A milestone's heading is its own title: no session number.
    expect(saved.body).toMatchObject({
      milestoneId: milestone.id,
      version: 1,
      title: milestone.title,
      targetTitle: milestone.title,
      targetTitleLang: 'en',
    });
    expect(saved.body).not.toHaveProperty('sessionNumber');
    expect(new Date(saved.body.dueAt).getTime()).toBe(new Date(milestone.startsAt).getTime() - 7 * DAY);

    const dues = (await organizer.get<SynthesisDue[]>(`/processes/${process.id}/syntheses`)).body;
    expect(dues.find((d) => d.targetId === milestone.id)).toMatchObject({
      target: 'milestones',
      status: 'draft',
      late: false,
      targetTitle: milestone.title,
      targetTitleLang: 'en',
    });
    expect(dues.find((d) => d.targetId === milestone.id)).not.toHaveProperty('sessionNumber');
    // The heading's parts, as a synthesis has them: the web writes the heading in its own words.
    expect(dues.find((d) => d.targetId === session.id)).toMatchObject({
      target: 'informal-sessions',
      status: expect.any(String),
      sessionNumber: session.number,
      targetTitle: session.title,
      targetTitleLang: 'en',
    });
    // The process timeline shows the same due dates.
    const timeline = (await organizer.get(`/processes/${process.id}/timeline`)).body;
    expect(timeline.syntheses.find((d: SynthesisDue) => d.targetId === milestone.id)).toMatchObject({
      status: 'draft',
      dueAt: saved.body.dueAt,
    });
    // Anonymous visitors do not learn of drafts.
    const publicDues = (await sut.api.get<SynthesisDue[]>(`/processes/${process.id}/syntheses`)).body;
    expect(publicDues.find((d) => d.targetId === milestone.id)).toMatchObject({ status: 'missing' });
  });

  it('flags a synthesis that is past its due date and not published as late', async () => {
    const { process: pr, session: s } = await processFixture(organizer);
    const p = path('informal-sessions', s.id);
    const past = new Date(Date.now() - DAY).toISOString();
    const saved = await put(organizer, p, { introduction: 'Late.', dueAt: past, sections: [], version: 0 });
    expect(saved.body).toMatchObject({ late: true, status: 'draft' });
    const dues = (await organizer.get<SynthesisDue[]>(`/processes/${pr.id}/syntheses`)).body;
    expect(dues.find((d) => d.targetId === s.id)).toMatchObject({ late: true, status: 'draft' });
  });

  it('downloads the published synthesis as PDF and DOCX that parse back with their references', async () => {
    const p = path('informal-sessions', session.id);
    // At DESIGN's path, and under the synthesis resource.
    expect((await binary(sut.baseUrl, `/informal-sessions/${session.id}/synthesis.pdf`)).status).toBe(200);
    const pdf = await binary(sut.baseUrl, `${p}/synthesis.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="gfmd-synthesis-.*-v1\.pdf"$/);
    const { text, total } = await pdfText(pdf.body);
    expect(total).toBeGreaterThan(1);
    for (const r of references) expect(text).toContain(r);
    expect(text).toContain('Synthesis of GFMD recommendations');
    expect(text).toContain('Contents');
    expect(text).toContain('1.1');
    expect(text).toContain(dialogueTitle);
    expect(text).toMatch(/Page 2 of \d+/);

    const docx = await binary(sut.baseUrl, `${p}/synthesis.docx?lang=fr`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toMatch(/wordprocessingml/);
    const { value } = await mammoth.extractRawText({ buffer: docx.body });
    for (const r of references) expect(value).toContain(r);
    expect(value).toContain('Synthèse des recommandations du FMMD');
    expect(value).toContain(dialogueTitle);

    // A draft has no documents for the public; organizers may preview it.
    const { session: s } = await processFixture(organizer);
    await put(organizer, path('informal-sessions', s.id), {
      introduction: 'Draft.',
      sections: [{ references }],
      version: 0,
    });
    expect((await binary(sut.baseUrl, `${path('informal-sessions', s.id)}/synthesis.pdf`)).status).toBe(404);
    const preview = await binary(
      sut.baseUrl,
      `${path('informal-sessions', s.id)}/synthesis.pdf?preview=true`,
      organizer.token,
    );
    expect(preview.status).toBe(200);
    expect((await pdfText(preview.body)).text).toContain('Draft — not published');
  });

  it('downloads the synthesis in French and in Arabic: Arabic words set in an Arabic font, read back in reading order', async () => {
    const p = path('informal-sessions', session.id);
    const fr = await pdfText((await binary(sut.baseUrl, `${p}/synthesis.pdf?lang=fr`)).body);
    expect(fr.text).toContain('Synthèse des recommandations du FMMD');
    expect(fr.text).toContain('Table des matières');
    expect(fr.text).toMatch(/Page 2 sur \d+/);

    const pdf = await binary(sut.baseUrl, `${p}/synthesis.pdf?lang=ar`);
    expect(pdf.status).toBe(200);
    // Helvetica has no Arabic letters: the document embeds DejaVu Sans (when the system has it, as here).
    expect(pdf.body.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    const { text, total } = await pdfText(pdf.body);
    expect(total).toBeGreaterThan(1);
    // pdf.js reads each drawn word in logical order and the words are drawn in reading order:
    // the Arabic reads as written, neither reversed nor shuffled.
    expect(text).toContain('توليفة توصيات المنتدى العالمي للهجرة والتنمية');
    expect(text).not.toContain('والتنمية للهجرة العالمي المنتدى توصيات توليفة');
    expect(text).toContain('المحتويات');
    expect(text).toMatch(/الصفحة 2 من \d+/);
    for (const r of references) expect(text).toContain(r);
    expect(text).toContain(dialogueTitle);

    const docx = await binary(sut.baseUrl, `${p}/synthesis.docx?lang=ar`);
    expect(docx.status).toBe(200);
    const { value } = await mammoth.extractRawText({ buffer: docx.body });
    expect(value).toContain('توليفة توصيات المنتدى العالمي للهجرة والتنمية');
    for (const r of references) expect(value).toContain(r);
  });
  it('prints Chinese and Russian recommendations (CJK font for the Han runs, DejaVu for Cyrillic) in an English synthesis', async () => {
    const { session: s } = await processFixture(organizer);
    const texts = [
      '各国应加强劳工移民合作，保障移民工人的社会保护。',
      'Государствам следует укреплять сотрудничество в области трудовой миграции.',
    ];
    const mixed = await publishedRecommendations(organizer, reviewer, s.id, themes[0].id, 2, (i) => texts[i]);
    const p = path('informal-sessions', s.id);
    await put(organizer, p, {
      introduction: 'Recommendations in the words they were made in.',
      sections: [{ title: '劳工流动 — Трудовая мобильность', references: mixed.references }],
      version: 0,
    });
    expect((await organizer.post(`${p}/publish`)).status).toBe(200);
    const pdf = await binary(sut.baseUrl, `${p}/synthesis.pdf`);
    expect(pdf.status).toBe(200);
    const raw = pdf.body.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    // Subset embedding keeps it small (the CJK font file alone is 8 MB).
    expect(pdf.body.length).toBeLessThan(250_000);
    const { text } = await pdfText(pdf.body);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(texts[0].replace(/\s+/g, ''));
    expect(text).toContain('Государствам следует укреплять сотрудничество');
    expect(flat).toContain('劳工流动—Трудоваямобильность');
    for (const r of mixed.references) expect(text).toContain(r);
  });

  it('prints a text mixing Korean, rare Han, Chinese, Arabic, Russian and English whole, in English and in Arabic, each character in a font that has its glyph', async () => {
    // 𠀀 (U+20000, CJK Extension B) is in neither Noto font: HanaMinB (Debian's fonts-hanazono) prints it.
    const sample = '한국어 䶮 龘 𠀀 中文 العربية Русский English';
    const { session: s } = await processFixture(organizer);
    const texts = [sample, '이주와 개발에 관한 국제 포럼은 中国 및 العالم 과 함께 Форум.'];
    const mixed = await publishedRecommendations(organizer, reviewer, s.id, themes[0].id, 2, (i) => texts[i]);
    const p = path('informal-sessions', s.id);
    await put(organizer, p, {
      introduction: sample,
      sections: [{ title: sample, references: mixed.references }],
      version: 0,
    });
    expect((await organizer.post(`${p}/publish`)).status).toBe(200);
    const files = pdfFontFiles();
    const fontFiles = [files.unicode, files.cjk, files.kr, files.han].flatMap((f) => (f ? [f.regular, f.bold] : []));
    for (const lang of ['en', 'ar']) {
      const pdf = await binary(sut.baseUrl, `${p}/synthesis.pdf?lang=${lang}`);
      expect(pdf.status).toBe(200);
      // No .notdef (an empty box), every character drawn, each by a font whose file has its glyph.
      expect(unprintedCharacters(pdf.body, `${sample} ${texts[1]}`, fontFiles)).toEqual([]);
      const { text } = await pdfText(pdf.body);
      for (const word of ['한국어', '䶮', '龘', '𠀀', '中文', 'العربية', 'Русский', 'English', '이주와', 'Форум'])
        expect(text).toContain(word);
      for (const r of mixed.references) expect(text).toContain(r);
      expect(pdf.body.length).toBeLessThan(300_000);
    }
  });

  it('prints 300 recommendations on many pages, each numbered with its reference', async () => {
    const { session: s } = await processFixture(organizer);
    const big = await publishedRecommendations(
      organizer,
      reviewer,
      s.id,
      themes[0].id,
      300,
      (i) =>
        `Recommendation ${i + 1}: ${'States and stakeholders should strengthen cooperation on labour migration. '.repeat(2)}`,
    );
    const p = path('informal-sessions', s.id);
    await put(organizer, p, {
      introduction: 'Three hundred.',
      sections: [
        { kind: 'policy_recommendation', references: big.references.filter((_, i) => i % 2 === 0) },
        { kind: 'good_practice', references: big.references.filter((_, i) => i % 2 === 1) },
      ],
      version: 0,
    });
    expect((await organizer.post(`${p}/publish`)).status).toBe(200);
    const pdf = await binary(sut.baseUrl, `${p}/synthesis.pdf`);
    const { text, total } = await pdfText(pdf.body);
    expect(total).toBeGreaterThan(20);
    expect(text).toContain(big.references[299]);
    expect(text).toContain('2.150');
    expect(text).toMatch(new RegExp(`Page ${total} of ${total}`));
    const docx = await binary(sut.baseUrl, `${p}/synthesis.docx`);
    const { value } = await mammoth.extractRawText({ buffer: docx.body });
    expect(value).toContain(big.references[299]);
  }, 120_000);

  describe('role matrix', () => {
    // Columns: anonymous, coordinator, organizer, admin.
    type Who = 'anonymous' | 'coordinator' | 'organizer' | 'admin';
    const WHO: Who[] = ['anonymous', 'coordinator', 'organizer', 'admin'];
    let admin: ApiClient;
    let published: string;
    beforeAll(async () => {
      admin = (await sut.staff('admin')).client;
      published = (await processFixture(organizer)).session.id;
      await put(organizer, path('informal-sessions', published), {
        introduction: 'x',
        sections: [{ references }],
        version: 0,
      });
      await organizer.post(`${path('informal-sessions', published)}/publish`);
    });
    const client = (who: Who) => ({ anonymous: sut.api, coordinator, organizer, admin })[who];
    const s = () => path('informal-sessions', published);
    const freshSession = async () => (await processFixture(organizer)).session.id;
    const freshMilestone = async () => (await processFixture(organizer)).milestone.id;
    const body = { introduction: 'x', sections: [], version: 0 };
    const routes: [string, (c: ApiClient) => Promise<{ status: number }>, number[]][] = [
      ['GET …/synthesis (published)', (c) => c.get(s()), [200, 200, 200, 200]],
      [
        'GET …/synthesis (draft only)',
        async (c) => {
          const p = path('milestones', await freshMilestone());
          await put(organizer, p, body);
          return c.get(p);
        },
        [404, 404, 200, 200],
      ],
      [
        'PUT /informal-sessions/:id/synthesis',
        async (c) => put(c, path('informal-sessions', await freshSession()), body),
        [401, 403, 200, 200],
      ],
      [
        'PUT /milestones/:id/synthesis',
        async (c) => put(c, path('milestones', await freshMilestone()), body),
        [401, 403, 200, 200],
      ],
      [
        'POST …/synthesis/publish',
        async (c) => {
          const p = path('informal-sessions', await freshSession());
          await put(organizer, p, body);
          return c.post(`${p}/publish`);
        },
        [401, 403, 200, 200],
      ],
      ['GET …/synthesis/candidates', (c) => c.get(`${s()}/candidates`), [401, 403, 200, 200]],
      ['GET …/synthesis/synthesis.pdf', (c) => c.get(`${s()}/synthesis.pdf`), [200, 200, 200, 200]],
      ['GET …/synthesis/synthesis.docx', (c) => c.get(`${s()}/synthesis.docx`), [200, 200, 200, 200]],
      ['GET …/synthesis/subscribers', (c) => c.get(`${s()}/subscribers`), [401, 403, 200, 200]],
      [
        'POST …/synthesis/subscribers',
        (c) => c.post(`${s()}/subscribers`, { subscribers: [{ email: `m-${randomUUID()}@test.gfmd` }] }),
        [401, 403, 200, 200],
      ],
      [
        'POST …/synthesis/subscribe',
        (c) => c.post(`${s()}/subscribe`, { email: `s-${randomUUID()}@test.gfmd` }),
        [202, 202, 202, 202],
      ],
      ['GET /processes/:id/syntheses', (c) => c.get(`/processes/${process.id}/syntheses`), [200, 200, 200, 200]],
      ['GET /processes/:id/subscribers', (c) => c.get(`/processes/${process.id}/subscribers`), [401, 403, 200, 200]],
      [
        'POST /processes/:id/subscribers',
        (c) =>
          c.post(`/processes/${process.id}/subscribers`, { subscribers: [{ email: `p-${randomUUID()}@test.gfmd` }] }),
        [401, 403, 200, 200],
      ],
      [
        'POST /processes/:id/subscribe',
        (c) => c.post(`/processes/${process.id}/subscribe`, { email: `q-${randomUUID()}@test.gfmd` }),
        [202, 202, 202, 202],
      ],
      [
        'DELETE /subscribers/:id',
        async (c) => {
          const added = await organizer.post(`${s()}/subscribers`, {
            subscribers: [{ email: `d-${randomUUID()}@test.gfmd` }],
          });
          return c.delete(`/subscribers/${added.body.added[0].id}`);
        },
        [401, 403, 204, 204],
      ],
      [
        'POST /synthesis-subscriptions/:token/confirm',
        (c) => c.post(`/synthesis-subscriptions/${'a'.repeat(43)}/confirm`),
        [404, 404, 404, 404],
      ],
      [
        'POST /synthesis-subscriptions/:token/unsubscribe',
        (c) => c.post(`/synthesis-subscriptions/${'a'.repeat(43)}/unsubscribe`),
        [404, 404, 404, 404],
      ],
    ];
    it.each(routes)('%s', async (_name, call, expected) => {
      const got: number[] = [];
      for (const who of WHO) got.push((await call(client(who))).status);
      expect(got).toEqual(expected);
    });
  });
});
