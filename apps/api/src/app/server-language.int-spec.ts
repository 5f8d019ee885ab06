import { SeedService } from '@gfmd/api-dialogues';
import { ApiClient, createTestApp, DAY, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { Dialogue, InformalSession, Process, Theme } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';

/** Server text in the reader's language (docs/i18n.md): `?lang=` or Accept-Language. */
describe("server text in the reader's language (integration)", () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let dialogue: Dialogue;

  beforeAll(async () => {
    sut = await createTestApp([AppModule]);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    dialogue = await DialogueFactory.createPublished(organizer);
  });
  afterAll(() => sut.close());

  it('writes a problem of the domain in French and Spanish, with its parameters, type unchanged', async () => {
    const draft = await DialogueFactory.create(organizer);
    const fr = await organizer.post(`/dialogues/${draft.id}/conclude?lang=fr`);
    expect(fr.status).toBe(422);
    expect(fr.headers.get('content-language')).toBe('fr');
    expect(fr.body).toMatchObject({
      type: 'https://gfmd-dialogues.org/problems/invalid-transition',
      title: 'Règle non respectée',
      detail: "Un dialogue à l'état « draft » ne peut pas être terminé.",
    });
    const es = await organizer.request('POST', `/dialogues/${draft.id}/conclude`, undefined, {
      'Accept-Language': 'de, es;q=0.8, en;q=0.5',
    });
    expect(es.headers.get('content-language')).toBe('es');
    expect(es.body.detail).toBe('Un diálogo en estado «draft» no se puede concluir.');
    const en = await organizer.post(`/dialogues/${draft.id}/conclude`);
    expect(en.body.detail).toBe('A draft dialogue cannot be concluded.');

    const missing = await sut.api.get(`/dialogues/${randomUUID()}?lang=es`);
    expect(missing.body).toMatchObject({ status: 404, title: 'No encontrado', detail: 'No se encontró el diálogo.' });
  });

  it('writes validation errors and field errors of the domain in French and Spanish, codes unchanged', async () => {
    const bad = await organizer.request(
      'POST',
      '/dialogues?lang=es',
      { title: 'x'.repeat(300), capacity: 'many' },
      { 'Accept-Language': 'fr' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toBe('La solicitud tiene campos no válidos o desconocidos.');
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'title', code: 'maxLength', message: 'Introduzca como máximo 200 caracteres.' },
      ]),
    );

    const session = await InformalSessionFactory.create(organizer);
    const backwards = await organizer.request(
      'PATCH',
      `/informal-sessions/${session.id}`,
      { endsAt: new Date(Date.parse(session.startsAt) - DAY).toISOString() },
      { 'Accept-Language': 'fr-CH, fr;q=0.9' },
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({
      type: 'https://gfmd-dialogues.org/problems/invalid-input',
      detail: 'La fin (endsAt) doit être postérieure au début (startsAt).',
      errors: [{ field: 'endsAt', message: 'la fin doit être postérieure au début' }],
    });
  });

  it('writes scheduling warnings in French and Spanish', async () => {
    // The session starts 10 days from now; the dialogue (30 days from now) ends after it starts.
    const session = await InformalSessionFactory.create(organizer, {}, 10);
    const late = await DialogueFactory.create(organizer, { informalSessionId: session.id });
    const fr = await organizer.get<Dialogue>(`/dialogues/${late.id}?lang=fr`);
    expect(fr.body.schedulingWarnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Le dialogue se termine après le début de la session informelle ${session.number} \\(-\\d+ jours\\)`,
        ),
      ),
    ]);
    const es = await organizer.request<Dialogue>('GET', `/dialogues/${late.id}`, undefined, {
      'Accept-Language': 'es',
    });
    expect(es.body.schedulingWarnings[0]).toMatch(/^El diálogo termina después del inicio de la sesión informal/);
    const en = await organizer.get<Dialogue>(`/dialogues/${late.id}`);
    expect(en.body.schedulingWarnings[0]).toMatch(/^The dialogue ends after informal session/);
  });

  it('reads the seeded GCM themes, sessions and process in their official French and Spanish titles', async () => {
    const fr = await sut.api.get<Theme[]>('/themes?lang=fr');
    expect(fr.headers.get('vary')).toMatch(/accept-language/i);
    const t1 = fr.body.find((t) => t.code === 'T1');
    expect(t1).toMatchObject({
      title: expect.stringMatching(/^Droits de l'homme de tous les migrants, inclusion sociale, cohésion/),
      titleLang: 'fr',
    });
    const es = await sut.api.request<Theme[]>('GET', '/themes', undefined, { 'Accept-Language': 'es-MX' });
    expect(es.body.find((t) => t.code === 'T6')).toMatchObject({
      title: expect.stringMatching(/^La migración irregular y las vías de migración regular/),
      titleLang: 'es',
    });
    const sessions = await sut.api.get<InformalSession[]>('/informal-sessions?lang=es');
    expect(sessions.body.find((s) => s.number === 3)).toMatchObject({
      title: expect.stringMatching(/^La cooperación internacional y la gobernanza de la migración/),
      titleLang: 'es',
    });
    const processes = await sut.api.get<Process[]>('/processes?lang=fr');
    const gcm = processes.body.find((p) => p.slug === 'gcm-2017-2018');
    expect(gcm).toMatchObject({ title: 'Pacte mondial sur les migrations 2017–2018', titleLang: 'fr' });
    expect(gcm?.milestones.map((m) => m.title)).toContain(
      "Conférence intergouvernementale chargée d'adopter le Pacte mondial",
    );

    // Arabic is a valid request without a translation yet: the English, marked as such.
    const ar = await sut.api.get<Theme[]>('/themes?lang=ar');
    expect(ar.body.find((t) => t.code === 'T1')).toMatchObject({
      title: expect.stringMatching(/^Human rights/),
      titleLang: 'en',
    });
    // Staff editing read the record's own words unless they ask with ?lang= (no translation saved over the original).
    const staff = await organizer.request<Theme[]>('GET', '/themes', undefined, { 'Accept-Language': 'fr' });
    expect(staff.body.find((t) => t.code === 'T1')).toMatchObject({ titleLang: 'en' });
    const staffFr = await organizer.get<Theme[]>('/themes?lang=fr');
    expect(staffFr.body.find((t) => t.code === 'T1')).toMatchObject({ titleLang: 'fr' });
  });

  it('writes the registrations CSV with French and Spanish status labels', async () => {
    const reg = await sut.api.post(`/dialogues/${dialogue.id}/registrations`, {
      email: `p-${randomUUID()}@example.org`,
      firstName: 'Amina',
      lastName: 'Diallo',
      organization: 'Migrant Forum',
      stakeholderGroup: 'civil_society',
      country: 'SN',
      preferredLanguage: 'fr',
      consent: true,
    });
    expect(reg.status).toBe(201);
    const fr = await organizer.get(`/dialogues/${dialogue.id}/registrations.csv?lang=fr`);
    expect(fr.status).toBe(200);
    expect(fr.headers.get('content-language')).toBe('fr');
    const [frHeader, frLine] = fr.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(frHeader).toMatch(/^Identifiant,Statut,/);
    expect(frLine).toContain(',Confirmée,');
    expect(frLine).toContain('Société civile');
    const es = await organizer.get(`/dialogues/${dialogue.id}/registrations.csv?lang=es`);
    const [esHeader, esLine] = es.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(esHeader).toMatch(/^Identificador,Estado,/);
    expect(esLine).toContain(',Confirmada,');
  });

  it("refuses bidi override characters in names and text, in the reader's language", async () => {
    for (const c of ['\u202a', '\u202e', '\u2066', '\u2069']) {
      const res = await sut.api.post(`/dialogues/${dialogue.id}/registrations?lang=fr`, {
        email: `p-${randomUUID()}@example.org`,
        firstName: `Ana${c}moc.live`,
        lastName: 'Diallo',
        organization: `Forum${c}`,
        stakeholderGroup: 'civil_society',
        country: 'SN',
        preferredLanguage: 'fr',
        consent: true,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'firstName', code: 'isPlainText' }),
          expect.objectContaining({ field: 'organization', code: 'isPlainText' }),
        ]),
      );
      expect(res.body.errors[0].message).not.toMatch(/must not/);
    }
  });

  it('refuses a language outside the six with a translated 400, and takes ?lang= on routes with strict queries', async () => {
    for (const lang of ['xx', 'de', '', 'fr-CA']) {
      const res = await sut.api.request('GET', `/dialogues?lang=${lang}`, undefined, { 'Accept-Language': 'fr' });
      expect({ lang, status: res.status }).toEqual({ lang, status: 400 });
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(res.headers.get('content-language')).toBe('fr');
      expect(res.body).toMatchObject({
        type: 'https://gfmd-dialogues.org/problems/invalid-input',
        errors: [{ field: 'lang', code: 'isIn', message: 'Choisissez ar, en, es, fr, ru ou zh.' }],
      });
      expect(res.body.detail).toMatch(/^La langue « .* » n'est pas prise en charge/);
    }
    const twice = await sut.api.get('/dialogues?lang=fr&lang=es');
    expect(twice.status).toBe(400);
    for (const lang of ['ar', 'en', 'es', 'fr', 'ru', 'zh']) {
      expect((await sut.api.get(`/dialogues?lang=${lang}&page=1`)).status).toBe(200);
    }
  });
});
