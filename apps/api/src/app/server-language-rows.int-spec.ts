import { SeedService } from '@gfmd/api-dialogues';
import { ApiClient, createTestApp, DialogueFactory, TestApp } from '@gfmd/api-testing';
import type { Dialogue } from '@gfmd/contracts';
import { AppModule } from './app.module';

/**
 * The last server words moved to the catalogue (docs/i18n.md): question rules, CSV imports and
 * their row report, webhook URL refusals and zxcvbn's password feedback, in French; English unchanged.
 */
describe('field and row messages in the reader’s language (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let dialogue: Dialogue;
  const fr = { 'Accept-Language': 'fr' };

  beforeAll(async () => {
    sut = await createTestApp([AppModule]);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    dialogue = await DialogueFactory.createPublished(organizer);
  });
  afterAll(() => sut.close());

  it('writes the question rules’ field errors in French, and keeps the English', async () => {
    const q = { key: 'visa', label: { en: 'Visa?' }, type: 'checkbox', required: false };
    const body = [q, { ...q }, { ...q, key: 'Bad Key', type: 'colour' }];
    const res = await organizer.request('PUT', `/dialogues/${dialogue.id}/questions`, body, fr);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'questions[1].key', message: 'utilisé deux fois' },
        {
          field: 'questions[2].key',
          message: 'lettres minuscules, chiffres et _, en commençant par une lettre (40 au plus)',
        },
        expect.objectContaining({ field: 'questions[2].type', message: expect.stringMatching(/^l'un de : text, /) }),
      ]),
    );
    const en = await organizer.request('PUT', `/dialogues/${dialogue.id}/questions`, body);
    expect(en.body.errors).toEqual(expect.arrayContaining([{ field: 'questions[1].key', message: 'used twice' }]));
  });

  it('writes the delegations CSV’s header and row errors in French', async () => {
    const header = await organizer.request(
      'POST',
      `/dialogues/${dialogue.id}/delegations/import`,
      { csv: 'name,seats,shoeSize\r\nA,1,42' },
      fr,
    );
    expect(header.status).toBe(400);
    expect(header.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'csv', message: 'colonne manquante : stakeholderGroup' },
        { field: 'csv', message: 'colonne inconnue : shoeSize' },
      ]),
    );
    const rows = await organizer.request(
      'POST',
      `/dialogues/${dialogue.id}/delegations/import`,
      {
        csv: 'name,stakeholderGroup,seats,focalPointEmail\r\nBad,government,1,not-an-email',
        dryRun: true,
      },
      fr,
    );
    expect(rows.status).toBe(400);
    expect(rows.body.errors).toEqual([
      { field: 'line 2: focalPointEmail', code: 'isEmailAddress', message: 'Saisissez une adresse e-mail valide.' },
    ]);
    const en = await organizer.post(`/dialogues/${dialogue.id}/delegations/import`, {
      csv: 'name,seats,shoeSize\r\nA,1,42',
    });
    expect(en.body.errors).toEqual(expect.arrayContaining([{ field: 'csv', message: 'unknown column shoeSize' }]));
  });

  it('writes the registrations import’s row report in French (dry run)', async () => {
    const csv = [
      'email,firstName,lastName,organization,stakeholderGroup,country,preferredLanguage,spaces',
      'ana@example.org,Ana,Gómez,Forum,civil_society,SN,fr,',
      'ANA@example.org,Ana,Gómez,Forum,civil_society,SN,fr,',
      'bo@example.org,Bo,Li,Forum,civil_society,SN,fr,Nowhere',
      'cy@example.org,Cy,Ng,Forum,civil_society,XX,fr,',
    ].join('\n');
    const res = await organizer.request('POST', `/dialogues/${dialogue.id}/registrations/import?dryRun=true`, csv, {
      'content-type': 'text/csv',
      ...fr,
    });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      expect.objectContaining({ row: 2, outcome: 'confirmed' }),
      expect.objectContaining({
        row: 3,
        reason: 'duplicate-in-file',
        detail: 'La même adresse figure à la ligne 2 du fichier.',
      }),
      expect.objectContaining({
        row: 4,
        reason: 'unknown-space',
        detail: 'Aucun espace de ce dialogue ne s\'appelle "Nowhere".',
      }),
      expect.objectContaining({
        row: 5,
        reason: 'invalid-input',
        detail: expect.stringMatching(/^country: .*Choisissez un pays/),
      }),
    ]);
    const bad = await organizer.request(
      'POST',
      `/dialogues/${dialogue.id}/registrations/import?dryRun=true`,
      'email\nx',
      { 'content-type': 'text/csv', ...fr },
    );
    expect(bad.body).toMatchObject({ detail: 'Le fichier CSV ne peut pas être importé.' });
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([{ field: 'csv', message: 'colonne manquante : firstName' }]),
    );

    const en = await organizer.request('POST', `/dialogues/${dialogue.id}/registrations/import?dryRun=true`, csv, {
      'content-type': 'text/csv',
    });
    expect(en.body.rows[1].detail).toBe('The same address is on line 2 of the file.');
  });

  it('writes the webhook URL refusal in French', async () => {
    const admin = (await sut.staff('admin')).client;
    const res = await admin.request(
      'POST',
      '/webhooks',
      { url: 'https://user:secret@example.org/hook', events: ['dialogue.published'] },
      fr,
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      detail: "L'URL du webhook est refusée.",
      errors: [
        { field: 'url', code: 'isPublicUrl', message: "l'URL ne doit contenir ni nom d'utilisateur ni mot de passe" },
      ],
    });
  });

  it('writes zxcvbn’s feedback on a weak password in French, and in its own English otherwise', async () => {
    const admin = (await sut.staff('admin')).client;
    const body = { email: 'weak-fr@test.gfmd', name: 'Weak Password', role: 'organizer', password: 'password1234' };
    const res = await admin.request('POST', '/users', body, fr);
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(
      'Ce mot de passe est trop facile à deviner. Ce mot de passe ressemble à un mot de passe courant. Ajoutez des mots moins courants.',
    );
    const en = await admin.post('/users', body);
    expect(en.body.detail).toBe(
      'This password is too easy to guess. This is similar to a commonly used password. Add more words that are less common.',
    );
  });
});
