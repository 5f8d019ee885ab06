import { SeedService } from '@gfmd/api-dialogues';
import { OutboxService } from '@gfmd/api-mail';
import { ApiClient, createTestApp, DialogueFactory, TestApp } from '@gfmd/api-testing';
import type { Dialogue } from '@gfmd/contracts';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';

jest.setTimeout(90_000);

/**
 * Text and page count of a PDF, read back with pdf-parse (pdf.js) in a child Node process (pdf.js
 * loads its worker with a dynamic import, which Jest's module system refuses).
 */
function parsePdf(data: Uint8Array): Promise<{ text: string; total: number }> {
  const script = `const { PDFParse } = require('pdf-parse');
    const chunks = []; process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const r = await new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) }).getText();
      process.stdout.write(JSON.stringify({ text: r.text, total: r.total }));
    });`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', script], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout) as { text: string; total: number }),
    );
    child.stdin?.end(Buffer.from(data));
  });
}

/** Words separated by any run of white space (pdf.js puts tabs between separately drawn words). */
const words = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Every output the server writes, in French and in Arabic (docs/i18n.md, "Outputs in Arabic"):
 * a problem, an email, the agenda .ics, the registrations CSV and a PDF (badges).
 */
describe('outputs in French and Arabic (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let dialogue: Dialogue;

  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    sut.dataSource.query(text, params) as Promise<T[]>;
  const register = async (over: Record<string, unknown>) => {
    const res = await sut.api.post(`/dialogues/${dialogue.id}/registrations`, {
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
    if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
    return res.body.id as string;
  };
  const confirmationOf = async (registrationId: string) => {
    const [row] = await q<{ id: string; language: string }>(
      "SELECT id, language FROM outbound_emails WHERE registration_id = $1 AND kind = 'confirmation'",
      [registrationId],
    );
    return { language: row.language, content: (await sut.app.get(OutboxService).contentOf(row.id))! };
  };
  const raw = async (path: string, client?: ApiClient) => {
    const res = await fetch(`${sut.baseUrl}/api/v1${path}`, {
      headers: client?.token ? { authorization: `Bearer ${client.token}` } : {},
    });
    return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    sut = await createTestApp([AppModule]);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    dialogue = await DialogueFactory.createPublished(organizer, { languages: ['ar', 'fr', 'en'] });
  });
  afterAll(() => sut.close());

  it('writes a problem (title, detail, field errors) in French and in Arabic, type and codes unchanged', async () => {
    const draft = await DialogueFactory.create(organizer);
    const fr = await organizer.post(`/dialogues/${draft.id}/conclude?lang=fr`);
    expect(fr.status).toBe(422);
    expect(fr.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(fr.headers.get('content-language')).toBe('fr');
    expect(fr.body).toMatchObject({
      type: 'https://gfmd-dialogues.org/problems/invalid-transition',
      title: 'Règle non respectée',
      detail: "Un dialogue à l'état « draft » ne peut pas être terminé.",
    });

    const ar = await organizer.post(`/dialogues/${draft.id}/conclude?lang=ar`);
    expect(ar.status).toBe(422);
    expect(ar.headers.get('content-language')).toBe('ar');
    expect(ar.body).toMatchObject({
      type: 'https://gfmd-dialogues.org/problems/invalid-transition',
      title: 'قاعدة غير مستوفاة',
      detail: 'لا يمكن اختتام حوار في الحالة «draft».',
    });
    // Accept-Language alone chooses Arabic too.
    const header = await organizer.request('POST', `/dialogues/${draft.id}/conclude`, undefined, {
      'Accept-Language': 'ar-EG, fr;q=0.5',
    });
    expect(header.body.detail).toBe('لا يمكن اختتام حوار في الحالة «draft».');

    const bad = await organizer.post('/dialogues?lang=ar', { title: 'x'.repeat(300) });
    expect(bad.status).toBe(400);
    expect(bad.body.title).toBe('طلب غير صالح');
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([{ field: 'title', code: 'maxLength', message: 'أدخل 200 حرفًا على الأكثر.' }]),
    );
    const missing = await sut.api.get(`/dialogues/${randomUUID()}?lang=ar`);
    expect(missing.body).toMatchObject({ status: 404, title: 'غير موجود', detail: 'لم يُعثر على الحوار.' });
  });

  it("writes a registrant's email in their language: French left to right, Arabic right to left (HTML and text)", async () => {
    const fr = await confirmationOf(await register({ preferredLanguage: 'fr' }));
    expect(fr.language).toBe('fr');
    expect(fr.content.subject).toBe(`Inscription confirmée : ${dialogue.title}`);
    expect(fr.content.html).toContain('<html lang="fr" dir="ltr">');
    expect(fr.content.text).toMatch(/^Bonjour Amina Diallo,/);

    // Stored with language 'ar' (the registrations' CHECK takes it), rendered in Arabic.
    const arId = await register({ firstName: 'محمد', lastName: 'بن راشد', preferredLanguage: 'ar' });
    const [stored] = await q<{ preferred_language: string }>(
      'SELECT preferred_language FROM registrations WHERE id = $1',
      [arId],
    );
    expect(stored.preferred_language).toBe('ar');
    const ar = await confirmationOf(arId);
    expect(ar.language).toBe('ar');
    expect(ar.content.subject).toBe(`تأكيد التسجيل: ${dialogue.title}`);
    expect(ar.content.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.content.html).toContain('<body dir="rtl"');
    expect(ar.content.html).toContain('text-align:right;');
    expect(ar.content.html).not.toContain('text-align:left;');
    expect(ar.content.html).toContain('تم تأكيد تسجيلك');
    // The plain-text part is Arabic too, the date written by Intl in Arabic, the link unchanged.
    expect(ar.content.text).toMatch(/^عزيزي\/عزيزتي محمد بن راشد،/);
    expect(ar.content.text).toContain(`شكرًا لتسجيلك. مقعدك في «${dialogue.title}» مؤكد`);
    const month = new Intl.DateTimeFormat('ar', { month: 'long', timeZone: 'Europe/Zurich' }).format(
      new Date(dialogue.startsAt),
    );
    expect(ar.content.text).toContain(`الموعد: `);
    expect(ar.content.text).toContain(month);
    expect(ar.content.text).toMatch(/عرض تسجيلي أو تعديله:\nhttps?:\/\/\S+\/manage\/[A-Za-z0-9_-]{40,}/);
  });

  it('writes the agenda .ics with its own words in French and Arabic, UTF-8 lines folded at 75 octets', async () => {
    const startsAt = new Date(dialogue.startsAt);
    // Long Arabic text, so lines fold inside it (two octets a letter in UTF-8).
    const description = `${'جلسة حوار حول هجرة اليد العاملة والعمل اللائق في المنطقة العربية. '.repeat(6)}النهاية`;
    const item = await organizer.post(`/dialogues/${dialogue.id}/agenda-items`, {
      title: 'الجلسة الافتتاحية: الهجرة والتنمية المستدامة في العالم العربي وما بعده',
      kind: 'opening',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      description,
      speakers: [{ name: 'محمد بن راشد', role: 'moderator' }],
    });
    expect(item.status).toBe(201);

    for (const [lang, moderator] of [
      ['fr', 'Modération'],
      ['ar', 'إدارة الجلسة'],
    ] as const) {
      const res = await raw(`/dialogues/${dialogue.id}/agenda.ics?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar; charset=utf-8/);
      // Every physical line: at most 75 octets, and valid UTF-8 by itself (a fold never splits a character).
      const bytes = Buffer.from(res.bytes);
      const lines: Buffer[] = [];
      for (let start = 0; start < bytes.length;) {
        const end = bytes.indexOf('\r\n', start);
        lines.push(bytes.subarray(start, end < 0 ? bytes.length : end));
        start = end < 0 ? bytes.length : end + 2;
      }
      const strict = new TextDecoder('utf-8', { fatal: true });
      for (const line of lines) {
        expect(line.length).toBeLessThanOrEqual(75);
        expect(() => strict.decode(line)).not.toThrow();
      }
      expect(lines.some((l) => l[0] === 0x20 && /[\u0600-\u06FF]/.test(strict.decode(l)))).toBe(true);
      // Unfolded (RFC 5545 §3.1), the Arabic reads back whole, and the server's own word is the reader's.
      const text = strict.decode(bytes).replace(/\r\n[ \t]/g, '');
      expect(text).toContain('SUMMARY:الجلسة الافتتاحية: الهجرة والتنمية المستدامة في العالم العربي وما بعده');
      expect(text).toContain(`DESCRIPTION:${description.replace(/,/g, '\\,')}\\n\\n${moderator}: محمد بن راشد`);
    }
  });

  it('writes the registrations CSV in French and Arabic, UTF-8 with a byte-order mark', async () => {
    await register({ firstName: 'فاطمة', lastName: 'الزهراء', preferredLanguage: 'ar' });
    const fr = await raw(`/dialogues/${dialogue.id}/registrations.csv?lang=fr`, organizer);
    expect(fr.status).toBe(200);
    expect(fr.headers.get('content-language')).toBe('fr');
    expect([...fr.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const frText = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(fr.bytes);
    expect(frText).toMatch(/^Identifiant,Statut,E-mail,/);
    expect(frText).toContain(',Confirmée,');
    expect(frText).toContain(',arabe,');

    const ar = await raw(`/dialogues/${dialogue.id}/registrations.csv?lang=ar`, organizer);
    expect(ar.status).toBe(200);
    expect(ar.headers.get('content-language')).toBe('ar');
    expect([...ar.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = new TextDecoder('utf-8', { fatal: true }).decode(ar.bytes).split('\r\n');
    expect(header).toMatch(/^المعرّف,الحالة,البريد الإلكتروني,اللقب,الاسم الأول,اسم العائلة,/);
    const fatima = rows.find((r) => r.includes('فاطمة'))!;
    expect(fatima).toContain(',مؤكد,');
    expect(fatima).toContain(',المجتمع المدني,');
    expect(fatima).toContain(',العربية,');
  });

  it('prints badges with French words and with an Arabic name and group, the Arabic text extracted in reading order', async () => {
    const d = await DialogueFactory.createPublished(organizer, { languages: ['ar', 'fr'] });
    const arId = await sut.api.post(`/dialogues/${d.id}/registrations`, {
      email: `p-${randomUUID()}@example.org`,
      firstName: 'محمد',
      lastName: 'بن راشد',
      organization: 'منظمة العمل العربية',
      stakeholderGroup: 'civil_society',
      country: 'EG',
      preferredLanguage: 'ar',
      consent: true,
    });
    expect(arId.status).toBe(201);
    const frId = await sut.api.post(`/dialogues/${d.id}/registrations`, {
      email: `p-${randomUUID()}@example.org`,
      firstName: 'Amina',
      lastName: 'Diallo',
      organization: 'Migrant Forum',
      stakeholderGroup: 'civil_society',
      country: 'SN',
      preferredLanguage: 'fr',
      consent: true,
    });
    expect(frId.status).toBe(201);

    const res = await raw(`/dialogues/${d.id}/badges.pdf?layout=single`, organizer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const { text, total } = await parsePdf(res.bytes);
    expect(total).toBe(2);
    const read = words(text);
    expect(read).toContain('SOCIÉTÉ CIVILE');
    expect(read).toContain('Amina Diallo');
    // pdf.js reads each drawn word in logical order; the words are drawn in reading order, so the
    // name and the group read as written (not reversed, not shuffled).
    expect(read).toContain('محمد بن راشد');
    expect(read).toContain('المجتمع المدني');
    expect(read).not.toContain('راشد بن محمد');
  });
});
