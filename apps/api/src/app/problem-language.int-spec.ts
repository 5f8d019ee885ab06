import { SeedService } from '@gfmd/api-dialogues';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { Dialogue } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';

const person = (over: Record<string, unknown> = {}) => ({
  email: `p-${randomUUID()}@example.org`,
  firstName: 'Amina',
  lastName: 'Diallo',
  organization: 'Migrant Forum',
  stakeholderGroup: 'civil_society',
  country: 'SN',
  preferredLanguage: 'fr',
  consent: true,
  ...over,
});

describe('problem+json in the reader language (integration)', () => {
  let sut: TestApp;
  let dialogue: Dialogue;

  beforeAll(async () => {
    sut = await createTestApp([AppModule]);
    await sut.app.get(SeedService).seedProcess();
    const organizer = (await sut.staff('organizer')).client;
    const sessionId = (await InformalSessionFactory.create(organizer)).id;
    dialogue = await DialogueFactory.createPublished(organizer, { informalSessionId: sessionId });
  });
  afterAll(() => sut.close());

  const register = (body: Record<string, unknown>, acceptLanguage?: string) =>
    sut.api.request(
      'POST',
      `/dialogues/${dialogue.id}/registrations`,
      body,
      acceptLanguage ? { 'Accept-Language': acceptLanguage } : {},
    );

  it('answers a French reader in French: title, detail and each field error, with its constraint code', async () => {
    const res = await register(
      person({ email: 'not-an-email', lastName: 'x'.repeat(101), extra: 1 }),
      'fr-CH, fr;q=0.9, en;q=0.8',
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-language')).toBe('fr');
    expect(res.body).toMatchObject({
      type: 'https://gfmd-dialogues.org/problems/invalid-input',
      title: 'Requête invalide',
      detail: 'La requête contient des champs non valides ou inconnus.',
    });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'isEmailAddress', message: 'Saisissez une adresse e-mail valide.' },
        { field: 'lastName', code: 'maxLength', message: 'Saisissez au plus 100 caractères.' },
        { field: 'extra', code: 'whitelistValidation', message: "Ce champ n'est pas attendu." },
      ]),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/must be|should not|invalid or unknown/);
  });

  it('answers a Spanish reader in Spanish, also for problems of the domain', async () => {
    const bad = await register(person({ email: 'nope' }), 'es');
    expect(bad.body.errors).toContainEqual({
      field: 'email',
      code: 'isEmailAddress',
      message: 'Introduzca un correo electrónico válido.',
    });
    const body = person();
    expect((await register(body)).status).toBe(201);
    const dup = await register(body, 'es-ES');
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({
      title: 'Conflicto',
      detail: 'Este correo electrónico ya está inscrito en este diálogo.',
    });
    const missing = await sut.api.request('GET', `/dialogues/${randomUUID()}`, undefined, { 'Accept-Language': 'es' });
    expect(missing.body).toMatchObject({ status: 404, title: 'No encontrado' });
  });

  it('keeps English for English, for other languages and without the header', async () => {
    for (const header of [undefined, 'en-GB', 'de-DE, it;q=0.5', 'fr;q=0']) {
      const res = await register(person({ email: 'not-an-email' }), header);
      expect(res.headers.get('content-language')).toBe('en');
      expect(res.body).toMatchObject({ title: 'Bad Request', detail: 'The request has invalid or unknown fields.' });
      expect(res.body.errors).toContainEqual({
        field: 'email',
        code: 'isEmailAddress',
        message: 'email must be an email address',
      });
    }
  });
});
