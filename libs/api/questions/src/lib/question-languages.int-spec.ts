import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { QuestionsModule } from './questions.module';

/** Registration questions in the six UN languages (docs/i18n.md, "Registration questions"). */
const MODULES = [
  PlatformModule,
  AuthModule,
  MailModule,
  DialoguesModule,
  SpacesModule,
  RegistrationsModule,
  QuestionsModule,
];

const SIX = {
  en: 'Interpretation needed',
  fr: 'Interprétation souhaitée',
  es: 'Interpretación necesaria',
  ar: 'الترجمة الفورية المطلوبة',
  ru: 'Нужен устный перевод',
  zh: '需要口译',
};

const QUESTIONS = [
  {
    key: 'interpretation',
    label: SIX,
    type: 'single_choice',
    options: [
      { value: 'fr', label: { en: 'French', fr: 'Français', ar: 'الفرنسية' } },
      { value: 'es', label: { en: 'Spanish' } },
    ],
    required: true,
  },
  { key: 'visa_letter', label: { en: 'I need a visa letter' }, type: 'checkbox', required: false },
];

const person = () => ({
  email: `ql-${randomUUID()}@example.org`,
  firstName: 'Amina',
  lastName: 'Diallo',
  organization: 'Migrant Forum',
  stakeholderGroup: 'civil_society',
  country: 'SN',
  preferredLanguage: 'fr',
  consent: true,
});

