import { createMailTestApp, type MailTestApp, obliterateQueues } from '@gfmd/api-mail/testing';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { type ApiClient, DialogueFactory, type ReceivedMail, SmtpSink } from '@gfmd/api-testing';
import type { AgendaView, Dialogue, EmailKind, Space } from '@gfmd/contracts';
import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import { AgendaModule } from './agenda.module';
import { sharedSessionId } from './testing/agenda-fixture';

jest.setTimeout(120_000);

const kindOf = (mail: ReceivedMail) => mail.parsed.headers.get('x-gfmd-kind') as EmailKind;
const calendar = (ics: string) => {
  const vcalendar = new ICAL.Component(ICAL.parse(ics));
  return {
    name: vcalendar.getFirstPropertyValue('x-wr-calname'),
    summaries: vcalendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary),
  };
};

const EN = { title: 'Dialogue on labour mobility', summary: 'Why skills travel.' };
const FR = { title: 'Dialogue sur la mobilité de la main-d’œuvre', summary: 'Pourquoi les compétences voyagent.' };
const AR = { title: 'حوار حول تنقل اليد العاملة' };

/**
 * Content in several languages (docs/i18n.md, "Content in several languages"): a dialogue in
 * English with French and Arabic translations, its space and agenda, read in each language with
 * the language of every field; bad translations refused with nothing changed; unlisted languages
 * marked; publishing warns; the confirmation email and the .ics in the registrant's language.
 */
