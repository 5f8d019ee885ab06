import { ListObjectsV2Command } from '@aws-sdk/client-s3';
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
import type { Dialogue } from '@gfmd/contracts';
import { fetchFile, uploadDocument } from '../testing/document-upload';
import { EICAR, startFakeClamd } from '../testing/fake-clamd';
import { startS3TestServer, type S3TestServer } from '../testing/s3-test-server';
import { samples } from '../testing/sample-files';
import { DocumentsModule } from './documents.module';
import { S3Storage, parseStorageUrl } from './storage/s3.storage';

/** Documents on an S3-protocol server (s3rver, in-process), scanned by a clamd (a fake one speaking INSTREAM). */
describe('Documents on S3, scanned by clamd (integration)', () => {
  let s3: S3TestServer;
  let clamd: Awaited<ReturnType<typeof startFakeClamd>>;
  let sut: TestApp;
  let organizer: ApiClient;
  let dialogue: Dialogue;

  const objects = async () =>
    (await new S3Storage(parseStorageUrl(s3.url)).client.send(new ListObjectsV2Command({ Bucket: s3.bucket })))
      .KeyCount ?? 0;
  const rows = async () =>
    Number(
      (await sut.dataSource.query('SELECT count(*)::int AS n FROM documents WHERE dialogue_id = $1', [dialogue.id]))[0]
        .n,
    );
  const fields = {
    ownerType: 'dialogue',
    kind: 'minutes',
    visibility: 'public',
    language: 'fr',
    title: 'Compte rendu',
  };

  beforeAll(async () => {
    s3 = await startS3TestServer();
    clamd = await startFakeClamd();
    sut = await withEnv({ STORAGE_URL: s3.url, CLAMAV_HOST: clamd.host, CLAMAV_PORT: String(clamd.port) }, () =>
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
    dialogue = await DialogueFactory.createPublished(organizer);
  });
  afterAll(async () => {
    await sut?.close();
    await clamd?.close();
    await s3?.close();
  });

  it('scans, stores in the bucket and streams back', async () => {
    const bytes = samples.pdf();
    const res = await uploadDocument(organizer, { ...fields, ownerId: dialogue.id }, { name: 'cr.pdf', bytes });
    expect(res.status).toBe(201);
    expect(res.body.title).toEqual({ fr: 'Compte rendu' });
    expect(clamd.scanned.at(-1)).toBe(bytes.length);
    expect(await objects()).toBe(1);
    const file = await fetchFile(sut.baseUrl, `/documents/${res.body.id}/file`);
    expect(file.bytes.equals(bytes)).toBe(true);
    expect((await organizer.delete(`/documents/${res.body.id}`)).status).toBe(204);
    expect(await objects()).toBe(0);
  });

  it('refuses a file the scanner reports (422): nothing in the bucket, no row', async () => {
    const before = await rows();
    const res = await uploadDocument(
      organizer,
      { ...fields, ownerId: dialogue.id },
      { name: 'eicar.txt', bytes: Buffer.from(EICAR) },
    );
    expect(res.status).toBe(422);
    expect(res.body.type).toMatch(/infected-file$/);
    expect(await objects()).toBe(0);
    expect(await rows()).toBe(before);
  });

  it('refuses with 503 while the scanner is down, storing nothing', async () => {
    await clamd.close();
    const before = await rows();
    const res = await uploadDocument(
      organizer,
      { ...fields, ownerId: dialogue.id },
      { name: 'a.pdf', bytes: samples.pdf() },
    );
    expect(res.status).toBe(503);
    expect(await objects()).toBe(0);
    expect(await rows()).toBe(before);
  });
});
