import { AgendaModule } from '@gfmd/api-agenda';
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule, OutboxService } from '@gfmd/api-mail';
import { OutcomesModule } from '@gfmd/api-outcomes';
import { PlatformModule } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DAY, DialogueFactory, TestApp, withEnv } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { ContributionView, Dialogue } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchFile, multipart, rawUpload } from '../../testing/document-upload';
import { samples } from '../../testing/sample-files';
import { DocumentsModule } from '../documents.module';

describe('Written contributions (integration)', () => {
  let sut: TestApp;
  let dir: string;
  let organizer: ApiClient;
  let admin: ApiClient;
  let coordinator: ApiClient;

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    sut.dataSource.query(sql, params) as Promise<T[]>;
  const body = (overrides: Record<string, unknown> = {}) => ({
    title: 'Portable social protection',
    text: 'Migrant workers lose their pension rights when they move. <script>alert(1)</script> We propose…',
    organization: 'Migrant Forum in Asia',
    stakeholderGroup: 'civil_society',
    email: `author-${randomUUID()}@example.org`,
    name: 'Amina Diallo',
    language: 'fr',
    consentToPublish: true,
    consent: true,
    ...overrides,
  });
  async function openDialogue(closesInDays = 7): Promise<Dialogue> {
    const d = await DialogueFactory.createPublished(organizer);
    const res = await organizer.request('PUT', `/dialogues/${d.id}/contribution-window`, {
      contributionsCloseAt: new Date(Date.now() + closesInDays * DAY).toISOString(),
    });
    if (res.status !== 200) throw new Error(`window: ${res.status} ${res.text}`);
    return d;
  }
  /** The confirmation link's token, as the author reads it in the email. */
  async function confirmToken(contributionId: string): Promise<string> {
    const [row] = await q<{ id: string }>(
      `SELECT id FROM outbound_emails WHERE kind = 'contribution_confirm' AND idempotency_key = $1`,
      [`contribution_confirm:${contributionId}`],
    );
    const content = await sut.app.get(OutboxService).contentOf(row.id);
    const match = /\/contributions\/confirm\/([A-Za-z0-9_-]{40,})/.exec(`${content?.text}`);
    if (!match) throw new Error(`no confirmation link: ${content?.text}`);
    return match[1];
  }
  async function submitConfirmed(d: Dialogue, overrides: Record<string, unknown> = {}) {
    const res = await sut.api.post(`/dialogues/${d.id}/contributions`, body(overrides));
    if (res.status !== 202) throw new Error(`submit: ${res.status} ${res.text}`);
    const confirmed = await sut.api.post(`/contributions/confirm/${await confirmToken(res.body.id)}`);
    if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status}`);
    return res.body.id as string;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gfmd-contrib-'));
    sut = await withEnv({ STORAGE_DIR: dir, MAX_UPLOAD_MB: '2', CONTRIBUTIONS_PER_ADDRESS_PER_DAY: '2' }, () =>
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
    admin = (await sut.staff('admin')).client;
    coordinator = (await sut.staff('coordinator')).client;
  });
  afterAll(async () => {
    await sut?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes none without a deadline, or after it (422)', async () => {
    const d = await DialogueFactory.createPublished(organizer);
    expect((await sut.api.post(`/dialogues/${d.id}/contributions`, body())).status).toBe(422);
    await organizer.request('PUT', `/dialogues/${d.id}/contribution-window`, {
      contributionsCloseAt: new Date(Date.now() - 1000).toISOString(),
    });
    const late = await sut.api.post(`/dialogues/${d.id}/contributions`, body());
    expect(late.status).toBe(422);
    expect(late.body.type).toMatch(/contributions-closed$/);
    expect(await q('SELECT 1 FROM contributions WHERE dialogue_id = $1', [d.id])).toHaveLength(0);
    expect((await sut.api.get(`/dialogues/${d.id}/contribution-window`)).body).toMatchObject({ open: false });
  });

  it('reaches the organizers only once the address is confirmed, by a link that works once', async () => {
    const d = await openDialogue();
    const res = await sut.api.post(`/dialogues/${d.id}/contributions`, body());
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'unconfirmed' });
    expect((await organizer.get(`/dialogues/${d.id}/contributions`)).body).toEqual([]);
    const [stored] = await q<{ confirm_token_hash: string | null }>(
      'SELECT confirm_token_hash FROM contributions WHERE id = $1',
      [res.body.id],
    );
    expect(stored.confirm_token_hash).toBeNull(); // minted when the email is sent, never before

    const token = await confirmToken(res.body.id);
    const [minted] = await q<{ confirm_token_hash: string }>(
      'SELECT confirm_token_hash FROM contributions WHERE id = $1',
      [res.body.id],
    );
    expect(minted.confirm_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(minted.confirm_token_hash).not.toContain(token);
    expect((await sut.api.post(`/contributions/confirm/${token}`)).status).toBe(200);
    expect((await sut.api.post(`/contributions/confirm/${token}`)).status).toBe(404);
    const list = (await organizer.get<ContributionView[]>(`/dialogues/${d.id}/contributions`)).body;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'submitted', email: expect.stringContaining('@example.org') });
    expect((await sut.api.get(`/dialogues/${d.id}/contributions`)).body).toEqual([]);
  });

  it('accepting makes it public (no address) and emails the author; a second decision is 409', async () => {
    const d = await openDialogue();
    const id = await submitConfirmed(d);
    expect((await coordinator.post(`/contributions/${id}/accept`, {})).status).toBe(403);
    const accepted = await organizer.post(`/contributions/${id}/accept`, { reason: 'Informs recommendation 3.' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect((await organizer.post(`/contributions/${id}/reject`, { reason: 'x' })).status).toBe(409);
    const pub = (await sut.api.get<ContributionView[]>(`/dialogues/${d.id}/contributions`)).body;
    expect(pub).toHaveLength(1);
    expect(pub[0]).not.toHaveProperty('email');
    expect(pub[0].text).toContain('<script>'); // stored as typed: every page shows it escaped
    const [mail] = await q<{ subject: string; language: string }>(
      `SELECT subject, language FROM outbound_emails WHERE idempotency_key = $1`,
      [`contribution_accepted:${id}`],
    );
    expect(mail).toMatchObject({ language: 'fr', subject: expect.stringContaining('acceptée') });
  });

  it('rejecting emails the reason', async () => {
    const d = await openDialogue();
    const id = await submitConfirmed(d, { language: 'es' });
    expect((await organizer.post(`/contributions/${id}/reject`, { reason: 'Fuera del tema.' })).status).toBe(200);
    const [row] = await q<{ id: string }>(`SELECT id FROM outbound_emails WHERE idempotency_key = $1`, [
      `contribution_rejected:${id}`,
    ]);
    const content = await sut.app.get(OutboxService).contentOf(row.id);
    expect(content?.text).toContain('Fuera del tema.');
    expect((await sut.api.get(`/dialogues/${d.id}/contributions`)).body).toEqual([]);
  });

  it('limits contributions per address (429)', async () => {
    const d = await openDialogue();
    const email = `busy-${randomUUID()}@example.org`;
    for (let i = 0; i < 2; i++)
      expect((await sut.api.post(`/dialogues/${d.id}/contributions`, body({ email }))).status).toBe(202);
    const third = await sut.api.post(`/dialogues/${d.id}/contributions`, body({ email: email.toUpperCase() }));
    expect(third.status).toBe(429);
  });

  it('takes a file (multipart); it stays private until the contribution is accepted', async () => {
    const d = await openDialogue();
    const form = new FormData();
    for (const [k, v] of Object.entries(body())) form.append(k, String(v));
    form.append('file', new Blob([new Uint8Array(samples.pdf())]), 'submission.pdf');
    const res = await fetch(`${sut.baseUrl}/api/v1/dialogues/${d.id}/contributions`, { method: 'POST', body: form });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await sut.api.post(`/contributions/confirm/${await confirmToken(id)}`);
    const [c] = (await organizer.get<ContributionView[]>(`/dialogues/${d.id}/contributions`)).body;
    expect(c.documentId).toEqual(expect.any(String));
    expect((await fetchFile(sut.baseUrl, `/documents/${c.documentId}/file`)).status).toBe(404);
    await organizer.post(`/contributions/${id}/accept`, {});
    const file = await fetchFile(sut.baseUrl, `/documents/${c.documentId}/file`);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(samples.pdf())).toBe(true);
  });

  it('refuses a bad file: no contribution, no document', async () => {
    const d = await openDialogue();
    const form = new FormData();
    for (const [k, v] of Object.entries(body())) form.append(k, String(v));
    form.append('file', new Blob([new Uint8Array(samples.exe())]), 'submission.pdf');
    const res = await fetch(`${sut.baseUrl}/api/v1/dialogues/${d.id}/contributions`, { method: 'POST', body: form });
    expect(res.status).toBe(415);
    expect(await q('SELECT 1 FROM contributions WHERE dialogue_id = $1', [d.id])).toHaveLength(0);
    expect(await q('SELECT 1 FROM documents WHERE dialogue_id = $1', [d.id])).toHaveLength(0);
  });

  it('refuses bad multipart bodies with a clear 4xx: no contribution, no document, no stored file', async () => {
    const d = await openDialogue();
    const fields = Object.fromEntries(Object.entries(body()).map(([k, v]) => [k, String(v)]));
    const pdf = { name: 'file', fileName: 'a.pdf', bytes: samples.pdf() };
    const path = `/dialogues/${d.id}/contributions`;
    const whole = multipart(fields, [pdf]);
    const cases: [string, { contentType: string; body: Buffer }, number][] = [
      ['two file parts', multipart(fields, [pdf, pdf]), 400],
      ['a file in a part not named "file"', multipart(fields, [{ ...pdf, name: 'upload' }]), 400],
      ['a title over 200 characters', multipart({ ...fields, title: 'x'.repeat(201) }, [pdf]), 400],
      ['a field over the 4,000-byte limit', multipart({ ...fields, text: 'x'.repeat(4001) }, [pdf]), 400],
      ['no boundary', { ...whole, contentType: 'multipart/form-data' }, 400],
      ['a body cut short', { ...whole, body: whole.body.subarray(0, whole.body.length - 40) }, 400],
      ['a file over MAX_UPLOAD_MB', multipart(fields, [{ ...pdf, bytes: samples.bigPdf(3 * 1024 * 1024) }]), 413],
      ['text/plain', { contentType: 'text/plain', body: Buffer.from('title=x') }, 415],
    ];
    const files = async () => (await readdir(dir).catch(() => [] as string[])).length;
    const before = await files();
    for (const [what, raw, status] of cases) {
      const res = await rawUpload(sut.api, raw, path);
      expect([what, res.status]).toEqual([what, status]);
      expect([what, res.body.status]).toEqual([what, status]);
      expect(typeof res.body.detail).toBe('string');
    }
    expect(await q('SELECT 1 FROM contributions WHERE dialogue_id = $1', [d.id])).toHaveLength(0);
    expect(await q('SELECT 1 FROM documents WHERE dialogue_id = $1', [d.id])).toHaveLength(0);
    expect(await files()).toBe(before);
  });

  it('refuses invalid input with 400 (no consent, unknown field, bad group)', async () => {
    const d = await openDialogue();
    for (const bad of [{ consent: false }, { isAdmin: true }, { stakeholderGroup: 'spies' }, { email: 'nope' }])
      expect((await sut.api.post(`/dialogues/${d.id}/contributions`, body(bad))).status).toBe(400);
  });

  it("is in the person's export, and erasure keeps only an accepted text with consent, attributed to the organization", async () => {
    const d = await openDialogue();
    const email = `erase-${randomUUID()}@example.org`;
    const kept = await submitConfirmed(d, { email, consentToPublish: true });
    await organizer.post(`/contributions/${kept}/accept`, {});
    const noConsent = await submitConfirmed(d, { email, consentToPublish: false, title: 'Second one' });
    await organizer.post(`/contributions/${noConsent}/accept`, {});
    const exported = await admin.get(`/participants/export?email=${encodeURIComponent(email)}`);
    expect(exported.status).toBe(200);
    expect(exported.body.contributions.map((c: ContributionView) => c.id).sort()).toEqual([kept, noConsent].sort());

    const erased = await admin.delete(`/participants?email=${encodeURIComponent(email)}`);
    expect(erased.status).toBe(200);
    expect(erased.body.other).toEqual({ contributions: 2 });
    const rows = await q<{ id: string; name: string | null; email: string | null; organization: string }>(
      'SELECT id, name, email, organization FROM contributions WHERE dialogue_id = $1',
      [d.id],
    );
    expect(rows).toEqual([{ id: kept, name: null, email: null, organization: 'Migrant Forum in Asia' }]);
    const pub = (await sut.api.get<ContributionView[]>(`/dialogues/${d.id}/contributions`)).body;
    expect(pub.map((c) => [c.id, c.name, c.organization])).toEqual([[kept, null, 'Migrant Forum in Asia']]);
    expect((await admin.get(`/participants/export?email=${encodeURIComponent(email)}`)).body.contributions).toEqual([]);
  });
});
