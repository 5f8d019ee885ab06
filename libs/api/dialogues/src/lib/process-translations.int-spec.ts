import { AuthModule } from '@gfmd/api-auth';
import { PlatformModule } from '@gfmd/api-platform';
import { createTestApp, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { InformalSession, Process, ProcessTimeline, Theme } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { DialoguesModule } from './dialogues.module';
import { SeedService } from './seed.service';

/** Titles and venues of processes, phases, milestones, themes and sessions in six languages (docs/i18n.md). */
describe('Process content in several languages (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let processId: string;
  let themeId: string;
  let sessionId: string;

  beforeAll(async () => {
    sut = await createTestApp([PlatformModule, AuthModule, DialoguesModule]);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    const id = randomUUID().slice(0, 8);
    const process = await organizer.post<Process>('/processes', {
      slug: `i18n-${id}`,
      title: 'Regional consultations',
      startsAt: '2031-01-01T00:00:00Z',
      endsAt: '2031-12-31T00:00:00Z',
      translations: { fr: { title: 'Consultations régionales' }, ar: { title: 'المشاورات الإقليمية' } },
    });
    expect(process.status).toBe(201);
    processId = process.body.id;
    expect(
      (
        await organizer.post(`/processes/${processId}/phases`, {
          kind: 'consultation',
          title: 'Consultation',
          startsAt: '2031-02-01T00:00:00Z',
          endsAt: '2031-03-01T00:00:00Z',
          translations: { fr: { title: 'Phase de consultation' } },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await organizer.post(`/processes/${processId}/milestones`, {
          kind: 'stocktaking_meeting',
          title: 'Stocktaking meeting',
          startsAt: '2031-04-01T09:00:00Z',
          venue: 'Geneva, Switzerland',
          timeZone: 'Europe/Zurich',
          translations: { fr: { title: 'Réunion-bilan', venue: 'Genève (Suisse)' } },
        })
      ).status,
    ).toBe(201);
    const theme = await organizer.post<Theme>('/themes', {
      code: `X${id}`,
      title: 'Climate and mobility',
      processId,
      translations: { ar: { title: 'المناخ والتنقل' }, fr: { title: 'Climat et mobilité' } },
    });
    expect(theme.status).toBe(201);
    themeId = theme.body.id;
    const session = await organizer.post<InformalSession>(`/processes/${processId}/informal-sessions`, {
      number: 1,
      title: 'First informal session',
      themeId,
      startsAt: '2031-05-01T08:00:00Z',
      endsAt: '2031-05-02T16:00:00Z',
      venue: 'New York',
      timeZone: 'America/New_York',
      translations: { fr: { title: 'Première session informelle' } },
    });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
  });
  afterAll(() => sut.close());

  const timeline = (lang: string) => sut.api.get<ProcessTimeline>(`/processes/${processId}/timeline?lang=${lang}`);

  it('reads the timeline in French: every translated field in French, with its language', async () => {
    const { body } = await timeline('fr');
    expect(body.process).toMatchObject({ title: 'Consultations régionales', titleLang: 'fr' });
    expect(body.process).not.toHaveProperty('translations');
    expect(body.phases[0]).toMatchObject({ title: 'Phase de consultation', titleLang: 'fr' });
    expect(body.milestones[0]).toMatchObject({
      title: 'Réunion-bilan',
      titleLang: 'fr',
      venue: 'Genève (Suisse)',
      venueLang: 'fr',
    });
    expect(body.themes.find((t) => t.id === themeId)).toMatchObject({ title: 'Climat et mobilité', titleLang: 'fr' });
    // The session's venue has no French: the English words, marked as English.
    expect(body.sessions[0]).toMatchObject({
      title: 'Première session informelle',
      titleLang: 'fr',
      venue: 'New York',
      venueLang: 'en',
    });
  });

  it('reads in Arabic where written and falls back to English, field by field', async () => {
    const { body } = await timeline('ar');
    expect(body.process).toMatchObject({ title: 'المشاورات الإقليمية', titleLang: 'ar' });
    expect(body.phases[0]).toMatchObject({ title: 'Consultation', titleLang: 'en' });
    expect(body.themes.find((t) => t.id === themeId)).toMatchObject({ title: 'المناخ والتنقل', titleLang: 'ar' });
    const sessions = await sut.api.request<InformalSession[]>('GET', `/informal-sessions`, undefined, {
      'Accept-Language': 'ar, fr;q=0.5',
    });
    expect(sessions.body.find((s) => s.id === sessionId)).toMatchObject({
      title: 'First informal session',
      titleLang: 'en',
    });
    const themes = await sut.api.get<Theme[]>('/themes?lang=ar');
    expect(themes.body.find((t) => t.id === themeId)).toMatchObject({ title: 'المناخ والتنقل', titleLang: 'ar' });
  });

  it('gives staff the stored translations and what each language lacks; PATCH merges by language', async () => {
    const staff = await organizer.get<Process>(`/processes/${processId}`);
    expect(staff.body).toMatchObject({
      title: 'Regional consultations',
      titleLang: 'en',
      translations: { fr: { title: 'Consultations régionales' }, ar: { title: 'المشاورات الإقليمية' } },
    });
    expect(staff.body.missingTranslations).toEqual({ es: ['title'], ru: ['title'], zh: ['title'] });
    expect(staff.body.milestones[0].missingTranslations).toEqual({
      ar: ['title', 'venue'],
      es: ['title', 'venue'],
      ru: ['title', 'venue'],
      zh: ['title', 'venue'],
    });
    const patched = await organizer.patch<Process>(`/processes/${processId}`, {
      translations: { es: { title: 'Consultas regionales' }, ar: { title: null } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.translations).toEqual({
      fr: { title: 'Consultations régionales' },
      es: { title: 'Consultas regionales' },
    });
    const session = await organizer.patch<InformalSession>(`/informal-sessions/${sessionId}`, {
      translations: { fr: { venue: 'New York (États-Unis)' } },
    });
    expect(session.status).toBe(200);
    expect(session.body.translations).toEqual({
      fr: { title: 'Première session informelle', venue: 'New York (États-Unis)' },
    });
  });

  it('refuses bad translations with a 400 problem and changes nothing', async () => {
    const before = (await organizer.get<Process>(`/processes/${processId}`)).body;
    const bad: [string, Record<string, unknown>][] = [
      ['language xx', { xx: { title: 'Titre' } }],
      ['a region', { 'fr-CA': { title: 'Titre' } }],
      ['too long in Arabic', { ar: { title: 'ع'.repeat(301) } }],
      ['bidi override', { fr: { title: 'Titre \u202Eenrevni' } }],
      ['unknown field', { fr: { summary: 'Résumé' } }],
      ['not a string', { fr: { title: 42 } }],
    ];
    for (const [what, translations] of bad) {
      const res = await organizer.patch(`/processes/${processId}`, { title: 'Changed', translations });
      expect([what, res.status]).toEqual([what, 400]);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors?.[0]?.field).toMatch(/^translations(\.|$)/);
    }
    expect(
      (await organizer.patch(`/themes/${themeId}`, { translations: { ar: { title: 'ع'.repeat(501) } } })).status,
    ).toBe(400);
    expect((await organizer.get<Process>(`/processes/${processId}`)).body).toEqual(before);
  });

  it('keeps the seeded official French and Spanish titles of the GCM process', async () => {
    await sut.app.get(SeedService).seedProcess();
    const gcm = (await sut.api.get<Process[]>('/processes?lang=fr')).body.find((p) => p.slug === 'gcm-2017-2018');
    expect(gcm).toMatchObject({ title: 'Pacte mondial sur les migrations 2017–2018', titleLang: 'fr' });
    const es = (await sut.api.get<Theme[]>('/themes?lang=es')).body.find((t) => t.code === 'T6');
    expect(es).toMatchObject({ title: expect.stringMatching(/^La migración irregular/), titleLang: 'es' });
  });
});
