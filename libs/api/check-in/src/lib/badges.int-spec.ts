// Badge and certificate PDFs (real PostgreSQL), parsed back: the names are in the text, the page
// count matches the layout, filters choose who is printed; a certificate only for
// the checked-in once the dialogue has ended, verified publicly with name, dialogue and dates only.
import { AuthModule } from '@gfmd/api-auth';
import { DelegationsModule } from '@gfmd/api-delegations';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule, OutboxService } from '@gfmd/api-mail';
import { HAN_EXTRA_FONT_PACKAGE, PlatformModule, pdfFontFiles } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import {
  createTestApp,
  DialogueFactory,
  InformalSessionFactory,
  parsePdf,
  pdfGlyphs,
  TestApp,
  unprintedCharacters,
} from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { Dialogue } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { CheckInModule } from './check-in.module';

const MODULES = [
  PlatformModule,
  AuthModule,
  MailModule,
  DialoguesModule,
  SpacesModule,
  RegistrationsModule,
  DelegationsModule,
  CheckInModule,
];

describe('badges and certificates (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let sessionId: string;

  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    sut.dataSource.query(text, params) as Promise<T[]>;
  const pdf = async (client: ApiClient, path: string) => {
    const res = await fetch(`${sut.baseUrl}/api/v1${path}`, {
      headers: client.token ? { authorization: `Bearer ${client.token}` } : {},
    });
    const data = new Uint8Array(await res.arrayBuffer());
    if (res.status !== 200) return { status: res.status, text: Buffer.from(data).toString(), total: 0 };
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return { status: res.status, ...(await parsePdf(data)) };
  };
  const register = async (d: Dialogue, over: Record<string, unknown> = {}) => {
    const res = await sut.api.post(`/dialogues/${d.id}/registrations`, {
      email: `p-${randomUUID()}@example.org`,
      firstName: 'Ana',
      lastName: 'Pérez',
      organization: 'Cities Alliance',
      stakeholderGroup: 'local_authority',
      country: 'MX',
      preferredLanguage: 'es',
      consent: true,
      ...over,
    });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
    return res.body.id as string;
  };
  const manageToken = async (registrationId: string) => {
    const [row] = await q<{ id: string }>(
      "SELECT id FROM outbound_emails WHERE registration_id = $1 AND kind = 'confirmation'",
      [registrationId],
    );
    const email = await sut.app.get(OutboxService).contentOf(row.id);
    return /\/manage\/([A-Za-z0-9_-]{40,})/.exec(`${email?.text}`)![1];
  };

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    sessionId =
      (await organizer.get('/informal-sessions')).body[0]?.id ?? (await InformalSessionFactory.create(organizer)).id;
  });
  afterAll(() => sut.close());

  it('prints the confirmed participants of a dialogue, 8 per A4 sheet or one per page', async () => {
    const d = await DialogueFactory.createPublished(organizer, { informalSessionId: sessionId, capacity: 10 });
    const names = Array.from({ length: 10 }, (_, i) => `Name${String.fromCharCode(65 + i)}`);
    for (const lastName of names) await register(d, { lastName });
    const waiting = await register(d, { lastName: 'Waiting' });
    expect((await q<{ status: string }>('SELECT status FROM registrations WHERE id = $1', [waiting]))[0].status).toBe(
      'waitlisted',
    );

    const sheets = await pdf(organizer, `/dialogues/${d.id}/badges.pdf`);
    expect(sheets.status).toBe(200);
    expect(sheets.total).toBe(2);
    for (const n of names) expect(sheets.text).toContain(n);
    expect(sheets.text).not.toContain('Waiting');
    expect(sheets.text).toContain('AUTORIDAD LOCAL');
    expect(sheets.text).toContain(d.title);

    const single = await pdf(organizer, `/dialogues/${d.id}/badges.pdf?layout=single&stakeholderGroup=local_authority`);
    expect(single.total).toBe(10);
    expect((await pdf(organizer, `/dialogues/${d.id}/badges.pdf?stakeholderGroup=government`)).total).toBe(1);
    const waitlisted = await pdf(organizer, `/dialogues/${d.id}/badges.pdf?status=waitlisted&layout=single`);
    expect(waitlisted.total).toBe(1);
    expect(waitlisted.text).toContain('Waiting');

    const one = await pdf(organizer, `/registrations/${waiting}/badge.pdf`);
    expect(one.total).toBe(1);
    expect((await pdf(organizer, `/dialogues/${d.id}/badges.pdf?layout=poster`)).status).toBe(400);
    expect((await pdf(sut.api, `/dialogues/${d.id}/badges.pdf`)).status).toBe(401);
  });

  it('prints under the QR the desk code of the manage page, and a reissued one after a reissue', async () => {
    const d = await DialogueFactory.createPublished(organizer, { informalSessionId: sessionId });
    const id = await register(d, { lastName: 'Deskcode' });
    const other = await register(d, { lastName: 'Neighbour' });
    const token = await manageToken(id);
    const { deskCode } = (await sut.api.get(`/registrations/manage/${token}`)).body as { deskCode: string };
    expect(deskCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const neighbour = (await sut.api.get(`/registrations/manage/${await manageToken(other)}`)).body.deskCode;

    for (const layout of ['single', 'a4']) {
      const one = await pdf(organizer, `/registrations/${id}/badge.pdf?layout=${layout}`);
      expect([layout, one.text]).toEqual([layout, expect.stringContaining(deskCode)]);
      expect(one.text).not.toContain(neighbour);
    }
    const sheet = await pdf(organizer, `/dialogues/${d.id}/badges.pdf`);
    expect(sheet.text).toContain(deskCode);
    expect(sheet.text).toContain(neighbour);

    const reissued = await organizer.post(`/registrations/${id}/check-in-code/reissue`, {});
    expect(reissued.status).toBe(200);
    expect(reissued.body.deskCode).not.toBe(deskCode);
    const again = await pdf(organizer, `/dialogues/${d.id}/badges.pdf`);
    expect(again.text).toContain(reissued.body.deskCode);
    expect(again.text).not.toContain(deskCode);
  });

  it('prints a delegation member’s role and delegation (through the delegations’ port), in their language', async () => {
    const d = await DialogueFactory.createPublished(organizer, {
      informalSessionId: sessionId,
      capacity: 10,
      languages: ['fr', 'en'],
    });
    const delegation = await organizer.post(`/dialogues/${d.id}/delegations`, {
      name: 'République du Ghana',
      stakeholderGroup: 'government',
      country: 'GH',
      seats: 2,
      focalPointEmail: `fp-${randomUUID()}@example.org`,
    });
    expect(delegation.status).toBe(201);
    const head = await register(d, { lastName: 'Mensah', stakeholderGroup: 'government', country: 'GH' });
    const plain = await register(d, { lastName: 'Sola' });
    // Set up as the focal point's page would (that flow is libs/api/delegations' to test).
    await q(
      `INSERT INTO delegation_members (registration_id, delegation_id, role) VALUES ($1, $2, 'head_of_delegation')`,
      [head, delegation.body.id],
    );
    // The role line is in the badge holder's language (as the group band), wrapped if long.
    const words = (text: string) => text.replace(/\s+/g, ' ');
    const one = await pdf(organizer, `/registrations/${head}/badge.pdf`);
    expect(words(one.text)).toContain('Jefe/a de delegación · République du Ghana');
    const all = await pdf(organizer, `/dialogues/${d.id}/badges.pdf`);
    expect(words(all.text)).toContain('Jefe/a de delegación · République du Ghana');
    expect((await pdf(organizer, `/registrations/${plain}/badge.pdf`)).text).not.toContain('delegación');
  });

  it('prints Chinese and Russian names and titles (the CJK font for Han runs, DejaVu for Cyrillic), in a PDF of sane size', async () => {
    const d = await DialogueFactory.createPublished(organizer, {
      informalSessionId: sessionId,
      capacity: 10,
      title: '移民与发展对话 2027',
    });
    const chinese = await register(d, {
      firstName: '小明',
      lastName: '王',
      organization: '中国移民研究中心',
      country: 'CN',
    });
    const russian = await register(d, { firstName: 'Иван', lastName: 'Петров', organization: 'Фонд «Миграция»' });
    const flat = (text: string) => text.replace(/\s+/g, '');

    const one = await fetch(`${sut.baseUrl}/api/v1/registrations/${chinese}/badge.pdf`, {
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    const bytes = new Uint8Array(await one.arrayBuffer());
    // Subset embedding: the glyphs used, not the 8 MB font file.
    expect(bytes.length).toBeLessThan(150_000);
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans/);
    const read = await parsePdf(bytes);
    expect(flat(read.text)).toContain('小明王'); // given name, family name (as every badge)
    expect(flat(read.text)).toContain('中国移民研究中心');
    expect(flat(read.text)).toContain('移民与发展对话2027');

    const sheet = await pdf(organizer, `/dialogues/${d.id}/badges.pdf`);
    expect(sheet.status).toBe(200);
    expect(sheet.text).toContain('Иван Петров');
    expect(sheet.text).toContain('Фонд «Миграция»');
    expect(flat(sheet.text)).toContain('小明王');
    expect((await pdf(organizer, `/registrations/${russian}/badge.pdf`)).text).toContain('Иван Петров');

    // Arabic with the lam-alef ligature (لا) reads back in order ("السلام", not "السالم"), and a
    // time in an Arabic organization name keeps its digits in order.
    const arabic = await register(d, {
      firstName: 'عبد السلام',
      lastName: 'الأحمد',
      organization: 'مجلس العلاقات 10:30',
    });
    const ar = await pdf(organizer, `/registrations/${arabic}/badge.pdf`);
    const words = ar.text.replace(/\s+/g, ' ');
    expect(words).toContain('عبد السلام الأحمد');
    expect(words).not.toContain('السالم');
    expect(words).toContain('مجلس العلاقات 10:30');
  });

  it('prints a text mixing Korean, rare Han, Chinese, Arabic, Russian and English whole, each character in a font that has its glyph', async () => {
    // 𠀀 (U+20000, CJK Extension B) is in neither Noto font: HanaMinB (Debian's fonts-hanazono) prints it.
    const sample = '한국어 䶮 龘 𠀀 中文 العربية Русский English';
    const d = await DialogueFactory.createPublished(organizer, {
      informalSessionId: sessionId,
      capacity: 10,
      title: sample,
    });
    const mixed = await register(d, { firstName: '김민준', lastName: '王 Иванов', organization: sample });
    const plainDialogue = await DialogueFactory.createPublished(organizer, {
      informalSessionId: sessionId,
      capacity: 10,
    });
    const latin = await register(plainDialogue, {
      firstName: 'Amina',
      lastName: 'Diallo',
      organization: 'Cities Alliance',
    });
    const bytes = async (id: string) => {
      const res = await fetch(`${sut.baseUrl}/api/v1/registrations/${id}/badge.pdf`, {
        headers: { authorization: `Bearer ${organizer.token}` },
      });
      expect(res.status).toBe(200);
      return new Uint8Array(await res.arrayBuffer());
    };
    const files = pdfFontFiles();
    const fontFiles = [files.unicode, files.cjk, files.kr, files.han].flatMap((f) => (f ? [f.regular, f.bold] : []));
    expect(files.kr).not.toBeNull(); // the Korean font is installed (npm @embedpdf/fonts-kr)
    expect([HAN_EXTRA_FONT_PACKAGE, files.han]).not.toEqual([HAN_EXTRA_FONT_PACKAGE, null]); // install it (docs/i18n.md)

    const badge = await bytes(mixed);
    // No .notdef (an empty box), every character drawn, each by a font whose file has its glyph.
    expect(unprintedCharacters(badge, `${sample} 김민준 王 Иванов`, fontFiles)).toEqual([]);
    const byFont = Object.fromEntries(pdfGlyphs(badge).map((u) => [u.name, u.text]));
    expect(byFont['NotoSansKR-Regular']).toContain('한국어');
    expect(byFont['NotoSansHans-Regular']).toContain('䶮');
    expect(byFont['HanaMinB']).toContain('𠀀');
    expect(byFont['DejaVuSans']).toContain('Русский');
    // And it reads back (pdf.js): each word as written.
    const { text } = await parsePdf(badge);
    for (const word of ['한국어', '䶮', '龘', '𠀀', '中文', 'العربية', 'Русский', 'English', '김민준'])
      expect(text).toContain(word);
    expect(badge.length).toBeLessThan(200_000);

    // A badge in Latin letters embeds no CJK font: it is the size it was.
    const plain = await bytes(latin);
    expect(Buffer.from(plain).toString('latin1')).not.toMatch(/\/BaseFont \/[A-Z]{6}\+Noto/);
    expect(plain.length).toBeLessThan(20_000);
  });

  it('gives a certificate to a checked-in participant after the dialogue, verifiable with name, dialogue and dates only', async () => {
    const d = await DialogueFactory.createPublished(organizer, { informalSessionId: sessionId });
    const present = await register(d, { firstName: 'Chidi', lastName: 'Okafor', preferredLanguage: 'en' });
    const absent = await register(d, { firstName: 'Absent' });
    const token = await manageToken(present);
    const code = (await sut.api.get(`/registrations/manage/${token}`)).body.checkInCode;
    expect((await organizer.post('/check-in/scan', { code })).status).toBe(200);

    const early = await pdf(sut.api, `/registrations/manage/${token}/certificate.pdf`);
    expect(early.status).toBe(422);
    // The dialogue took place yesterday.
    await q(
      `UPDATE dialogues SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 day' WHERE id = $1`,
      [d.id],
    );
    const cert = await pdf(sut.api, `/registrations/manage/${token}/certificate.pdf`);
    expect(cert.status).toBe(200);
    expect(cert.text).toContain('Chidi Okafor');
    const flat = cert.text.replace(/\s+/g, '');
    expect(flat).toContain(d.title.replace(/\s+/g, ''));
    const certCode = /certificates\/(K1[A-Za-z0-9_-]{38})/.exec(flat)?.[1];
    expect(certCode).toBeDefined();

    const verified = await sut.api.get(`/certificates/${certCode}`);
    expect(verified.status).toBe(200);
    expect(Object.keys(verified.body).sort()).toEqual(['dialogue', 'name', 'valid']);
    expect(verified.body).toMatchObject({ valid: true, name: 'Chidi Okafor', dialogue: { title: d.title } });
    expect(Object.keys(verified.body.dialogue).sort()).toEqual(['endsAt', 'startsAt', 'timeZone', 'title']);

    const forged = certCode!.slice(0, -2) + (certCode!.endsWith('AA') ? 'BA' : 'AA');
    expect((await sut.api.get(`/certificates/${forged}`)).status).toBe(404);
    expect((await sut.api.get(`/certificates/not-a-code`)).status).toBe(404);
    expect((await pdf(sut.api, `/registrations/manage/${await manageToken(absent)}/certificate.pdf`)).status).toBe(422);
    expect((await pdf(sut.api, `/registrations/manage/${'x'.repeat(43)}/certificate.pdf`)).status).toBe(404);
  });
});
