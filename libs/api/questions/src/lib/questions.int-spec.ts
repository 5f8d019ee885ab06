import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule, OutboxService } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { QuestionsModule } from './questions.module';

const MODULES = [
  PlatformModule,
  AuthModule,
  MailModule,
  DialoguesModule,
  SpacesModule,
  RegistrationsModule,
  QuestionsModule,
];

const QUESTIONS = [
  {
    key: 'interpretation',
    label: { en: 'Interpretation needed', fr: 'Interprétation', es: 'Interpretación' },
    type: 'single_choice',
    options: [
      { value: 'fr', label: { en: 'French', fr: 'Français' } },
      { value: 'es', label: { en: 'Spanish', es: 'Español' } },
    ],
    required: true,
  },
  { key: 'visa_letter', label: { en: 'I need a visa letter' }, type: 'checkbox', required: false },
  { key: 'mission', label: { en: 'Permanent mission' }, type: 'text', required: true, groups: ['government'] },
];

const person = (over: Record<string, unknown> = {}) => ({
  email: `q-${randomUUID()}@example.org`,
  firstName: 'Amina',
  lastName: 'Diallo',
  organization: 'Migrant Forum',
  stakeholderGroup: 'civil_society',
  country: 'SN',
  preferredLanguage: 'fr',
  consent: true,
  ...over,
});