describe('registration questions in six languages', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let sessionId: string;
  const dialogue = (languages: string[], extra: Record<string, unknown> = {}) =>
    DialogueFactory.create(organizer, { informalSessionId: sessionId, languages, ...extra });
  const publicGet = (id: string, headers: Record<string, string> = {}, query = '') =>
    sut.api.request('GET', `/dialogues/${id}/questions${query}`, undefined, headers);

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    sessionId =
      (await organizer.get('/informal-sessions')).body[0]?.id ?? (await InformalSessionFactory.create(organizer)).id;
  });
  afterAll(() => sut.close());

  it('takes labels in the six languages; public reads give each in the reader’s language, else the dialogue’s first, and say which', async () => {
    const d = await dialogue(['fr', 'en', 'ar']);
    const put = await organizer.request('PUT', `/dialogues/${d.id}/questions`, QUESTIONS);
    expect(put.status).toBe(200);
    expect(put.body[0].label).toEqual(SIX);
    expect((await organizer.post(`/dialogues/${d.id}/publish`)).status).toBe(200);

    for (const [lang, text] of Object.entries(SIX)) {
      const res = await publicGet(d.id, {}, `?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.body[0]).toMatchObject({ labelText: text, labelLang: lang });
    }
    // Accept-Language works too; an option without Russian falls back to French (the first language).
    const ru = await publicGet(d.id, { 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(ru.body[0]).toMatchObject({ labelText: SIX.ru, labelLang: 'ru' });
    expect(ru.body[0].options[0]).toMatchObject({ value: 'fr', labelText: 'Français', labelLang: 'fr' });
    // Not in French either: the dialogue's next language (English).
    expect(ru.body[0].options[1]).toMatchObject({ value: 'es', labelText: 'Spanish', labelLang: 'en' });
    expect(ru.body[1]).toMatchObject({ labelText: 'I need a visa letter', labelLang: 'en' });
    const ar = await publicGet(d.id, { 'accept-language': 'ar' });
    expect(ar.body[0].options[0]).toMatchObject({ labelText: 'الفرنسية', labelLang: 'ar' });
    // Public reads carry only the resolved text and its language: no label maps, no editor fields.
    expect(ru.body).toEqual([
      {
        key: 'interpretation',
        labelText: SIX.ru,
        labelLang: 'ru',
        type: 'single_choice',
        options: [
          { value: 'fr', labelText: 'Français', labelLang: 'fr' },
          { value: 'es', labelText: 'Spanish', labelLang: 'en' },
        ],
        required: true,
      },
      { key: 'visa_letter', labelText: 'I need a visa letter', labelLang: 'en', type: 'checkbox', required: false },
    ]);
    expect(ar.body[0]).not.toHaveProperty('label');
    expect(ar.body[0].options[0]).not.toHaveProperty('label');
  });

  it('staff reading in a language (?lang=) keep the label maps beside the resolved text', async () => {
    const d = await dialogue(['fr', 'en']);
    expect((await organizer.request('PUT', `/dialogues/${d.id}/questions`, QUESTIONS)).status).toBe(200);
    const es = await organizer.get(`/dialogues/${d.id}/questions?lang=es`);
    expect(es.status).toBe(200);
    expect(es.body[0]).toMatchObject({ label: SIX, labelText: SIX.es, labelLang: 'es' });
    expect(es.body[0].options[1]).toMatchObject({ label: { en: 'Spanish' }, labelText: 'Spanish', labelLang: 'en' });
  });

  it('staff reads give the whole labels and what each listed language lacks; an unlisted language is kept and marked', async () => {
    const d = await dialogue(['en', 'fr']);
    const put = await organizer.request('PUT', `/dialogues/${d.id}/questions`, QUESTIONS);
    expect(put.status).toBe(200);
    const staff = await organizer.get(`/dialogues/${d.id}/questions`);
    expect(staff.body).toEqual(put.body);
    const [interpretation, visa] = staff.body;
    expect(interpretation.label).toEqual(SIX);
    expect(interpretation).toMatchObject({ labelText: SIX.en, labelLang: 'en' });
    expect(interpretation.missingTranslations).toEqual({ fr: ['options.es'] });
    expect(interpretation.unlistedLanguages).toEqual(['ar', 'es', 'ru', 'zh']);
    expect(visa.missingTranslations).toEqual({ fr: ['label'] });
    expect(visa.unlistedLanguages).toEqual([]);
  });

  it('refuses a language outside the six, a label too long in Arabic and a bidi override, naming each field; nothing written', async () => {
    const d = await dialogue(['en', 'ar']);
    const good = await organizer.request('PUT', `/dialogues/${d.id}/questions`, [QUESTIONS[1]]);
    expect(good.status).toBe(200);
    // 300 Arabic letters pass (characters, not bytes); 301 do not.
    const ok = await organizer.request('PUT', `/dialogues/${d.id}/questions`, [
      { ...QUESTIONS[1], label: { ar: 'س'.repeat(300) } },
    ]);
    expect(ok.status).toBe(200);
    const cases: [unknown, string][] = [
      [{ ...QUESTIONS[1], label: { en: 'Visa', de: 'Visum' } }, 'questions[0].label.de'],
      [{ ...QUESTIONS[1], label: { ar: 'س'.repeat(301) } }, 'questions[0].label.ar'],
      [{ ...QUESTIONS[1], label: { fr: 'Visa \u202Eabc' } }, 'questions[0].label.fr'],
      [
        { ...QUESTIONS[0], options: [{ value: 'x', label: { zh: '法语', xx: 'X' } }] },
        'questions[0].options[0].label.xx',
      ],
    ];
    for (const [question, field] of cases) {
      const res = await organizer.request('PUT', `/dialogues/${d.id}/questions`, [question]);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: any) => e.field)).toEqual([field]);
    }
    const fr = await organizer.request('PUT', `/dialogues/${d.id}/questions`, [cases[0][0]], {
      'accept-language': 'fr',
    });
    expect(fr.body.errors[0].message).toMatch(/^langue inconnue/);
    expect((await organizer.get(`/dialogues/${d.id}/questions`)).body[0].label).toEqual({ ar: 'س'.repeat(300) });
  });

  it('publishing warns (never refuses) when a listed language lacks a question label', async () => {
    const d = await dialogue(['en', 'es'], { translations: { es: { title: 'Diálogo' } } });
    await organizer.request('PUT', `/dialogues/${d.id}/questions`, [
      { ...QUESTIONS[1], label: { en: 'Visa letter', es: 'Carta de visado' } },
    ]);
    const complete = await DialogueFactory.create(organizer, {
      informalSessionId: sessionId,
      languages: ['en', 'es'],
      translations: { es: { title: 'Diálogo completo', summary: 'Un diálogo temático.' } },
    });
    await organizer.request('PUT', `/dialogues/${complete.id}/questions`, [
      { ...QUESTIONS[1], label: { en: 'Visa letter', es: 'Carta de visado' } },
    ]);
    const quiet = await organizer.post(`/dialogues/${complete.id}/publish`);
    expect(quiet.status).toBe(200);
    expect(quiet.body.warnings).toEqual([]);

    await organizer.request('PUT', `/dialogues/${d.id}/questions`, QUESTIONS);
    const res = await organizer.post(`/dialogues/${d.id}/publish`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('published');
    expect(res.body.warnings).toEqual([expect.stringContaining('ES')]);
  });

  it('the CSV labels the question columns in the requester’s language, else the dialogue’s first', async () => {
    const d = await dialogue(['en', 'fr', 'ar']);
    await organizer.request('PUT', `/dialogues/${d.id}/questions`, QUESTIONS);
    await organizer.post(`/dialogues/${d.id}/publish`);
    const reg = await sut.api.post(`/dialogues/${d.id}/registrations`, {
      ...person(),
      answers: { interpretation: 'fr', visa_letter: true },
    });
    expect(reg.status).toBe(201);
    const csv = async (lang: string) => {
      const res = await organizer.request('GET', `/dialogues/${d.id}/registrations.csv`, undefined, {
        'accept-language': lang,
      });
      expect(res.status).toBe(200);
      return res.text.replace(/^\uFEFF/, '').split('\r\n');
    };
    const [frHead, frLine] = await csv('fr');
    expect(frHead).toMatch(/,Interprétation souhaitée,I need a visa letter$/);
    expect(frLine).toMatch(/,Français,oui$/);
    const [arHead, arLine] = await csv('ar');
    expect(arHead).toMatch(/,الترجمة الفورية المطلوبة,I need a visa letter$/);
    expect(arLine).toMatch(/,الفرنسية,نعم$/);
    // Russian: the label's own Russian; the answer's option falls back to English (the first language).
    const [ruHead, ruLine] = await csv('ru');
    expect(ruHead).toMatch(/,Нужен устный перевод,I need a visa letter$/);
    expect(ruLine).toMatch(/,French,yes$/);
  });
});