describe('Content translations (integration: dialogues, spaces, agenda, email, .ics)', () => {
  let sink: SmtpSink;
  let sut: MailTestApp;
  let organizer: ApiClient;
  let dialogue: Dialogue;
  let space: Space;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    sut = await createMailTestApp({
      sink,
      database: 'gfmd_test_content_translations',
      modules: [SpacesModule, RegistrationsModule, AgendaModule],
    });
    organizer = (await sut.staff('organizer')).client;
    const created = await organizer.post<Dialogue>('/dialogues', {
      ...EN,
      informalSessionId: await sharedSessionId(organizer),
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 30 * 86_400_000 + 8 * 3_600_000).toISOString(),
      timeZone: 'Europe/Zurich',
      venue: 'Geneva',
      format: 'in_person',
      capacity: 50,
      languages: ['en', 'fr', 'ar'],
      translations: { fr: FR, ar: AR },
    });
    expect(created.status).toBe(201);
    dialogue = created.body;
    const spaceRes = await organizer.post<Space>(`/dialogues/${dialogue.id}/spaces`, {
      name: 'Plenary',
      kind: 'plenary',
      rooms: ['Room 1'],
      translations: { fr: { name: 'Plénière' }, ar: { name: 'الجلسة العامة' } },
    });
    expect(spaceRes.status).toBe(201);
    space = spaceRes.body;
    const item = await organizer.post(`/dialogues/${dialogue.id}/agenda-items`, {
      spaceId: space.id,
      title: 'Opening',
      kind: 'plenary',
      startsAt: dialogue.startsAt,
      endsAt: new Date(Date.parse(dialogue.startsAt) + 3_600_000).toISOString(),
      speakers: [],
      translations: { fr: { title: 'Ouverture' }, ar: { title: 'الافتتاح' } },
    });
    expect(item.status).toBe(201);
  });
  afterAll(async () => {
    await sut.close();
    await sink.close();
    await obliterateQueues(sut.prefix);
  });

  it('shows editors the translations, what each listed language lacks, and the source text', async () => {
    expect(dialogue).toMatchObject({
      ...EN,
      titleLang: 'en',
      summaryLang: 'en',
      languages: ['en', 'fr', 'ar'],
      translations: { fr: FR, ar: AR },
      missingTranslations: { ar: ['summary'] },
      unlistedLanguages: [],
    });
    // A staff read without ?lang= reads the record's own words (they edit them).
    const staff = (await organizer.request('GET', `/dialogues/${dialogue.id}`, undefined, { 'accept-language': 'fr' }))
      .body;
    expect(staff).toMatchObject({ title: EN.title, titleLang: 'en', translations: { fr: FR } });
    expect(space).toMatchObject({
      name: 'Plenary',
      translations: { fr: { name: 'Plénière' } },
      missingTranslations: {},
      unlistedLanguages: [],
    });
  });

  it('publishing with a listed language incomplete warns, and does not refuse', async () => {
    const res = await organizer.post<Dialogue>(`/dialogues/${dialogue.id}/publish?lang=fr`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('published');
    expect(res.body.warnings).toEqual([expect.stringContaining('AR')]);
    expect(res.body.warnings?.[0]).toMatch(/^Publié avec des traductions manquantes en AR/);
    // Complete, it publishes without a warning (publishing again is idempotent).
    const complete = await DialogueFactory.create(organizer, {
      languages: ['en', 'fr'],
      translations: { fr: { title: 'Complet', summary: 'Résumé.' } },
    });
    const clean = await organizer.post<Dialogue>(`/dialogues/${complete.id}/publish`);
    expect(clean.body.warnings).toEqual([]);
    // A French title lacking: warned in English for an English reader.
    const partial = await DialogueFactory.create(organizer, { languages: ['en', 'fr'] });
    const warned = await organizer.post<Dialogue>(`/dialogues/${partial.id}/publish`);
    expect(warned.body.warnings).toEqual([expect.stringMatching(/^Published with missing translations in FR/)]);
  });

  it('reads every field in the reader’s language, else the first language, saying which', async () => {
    const read = async (headers: Record<string, string>, query = '') =>
      (await sut.api.request<Dialogue>('GET', `/dialogues/${dialogue.id}${query}`, undefined, headers)).body;
    expect(await read({}, '?lang=fr')).toMatchObject({ ...FR, titleLang: 'fr', summaryLang: 'fr' });
    const ar = await read({ 'accept-language': 'ar' });
    expect(ar).toMatchObject({ title: AR.title, titleLang: 'ar', summary: EN.summary, summaryLang: 'en' });
    expect(await read({}, '?lang=zh')).toMatchObject({ ...EN, titleLang: 'en', summaryLang: 'en' });
    // Without a language: English, as before; the public never sees the editors' fields.
    const plain = await read({});
    expect(plain).toMatchObject({ ...EN, titleLang: 'en' });
    expect(plain).not.toHaveProperty('translations');
    expect(plain).not.toHaveProperty('missingTranslations');
    // The list, the spaces and the agenda too.
    const list = (await sut.api.get(`/dialogues?lang=fr&pageSize=200`)).body.items as Dialogue[];
    expect(list.find((d) => d.id === dialogue.id)).toMatchObject({ title: FR.title, titleLang: 'fr' });
    const spaces = (await sut.api.get<Space[]>(`/dialogues/${dialogue.id}/spaces?lang=ar`)).body;
    expect(spaces[0]).toMatchObject({ name: 'الجلسة العامة', nameLang: 'ar', description: null });
    const agenda = (await sut.api.get<AgendaView>(`/dialogues/${dialogue.id}/agenda?lang=fr`)).body;
    expect(agenda).toMatchObject({ title: FR.title, titleLang: 'fr' });
    expect(agenda.items[0]).toMatchObject({
      title: 'Ouverture',
      titleLang: 'fr',
      spaceName: 'Plénière',
      spaceNameLang: 'fr',
    });
    const es = (await sut.api.get<AgendaView>(`/dialogues/${dialogue.id}/agenda?lang=es`)).body;
    expect(es.items[0]).toMatchObject({ title: 'Opening', titleLang: 'en', spaceName: 'Plenary', spaceNameLang: 'en' });
    // The public calendar in French.
    const ics = (await sut.api.get(`/dialogues/${dialogue.id}/agenda.ics?lang=fr`)).text;
    expect(calendar(ics)).toEqual({ name: FR.title, summaries: ['Ouverture'] });
  });

  it('falls back to the first language when it is not English (a dialogue written in French)', async () => {
    const french = await DialogueFactory.createPublished(organizer, {
      title: 'Dialogue sur les migrations de retour',
      summary: 'Résumé en français.',
      languages: ['fr', 'en'],
      translations: { en: { title: 'Dialogue on return migration' } },
    });
    const read = async (query: string) => (await sut.api.get<Dialogue>(`/dialogues/${french.id}${query}`)).body;
    expect(await read('?lang=en')).toMatchObject({
      title: 'Dialogue on return migration',
      titleLang: 'en',
      summary: 'Résumé en français.',
      summaryLang: 'fr',
    });
    expect(await read('?lang=es')).toMatchObject({ title: 'Dialogue sur les migrations de retour', titleLang: 'fr' });
    expect(await read('?lang=fr')).toMatchObject({ titleLang: 'fr', summaryLang: 'fr' });
    // Its editors read (and edit) its own French words; English lacks the summary.
    const staff = (await organizer.get<Dialogue>(`/dialogues/${french.id}`)).body;
    expect(staff).toMatchObject({
      title: 'Dialogue sur les migrations de retour',
      missingTranslations: { en: ['summary'] },
    });
  });

  it('refuses a wrong translation with a problem naming the path, and changes nothing', async () => {
    const before = (await organizer.get<Dialogue>(`/dialogues/${dialogue.id}`)).body;
    const cases: [unknown, string, string][] = [
      [{ xx: { title: 'x' } }, 'translations.xx', 'isIn'],
      [{ ar: { title: 'ع'.repeat(201) } }, 'translations.ar.title', 'maxLength'],
      [{ fr: { title: 'Dialogue \u202Eevil' } }, 'translations.fr.title', 'isPlainText'],
      [{ fr: { venue: 'Genève' } }, 'translations.fr.venue', 'isIn'],
      [{ fr: 'Bonjour' }, 'translations.fr', 'isObject'],
    ];
    for (const [translations, field, code] of cases) {
      const res = await organizer.patch(`/dialogues/${dialogue.id}`, { title: 'Changed', translations });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ type: expect.stringMatching(/invalid-input$/) });
      expect(res.body.errors).toEqual([expect.objectContaining({ field, code })]);
    }
    // Length counts characters, not bytes: 200 Arabic letters pass (then restored).
    const long = await organizer.patch(`/dialogues/${dialogue.id}`, {
      translations: { ar: { title: 'ع'.repeat(200) } },
    });
    expect(long.status).toBe(200);
    await organizer.patch(`/dialogues/${dialogue.id}`, { translations: { ar: AR } });
    const after = (await organizer.get<Dialogue>(`/dialogues/${dialogue.id}`)).body;
    expect(after.title).toBe(before.title);
    expect(after.translations).toEqual(before.translations);
    // The same rules on spaces and agenda items (their own limits).
    const spaceRes = await organizer.patch(`/spaces/${space.id}`, { translations: { ar: { name: 'ع'.repeat(201) } } });
    expect(spaceRes.status).toBe(400);
    expect(spaceRes.body.errors).toEqual([
      expect.objectContaining({ field: 'translations.ar.name', code: 'maxLength' }),
    ]);
  });

  it('accepts a translation in a language the dialogue does not list, and marks it', async () => {
    const res = await organizer.patch<Dialogue>(`/dialogues/${dialogue.id}`, {
      translations: { es: { title: 'Diálogo sobre movilidad laboral' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.unlistedLanguages).toEqual(['es']);
    expect(res.body.translations).toMatchObject({ fr: FR, ar: AR, es: { title: 'Diálogo sobre movilidad laboral' } });
    // Readers of Spanish get it all the same.
    expect((await sut.api.get(`/dialogues/${dialogue.id}?lang=es`)).body).toMatchObject({ titleLang: 'es' });
    // "" removes it; other languages are kept.
    const removed = await organizer.patch<Dialogue>(`/dialogues/${dialogue.id}`, {
      translations: { es: { title: '' } },
    });
    expect(removed.body.unlistedLanguages).toEqual([]);
    expect(removed.body.translations).toEqual({ fr: FR, ar: AR });
  });

  it('mails the confirmation, its agenda and .ics with the titles in the registrant’s language', async () => {
    const email = `tr-${randomUUID()}@test.gfmd`;
    const res = await sut.api.post(`/dialogues/${dialogue.id}/registrations`, {
      email,
      firstName: 'Claire',
      lastName: 'Martin',
      organization: 'Forum',
      stakeholderGroup: 'civil_society',
      country: 'FR',
      preferredLanguage: 'fr',
      consent: true,
    });
    expect(res.status).toBe(201);
    await sink.waitFor(() => sink.to(email).some((m) => kindOf(m) === 'confirmation'), 30_000, 'confirmation');
    const mail = sink.to(email).find((m) => kindOf(m) === 'confirmation')!;
    expect(mail.parsed.subject).toContain(FR.title);
    expect(mail.parsed.text).toContain(FR.title);
    expect(mail.parsed.text).toContain('Ouverture');
    expect(mail.parsed.text).not.toContain(EN.title);
    const attachment = mail.parsed.attachments.find((a) => a.filename === 'agenda.ics')!;
    expect(calendar(attachment.content.toString('utf8'))).toEqual({ name: FR.title, summaries: ['Ouverture'] });
    // The personal .ics behind the manage link is the same calendar.
    const token = /\/manage\/([A-Za-z0-9_-]{40,})/.exec(mail.parsed.text ?? '')![1];
    const personal = (await sut.api.get(`/registrations/manage/${token}/agenda.ics`)).text;
    expect(calendar(personal)).toEqual({ name: FR.title, summaries: ['Ouverture'] });
    // The manage page reads the reader's language (here Arabic), falling back per field.
    const manage = (await sut.api.get(`/registrations/manage/${token}?lang=ar`)).body;
    expect(manage.dialogue).toMatchObject({ title: AR.title, titleLang: 'ar', summaryLang: 'en' });
  });

  it('names the spaces of a registration email in the registrant’s language, else the source’s', async () => {
    const registerIn = async (preferredLanguage: string) => {
      const email = `sp-${preferredLanguage}-${randomUUID()}@test.gfmd`;
      const res = await sut.api.post(`/dialogues/${dialogue.id}/registrations`, {
        email,
        firstName: 'Nour',
        lastName: 'Haddad',
        organization: 'Forum',
        stakeholderGroup: 'civil_society',
        country: 'LB',
        preferredLanguage,
        consent: true,
        spaceIds: [space.id],
      });
      expect(res.status).toBe(201);
      await sink.waitFor(() => sink.to(email).some((m) => kindOf(m) === 'confirmation'), 30_000, 'confirmation');
      return sink.to(email).find((m) => kindOf(m) === 'confirmation')!;
    };
    const fr = await registerIn('fr');
    expect(fr.parsed.text).toMatch(/Vos espaces\s*:\s*\n\s*- Plénière \(/);
    expect(fr.parsed.html).toContain('<li>Plénière (');
    expect(fr.parsed.text).not.toContain('Plenary');
    const ar = await registerIn('ar');
    expect(ar.parsed.text).toContain('مساحاتك');
    expect(ar.parsed.text).toMatch(/- الجلسة العامة \(/);
    expect(ar.parsed.text).not.toContain('Plenary');
    // Spanish has no translation of the space: its name in the dialogue's source language.
    const es = await registerIn('es');
    expect(es.parsed.text).toMatch(/- Plenary \(/);
  });
});