describe(QuestionsModule.name, () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let admin: ApiClient;
  let sessionId: string;
  const q = <T = any>(sql: string, params: unknown[] = []) => sut.dataSource.query(sql, params) as Promise<T[]>;
  const published = () => DialogueFactory.createPublished(organizer, { informalSessionId: sessionId });

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    admin = (await sut.staff('admin')).client;
    sessionId =
      (await organizer.get('/informal-sessions')).body[0]?.id ?? (await InformalSessionFactory.create(organizer)).id;
  });
  afterAll(() => sut.close());

  it('organizers set the questions (in order); the public form reads them; others may not set them', async () => {
    const d = await published();
    const res = await organizer.request('PUT', `/dialogues/${d.id}/questions`, QUESTIONS);
    expect(res.status).toBe(200);
    expect(res.body.map((x: any) => x.key)).toEqual(['interpretation', 'visa_letter', 'mission']);
    // The public form reads the same questions, each label resolved, without the maps and the editors' fields (docs/i18n.md).
    const publicShape = ({ label: _l, missingTranslations: _m, unlistedLanguages: _u, options, ...rest }: any) => ({
      ...rest,
      ...(options ? { options: options.map(({ label: _ol, ...o }: any) => o) } : {}),
    });
    expect((await sut.api.get(`/dialogues/${d.id}/questions`)).body).toEqual(res.body.map(publicShape));
    const coordinator = (await sut.staff('coordinator')).client;
    expect((await coordinator.request('PUT', `/dialogues/${d.id}/questions`, QUESTIONS)).status).toBe(403);
    expect((await sut.api.request('PUT', `/dialogues/${d.id}/questions`, QUESTIONS)).status).toBe(401);
    const bad = await organizer.request('PUT', `/dialogues/${d.id}/questions`, [{ ...QUESTIONS[0], options: [] }]);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'questions[0].options', message: expect.any(String) }]);
    expect((await organizer.request('PUT', `/dialogues/${d.id}/questions`, { a: 1 })).status).toBe(400);
    expect((await organizer.request('PUT', `/dialogues/${randomUUID()}/questions`, QUESTIONS)).status).toBe(404);
    const draft = await DialogueFactory.create(organizer, { informalSessionId: sessionId });
    expect((await sut.api.get(`/dialogues/${draft.id}/questions`)).status).toBe(404);
    expect((await organizer.get(`/dialogues/${draft.id}/questions`)).status).toBe(200);
  });

  it('checks answers on the server: each refusal a 422 naming the field, nothing written', async () => {
    const d = await published();
    await organizer.request('PUT', `/dialogues/${d.id}/questions`, QUESTIONS);
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'answers.interpretation'],
      [{ interpretation: 'de' }, 'answers.interpretation'],
      [{ interpretation: 'fr', visa_letter: 'yes' }, 'answers.visa_letter'],
      [{ interpretation: 'fr', shoe_size: 42 }, 'answers.shoe_size'],
    ];
    for (const [answers, field] of cases) {
      const res = await sut.api.post(`/dialogues/${d.id}/registrations`, person({ answers }));
      expect(res.status).toBe(422);
      expect(res.body.type).toMatch(/invalid-answers$/);
      expect(res.body.errors.map((e: any) => e.field)).toEqual([field]);
    }
    const gov = await sut.api.post(
      `/dialogues/${d.id}/registrations`,
      person({ stakeholderGroup: 'government', answers: { interpretation: 'es' } }),
    );
    expect(gov.status).toBe(422);
    expect(gov.body.errors).toEqual([{ field: 'answers.mission', message: 'required' }]);
    expect((await sut.api.post(`/dialogues/${d.id}/registrations`, person({ answers: ['fr'] }))).status).toBe(400);
    expect((await q('SELECT count(*)::int AS n FROM registrations WHERE dialogue_id = $1', [d.id]))[0].n).toBe(0);
  });

  it('answers travel with the registration: list, CSV, export; they stay readable when the questions change; erased with the person', async () => {
    const d = await published();
    await organizer.request('PUT', `/dialogues/${d.id}/questions`, QUESTIONS);
    const who = person();
    const res = await sut.api.post(`/dialogues/${d.id}/registrations`, {
      ...who,
      answers: { interpretation: 'fr', visa_letter: true },
    });
    expect(res.status).toBe(201);
    await organizer.request('PUT', `/dialogues/${d.id}/questions`, [QUESTIONS[1]]);
    const list = await organizer.get(`/dialogues/${d.id}/registrations`);
    expect(list.body.items[0].answers).toEqual({ interpretation: 'fr', visa_letter: true });
    const csv = await organizer.get(`/dialogues/${d.id}/registrations.csv`);
    const [header, line] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    // One column per current question; answers to a question since removed stay in Answers.
    expect(header).toMatch(/,Answers,I need a visa letter$/);
    expect(line).toMatch(/,interpretation: fr,yes$/);
    const fr = await organizer.request('GET', `/dialogues/${d.id}/registrations.csv`, undefined, {
      'accept-language': 'fr',
    });
    expect(fr.text.replace(/^\uFEFF/, '').split('\r\n')[1]).toMatch(/,interpretation: fr,oui$/);
    await organizer.request('PUT', `/dialogues/${d.id}/questions`, QUESTIONS);
    const other = await sut.api.post(`/dialogues/${d.id}/registrations`, {
      ...person(),
      answers: { interpretation: 'es' },
    });
    expect(other.status).toBe(201);
    const stats = await organizer.get(`/dialogues/${d.id}/stats`);
    expect(stats.body.answers).toEqual({ interpretation: { fr: 1, es: 1 }, visa_letter: { true: 1 } });
    const filtered = await organizer.get(`/dialogues/${d.id}/registrations?answer=interpretation:es`);
    expect(filtered.body.items.map((r: any) => r.id)).toEqual([other.body.id]);
    expect((await organizer.get(`/dialogues/${d.id}/registrations?answer=visa_letter:true`)).body.total).toBe(1);
    expect((await organizer.get(`/dialogues/${d.id}/registrations?answer=nothing`)).status).toBe(400);
    const exported = await admin.get(`/participants/export?email=${encodeURIComponent(who.email)}`);
    expect(exported.body.registrations[0].answers).toEqual({ interpretation: 'fr', visa_letter: true });
    expect((await admin.delete(`/participants?email=${encodeURIComponent(who.email)}`)).status).toBe(200);
    expect((await q('SELECT answers FROM registrations WHERE id = $1', [res.body.id]))[0].answers).toBeNull();
  });

  it('the participant edits their answers through the manage link, checked like the form; a bad one changes nothing', async () => {
    const d = await published();
    await organizer.request('PUT', `/dialogues/${d.id}/questions`, QUESTIONS);
    const res = await sut.api.post(`/dialogues/${d.id}/registrations`, {
      ...person(),
      answers: { interpretation: 'fr', visa_letter: true },
    });
    expect(res.status).toBe(201);
    const [row] = await q<{ id: string }>('SELECT id FROM outbound_emails WHERE registration_id = $1', [res.body.id]);
    const email = await sut.app.get(OutboxService).contentOf(row.id);
    const token = /\/manage\/([A-Za-z0-9_-]{40,})/.exec(`${email?.text}`)?.[1];
    const edited = await sut.api.patch(`/registrations/manage/${token}`, { answers: { interpretation: 'es' } });
    expect(edited.status).toBe(200);
    expect(edited.body.answers).toEqual({ interpretation: 'es' });
    const bad = await sut.api.patch(`/registrations/manage/${token}`, {
      firstName: 'Zed',
      answers: { interpretation: 'de', mission: 'x' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([
      { field: 'answers.mission', message: 'not asked of this stakeholder group' },
      { field: 'answers.interpretation', message: 'not one of the options' },
    ]);
    expect((await q('SELECT answers, first_name FROM registrations WHERE id = $1', [res.body.id]))[0]).toEqual({
      answers: { interpretation: 'es' },
      first_name: 'Amina',
    });
    const missing = await sut.api.patch(`/registrations/manage/${token}`, { answers: {} });
    expect(missing.body.errors).toEqual([{ field: 'answers.interpretation', message: 'required' }]);
    // Details alone leave the answers as they are.
    expect((await sut.api.patch(`/registrations/manage/${token}`, { jobTitle: 'Adviser' })).body.answers).toEqual({
      interpretation: 'es',
    });
  });
});
