import { AgendaModule } from '@gfmd/api-agenda';
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { OutcomesModule } from '@gfmd/api-outcomes';
import { PlatformModule } from '@gfmd/api-platform';
import { ManageLinks, RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, TestApp, withEnv } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { Dialogue, DocumentView } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchFile, multipart, rawUpload, uploadDocument } from '../testing/document-upload';
import { samples } from '../testing/sample-files';
import { DocumentsModule } from './documents.module';

describe('Documents (integration)', () => {
  let sut: TestApp;
  let dir: string;
  let organizer: ApiClient;
  let coordinator: { id: string; client: ApiClient };
  let otherCoordinator: { id: string; client: ApiClient };
  let rapporteur: { id: string; client: ApiClient };
  let dialogue: Dialogue;
  let otherDialogue: Dialogue;
  let space: { id: string };
  let otherSpace: { id: string };
  let myToken: string;
  let otherToken: string;

  const spool = join(tmpdir(), 'gfmd-uploads');
  const stored = async () => (await readdir(dir).catch(() => [] as string[])).length;
  const rows = async (dialogueId: string) =>
    Number(
      (await sut.dataSource.query('SELECT count(*)::int AS n FROM documents WHERE dialogue_id = $1', [dialogueId]))[0]
        .n,
    );
  const fields = (overrides: Record<string, string> = {}) => ({
    ownerType: 'dialogue',
    ownerId: dialogue.id,
    kind: 'concept_note',
    visibility: 'public',
    language: 'en',
    'title.en': 'Concept note',
    'title.fr': 'Note conceptuelle',
    ...overrides,
  });

  async function register(d: Dialogue): Promise<string> {
    const res = await sut.api.post(`/dialogues/${d.id}/registrations`, {
      email: `p-${randomUUID()}@example.org`,
      firstName: 'Ada',
      lastName: 'Lovelace',
      organization: 'Analytical Society',
      stakeholderGroup: 'civil_society',
      country: 'GB',
      preferredLanguage: 'en',
      consent: true,
    });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
    const links = await sut.app.get(ManageLinks).mint([res.body.id]);
    return /\/manage\/(.+)$/.exec(links.get(res.body.id)?.manageUrl ?? '')?.[1] ?? '';
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gfmd-docs-int-'));
    sut = await withEnv({ STORAGE_DIR: dir, MAX_UPLOAD_MB: '2' }, () =>
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
    otherCoordinator = await sut.staff('coordinator');
    rapporteur = await sut.staff('coordinator');
    dialogue = await DialogueFactory.createPublished(organizer);
    otherDialogue = await DialogueFactory.createPublished(organizer);
    const mkSpace = async (coordinatorId: string, name: string) => {
      const res = await organizer.post(`/dialogues/${dialogue.id}/spaces`, {
        name,
        kind: 'civil_society',
        access: 'open',
        rooms: [],
        coordinatorUserIds: [coordinatorId],
      });
      if (res.status !== 201) throw new Error(`space: ${res.status} ${res.text}`);
      return res.body as { id: string };
    };
    space = await mkSpace(coordinator.id, 'Civil society space');
    otherSpace = await mkSpace(otherCoordinator.id, 'Business space');
    const named = await organizer.patch(`/dialogues/${dialogue.id}/outcome`, {
      rapporteurUserIds: [rapporteur.id],
      version: 0,
    });
    if (named.status !== 200) throw new Error(`rapporteur: ${named.status} ${named.text}`);
    myToken = await register(dialogue);
    otherToken = await register(otherDialogue);
  });
  afterAll(async () => {
    await sut?.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('upload and download', () => {
    it.each([
      ['pdf', 'note.pdf', samples.pdf, 'application/pdf', 'inline'],
      ['png', 'map.png', samples.png, 'image/png', 'inline'],
      ['text', 'notes.txt', samples.text, 'text/plain; charset=utf-8', 'attachment'],
      [
        'docx',
        'paper.docx',
        samples.docx,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'attachment',
      ],
      ['odt', 'paper.odt', samples.odt, 'application/vnd.oasis.opendocument.text', 'attachment'],
      ['doc', 'old.doc', samples.doc, 'application/msword', 'attachment'],
    ])('takes a %s, typed from its bytes, and gives it back unchanged', async (_k, name, make, type, disposition) => {
      const bytes = await make();
      // The browser's claim is ignored: every file is sent as octet-stream.
      const res = await uploadDocument(organizer, fields(), { name, bytes });
      expect(res.status).toBe(201);
      const doc = res.body as DocumentView;
      expect(doc).toMatchObject({ contentType: type, size: bytes.length, fileName: name, visibility: 'public' });
      expect(doc.title).toEqual({ en: 'Concept note', fr: 'Note conceptuelle' });
      const file = await fetchFile(sut.baseUrl, `/documents/${doc.id}/file`);
      expect(file.status).toBe(200);
      expect(file.bytes.equals(Buffer.from(bytes))).toBe(true);
      expect(file.headers.get('content-type')).toBe(type);
      expect(file.headers.get('content-disposition')).toMatch(new RegExp(`^${disposition}; filename="${name}"`));
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    });

    it('names the file after the detected type, whatever the name said', async () => {
      const res = await uploadDocument(organizer, fields(), { name: 'Programme: final v2.exe', bytes: samples.pdf() });
      expect(res.status).toBe(201);
      expect(res.body.fileName).toBe('Programme final v2.pdf');
    });

    it('deletes the row and the stored file', async () => {
      const before = await stored();
      const doc = (await uploadDocument(organizer, fields(), { name: 'x.pdf', bytes: samples.pdf() })).body;
      expect(await stored()).toBe(before + 1);
      expect((await organizer.delete(`/documents/${doc.id}`)).status).toBe(204);
      expect(await stored()).toBe(before);
      expect((await organizer.get(`/documents/${doc.id}`)).status).toBe(404);
      expect((await fetchFile(sut.baseUrl, `/documents/${doc.id}/file`)).status).toBe(404);
    });
  });

  describe('who sees what', () => {
    const docs: Record<string, DocumentView> = {};
    beforeAll(async () => {
      const up = async (key: string, client: ApiClient, f: Record<string, string>) => {
        const res = await uploadDocument(client, fields(f), { name: `${key}.pdf`, bytes: samples.pdf() });
        if (res.status !== 201) throw new Error(`${key}: ${res.status} ${JSON.stringify(res.body)}`);
        docs[key] = res.body;
      };
      await up('public', organizer, { visibility: 'public' });
      await up('registrants', organizer, { visibility: 'registrants' });
      await up('staff', organizer, { visibility: 'staff' });
      await up('mySpaceStaff', coordinator.client, { ownerType: 'space', ownerId: space.id, visibility: 'staff' });
      await up('outcomeStaff', rapporteur.client, { ownerType: 'outcome', ownerId: dialogue.id, visibility: 'staff' });
    });

    const viewers: [string, () => { token?: string; manage?: string }][] = [
      ['anonymous', () => ({})],
      ['a registrant of this dialogue', () => ({ manage: myToken })],
      ['a registrant of another dialogue', () => ({ manage: otherToken })],
      ['the coordinator of this space', () => ({ token: coordinator.client.token })],
      ['the coordinator of another space', () => ({ token: otherCoordinator.client.token })],
      ['the rapporteur', () => ({ token: rapporteur.client.token })],
      ['an organizer', () => ({ token: organizer.token })],
    ];
    const expected: Record<string, string[]> = {
      anonymous: ['public'],
      'a registrant of this dialogue': ['public', 'registrants'],
      'a registrant of another dialogue': [],
      'the coordinator of this space': ['public', 'mySpaceStaff'],
      'the coordinator of another space': ['public'],
      'the rapporteur': ['public', 'outcomeStaff'],
      'an organizer': ['public', 'registrants', 'staff', 'mySpaceStaff', 'outcomeStaff'],
    };

    it.each(viewers)('%s reaches exactly the documents meant for them', async (who, viewer) => {
      const v = viewer();
      for (const [key, doc] of Object.entries(docs)) {
        const path = v.manage
          ? `/registrations/manage/${v.manage}/documents/${doc.id}/file`
          : `/documents/${doc.id}/file`;
        const res = await fetchFile(sut.baseUrl, path, v.token);
        const allowed = expected[who].includes(key);
        expect({ key, status: res.status }).toEqual({ key, status: allowed ? 200 : 404 });
        if (allowed) expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      }
      const list = v.manage
        ? await sut.api.get<DocumentView[]>(`/registrations/manage/${v.manage}/documents`)
        : await sut.api.withToken(v.token).get<DocumentView[]>(`/dialogues/${dialogue.id}/documents`);
      const listed = (list.body ?? []).filter?.((d) => Object.values(docs).some((x) => x.id === d.id)) ?? [];
      expect(listed.map((d) => Object.entries(docs).find(([, x]) => x.id === d.id)?.[0]).sort()).toEqual(
        v.manage && who.includes('another') ? [] : [...expected[who]].sort(),
      );
    });

    it('an unknown or malformed manage token reaches nothing (404)', async () => {
      expect((await sut.api.get(`/registrations/manage/${'x'.repeat(43)}/documents`)).status).toBe(404);
      const res = await fetchFile(sut.baseUrl, `/registrations/manage/nope/documents/${docs['registrants'].id}/file`);
      expect(res.status).toBe(404);
    });

    it('coordinators upload only to their own space; others get 403 and nothing is stored', async () => {
      const before = [await stored(), await rows(dialogue.id)];
      const mine = await uploadDocument(otherCoordinator.client, fields({ ownerType: 'space', ownerId: space.id }), {
        name: 'a.pdf',
        bytes: samples.pdf(),
      });
      expect(mine.status).toBe(403);
      const theirs = await uploadDocument(coordinator.client, fields({ ownerType: 'space', ownerId: otherSpace.id }), {
        name: 'a.pdf',
        bytes: samples.pdf(),
      });
      expect(theirs.status).toBe(403);
      const dialogueLevel = await uploadDocument(coordinator.client, fields(), { name: 'a.pdf', bytes: samples.pdf() });
      expect(dialogueLevel.status).toBe(403);
      expect([await stored(), await rows(dialogue.id)]).toEqual(before);
      expect((await otherCoordinator.client.delete(`/documents/${docs['public'].id}`)).status).toBe(403);
      expect((await otherCoordinator.client.delete(`/documents/${docs['mySpaceStaff'].id}`)).status).toBe(404);
    });

    it('anonymous visitors upload nothing (401)', async () => {
      expect((await uploadDocument(sut.api, fields(), { name: 'a.pdf', bytes: samples.pdf() })).status).toBe(401);
    });
  });

  describe('bad files: a clear problem, nothing stored', () => {
    const cases: [string, () => Promise<{ status: number; body: any }>, number, string][] = [
      [
        'a renamed Windows executable',
        async () =>
          uploadDocument(organizer, fields(), { name: 'report.pdf', bytes: samples.exe(), type: 'application/pdf' }),
        415,
        'unsupported-file-type',
      ],
      [
        'a renamed ELF binary',
        async () => uploadDocument(organizer, fields(), { name: 'notes.txt', bytes: samples.elf() }),
        415,
        'unsupported-file-type',
      ],
      [
        'a plain ZIP archive',
        async () => uploadDocument(organizer, fields(), { name: 'paper.docx', bytes: await samples.zip() }),
        415,
        'unsupported-file-type',
      ],
      [
        'an HTML page named .txt',
        async () => uploadDocument(organizer, fields(), { name: 'notes.txt', bytes: samples.html() }),
        422,
        'polyglot-file',
      ],
      [
        'a zip bomb dressed as a docx',
        async () => uploadDocument(organizer, fields(), { name: 'paper.docx', bytes: samples.zipBomb() }),
        422,
        'zip-bomb',
      ],
      [
        'a PDF with a ZIP glued on (polyglot)',
        async () => uploadDocument(organizer, fields(), { name: 'p.pdf', bytes: await samples.pdfZipPolyglot() }),
        422,
        'polyglot-file',
      ],
      [
        'a GIF that is also a page with a script (polyglot)',
        async () => uploadDocument(organizer, fields(), { name: 'p.gif', bytes: samples.gifScriptPolyglot() }),
        422,
        'polyglot-file',
      ],
      [
        'a file over MAX_UPLOAD_MB',
        async () => uploadDocument(organizer, fields(), { name: 'big.pdf', bytes: samples.bigPdf(3 * 1024 * 1024) }),
        413,
        'payload-too-large',
      ],
      [
        'an empty file',
        async () => uploadDocument(organizer, fields(), { name: 'e.pdf', bytes: Buffer.alloc(0) }),
        422,
        'empty-file',
      ],
      [
        'an unknown owner',
        async () =>
          uploadDocument(organizer, fields({ ownerId: randomUUID() }), { name: 'a.pdf', bytes: samples.pdf() }),
        422,
        'unknown-owner',
      ],
      [
        'an unknown space',
        async () =>
          uploadDocument(organizer, fields({ ownerType: 'space', ownerId: randomUUID() }), {
            name: 'a.pdf',
            bytes: samples.pdf(),
          }),
        422,
        'unknown-owner',
      ],
      [
        'a path in the file name',
        async () => uploadDocument(organizer, fields(), { name: '../../etc/cron.d/x.pdf', bytes: samples.pdf() }),
        400,
        'invalid-input',
      ],
      [
        'a Windows path in the file name',
        async () => uploadDocument(organizer, fields(), { name: 'C:\\Users\\x\\a.pdf', bytes: samples.pdf() }),
        400,
        'invalid-input',
      ],
      ['no file', async () => uploadDocument(organizer, fields()), 400, 'invalid-input'],
      [
        'two file parts',
        async () =>
          rawUpload(
            organizer,
            multipart(fields(), [
              { name: 'file', fileName: 'a.pdf', bytes: samples.pdf() },
              { name: 'file', fileName: 'b.pdf', bytes: samples.pdf() },
            ]),
          ),
        400,
        'invalid-input',
      ],
      [
        'a file in a part not named "file"',
        async () =>
          rawUpload(organizer, multipart(fields(), [{ name: 'attachment', fileName: 'a.pdf', bytes: samples.pdf() }])),
        400,
        'invalid-input',
      ],
      [
        'a title over its 300 characters',
        async () =>
          uploadDocument(organizer, fields({ 'title.en': 'x'.repeat(301) }), { name: 'a.pdf', bytes: samples.pdf() }),
        400,
        'invalid-input',
      ],
      [
        'a field over the multipart field limit (4,000 bytes)',
        async () =>
          uploadDocument(organizer, fields({ 'title.fr': 'é'.repeat(2500) }), { name: 'a.pdf', bytes: samples.pdf() }),
        400,
        'invalid-input',
      ],
      [
        'a JSON body instead of multipart',
        async () => {
          const res = await organizer.post('/documents', fields());
          return { status: res.status, body: res.body };
        },
        415,
        'multipart-required',
      ],
      [
        'a text/plain body',
        async () => rawUpload(organizer, { contentType: 'text/plain', body: Buffer.from('file=hello') }),
        415,
        'unsupported-media-type',
      ],
      [
        'a multipart body without its boundary parameter',
        async () =>
          rawUpload(organizer, {
            ...multipart(fields(), [{ name: 'file', fileName: 'a.pdf', bytes: samples.pdf() }]),
            contentType: 'multipart/form-data',
          }),
        400,
        'invalid-input',
      ],
      [
        'a truncated multipart body (no closing boundary)',
        async () => {
          const whole = multipart(fields(), [{ name: 'file', fileName: 'a.pdf', bytes: samples.pdf() }]);
          return rawUpload(organizer, { ...whole, body: whole.body.subarray(0, whole.body.length - 40) });
        },
        400,
        'invalid-input',
      ],
      [
        'an unknown document kind with a good file',
        async () => uploadDocument(organizer, fields({ kind: 'manifesto' }), { name: 'a.pdf', bytes: samples.pdf() }),
        400,
        'invalid-input',
      ],
      [
        'an unknown owner type',
        async () => uploadDocument(organizer, fields({ ownerType: 'planet' }), { name: 'a.pdf', bytes: samples.pdf() }),
        400,
        'invalid-input',
      ],
      [
        'an unknown field',
        async () => uploadDocument(organizer, fields({ isAdmin: 'true' }), { name: 'a.pdf', bytes: samples.pdf() }),
        400,
        'invalid-input',
      ],
      [
        'a bad kind',
        async () => uploadDocument(organizer, fields({ kind: 'poster' }), { name: 'a.pdf', bytes: samples.pdf() }),
        400,
        'invalid-input',
      ],
    ];

    it.each(cases)('%s', async (_what, send, status, slug) => {
      const before = {
        files: await stored(),
        rows: await rows(dialogue.id),
        spool: (await readdir(spool).catch(() => [])).length,
      };
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ status });
      expect(res.body.type).toMatch(new RegExp(`/${slug}$`));
      expect(typeof res.body.detail).toBe('string');
      const after = {
        files: await stored(),
        rows: await rows(dialogue.id),
        spool: (await readdir(spool).catch(() => [])).length,
      };
      expect(after).toEqual(before);
    });

    it('refuses multipart on a route that takes JSON (415)', async () => {
      const form = new FormData();
      form.append('email', 'a@b.cd');
      const res = await fetch(`${sut.baseUrl}/api/v1/auth/login`, { method: 'POST', body: form });
      expect(res.status).toBe(415);
    });
  });
});
