import { AgendaModule } from '@gfmd/api-agenda';
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { OutcomesModule } from '@gfmd/api-outcomes';
import { PlatformModule } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, TestApp, withEnv } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { Dialogue, DocumentView } from '@gfmd/contracts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uploadDocument } from '../testing/document-upload';
import { samples } from '../testing/sample-files';
import { DocumentsModule } from './documents.module';

/** A document's title in the six languages, edited after the upload (docs/documents.md, docs/i18n.md). */
describe('Document titles in several languages (integration)', () => {
  let sut: TestApp;
  let dir: string;
  let organizer: ApiClient;
  let coordinator: { id: string; client: ApiClient };
  let dialogue: Dialogue;

  const upload = async (fields: Record<string, string>) =>
    uploadDocument(
      organizer,
      {
        ownerType: 'dialogue',
        ownerId: dialogue.id,
        kind: 'concept_note',
        visibility: 'public',
        language: 'fr',
        ...fields,
      },
      { name: 'note.pdf', bytes: await samples.pdf() },
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gfmd-doc-titles-'));
    sut = await withEnv({ STORAGE_DIR: dir }, () =>
      createTestApp([
        PlatformModule,
        AuthModule,
        MailModule,
        DialoguesModule,
        SpacesModule,
        AgendaModule,
        RegistrationsModule,
        OutcomesModule,
        DocumentsModule,
      ]),
    );
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    coordinator = await sut.staff('coordinator');
    dialogue = await DialogueFactory.createPublished(organizer, { languages: ['fr', 'en', 'ar'] });
  });
  afterAll(async () => {
    await sut?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('adds, replaces and removes titles per language, keeping the others; readers get theirs', async () => {
    const created = await upload({ 'title.fr': 'Note conceptuelle', 'title.en': 'Concept note' });
    expect(created.status).toBe(201);
    const id = (created.body as DocumentView).id;
    const res = await organizer.patch<DocumentView>(`/documents/${id}`, {
      title: { ar: 'مذكرة مفاهيمية', zh: '概念说明', ru: 'Концептуальная записка', en: null, es: '' },
    });
    expect(res.status).toBe(200);
    expect(res.body.title).toEqual({
      fr: 'Note conceptuelle',
      ar: 'مذكرة مفاهيمية',
      zh: '概念说明',
      ru: 'Концептуальная записка',
    });
    const ar = await sut.api.get<DocumentView[]>(`/dialogues/${dialogue.id}/documents?lang=ar`);
    expect(ar.body.find((d) => d.id === id)).toMatchObject({ titleText: 'مذكرة مفاهيمية', titleLang: 'ar' });
    // English was removed: an English reader reads the dialogue's first language.
    const en = await sut.api.get<DocumentView[]>(`/dialogues/${dialogue.id}/documents?lang=en`);
    expect(en.body.find((d) => d.id === id)).toMatchObject({ titleText: 'Note conceptuelle', titleLang: 'fr' });
    const audit = await sut.dataSource.query(
      `SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'document.retitled'`,
      [id],
    );
    expect(audit[0].details).toEqual({ languages: ['ar', 'en', 'es', 'ru', 'zh'] });
  });

  it('refuses a language outside the six, an over-long or bidi-overridden title with a problem, changing nothing', async () => {
    const id = ((await upload({ 'title.fr': 'Ordre du jour' })).body as DocumentView).id;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ de: 'Tagesordnung' }, 'title.de', 'whitelistValidation'],
      [{ ar: 'ج'.repeat(301) }, 'title.ar', 'maxLength'],
      [{ es: 'Orden \u202Edel día' }, 'title.es', 'isPlainText'],
      [{ zh: 42 }, 'title.zh', 'isString'],
    ];
    for (const [title, field, code] of cases) {
      const res = await organizer.patch(`/documents/${id}`, { title });
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    }
    expect((await organizer.patch(`/documents/${id}`, { title: 'Agenda' })).status).toBe(400);
    // 300 Arabic letters pass (counted in characters).
    expect((await organizer.patch(`/documents/${id}`, { title: { ar: 'ج'.repeat(300) } })).status).toBe(200);
    const after = await organizer.get<DocumentView>(`/documents/${id}`);
    expect(after.body.title).toEqual({ fr: 'Ordre du jour', ar: 'ج'.repeat(300) });
  });

  it('refuses the upload of a bidi-overridden title and of a title in a seventh language', async () => {
    const bidi = await upload({ 'title.ar': 'عنوان \u202Eمخفي' });
    expect(bidi.status).toBe(400);
    expect(bidi.body.errors?.[0]).toMatchObject({ field: 'title.ar', code: 'isPlainText' });
    const seventh = await upload({ 'title.de': 'Konzept' });
    expect(seventh.status).toBe(400);
  });

  it('lets only staff who manage the document change its title', async () => {
    const id = ((await upload({ 'title.fr': 'Programme' })).body as DocumentView).id;
    expect((await coordinator.client.patch(`/documents/${id}`, { title: { en: 'Programme' } })).status).toBe(403);
    expect((await sut.api.patch(`/documents/${id}`, { title: { en: 'Programme' } })).status).toBe(401);
  });
});
