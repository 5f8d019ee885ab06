import { simpleParser } from 'mailparser';
import { addressHeader, asciiDomain, buildMimeMessage, encodeWords, type MimeInput } from './mime-message.util';

const input = (overrides: Partial<MimeInput> = {}): MimeInput => ({
  from: addressHeader('GFMD Dialogues <no-reply@gfmd.local>'),
  to: 'ana@example.org',
  subject: 'Invitation : « Dialogue sur la migration » – مرحبا',
  text: 'Bonjour Ana,\n\nVous êtes invitée.\nhttps://gfmd.local/fr/invitations/decline/abc\n',
  html: '<p>Bonjour Ana, vous êtes invitée. <a href="https://gfmd.local/fr/invitations/decline/abc">Décliner</a></p>',
  headers: {
    'X-GFMD-Kind': 'invitation',
    'List-Unsubscribe': '<https://gfmd.local/api/v1/invitations/decline/abc>',
    'X-Note': 'déjà vu',
  },
  messageId: '<0d6f0a56-2b8c-4d4f-9a59-6b7b7c1a2e3f@gfmd.local>',
  date: new Date('2026-12-06T18:00:00Z'),
  attachments: [],
  boundary: '----=_gfmd_0d6f0a562b8c4d4f9a596b7b7c1a2e3f',
  ...overrides,
});

describe('buildMimeMessage', () => {
  it('is read back by a mail parser as the same email', async () => {
    const sut = buildMimeMessage(input());
    const parsed = await simpleParser(sut.raw);

    expect(sut.envelope).toEqual({ from: 'no-reply@gfmd.local', to: ['ana@example.org'] });
    expect(parsed.subject).toBe(input().subject);
    expect(parsed.from?.value).toEqual([{ name: 'GFMD Dialogues', address: 'no-reply@gfmd.local' }]);
    expect(parsed.messageId).toBe(input().messageId);
    expect(parsed.date?.toISOString()).toBe('2026-12-06T18:00:00.000Z');
    expect(parsed.text).toBe(input().text);
    expect(parsed.html).toBe(input().html);
    expect(sut.raw.toString()).toContain(
      '\r\nList-Unsubscribe: <https://gfmd.local/api/v1/invitations/decline/abc>\r\n',
    );
    // An RFC 2047 encoded word (mail parsers decode them in known headers only).
    expect(sut.raw.toString()).toContain(`\r\nX-Note: =?UTF-8?B?${Buffer.from('déjà vu').toString('base64')}?=\r\n`);
    expect(parsed.headers.get('x-gfmd-kind')).toBe('invitation');
    expect(parsed.attachments).toEqual([]);
  });

  it('writes body lines of 76 characters at most, and ends every line with CRLF', () => {
    const raw = buildMimeMessage(input({ text: 'é'.repeat(5000), html: `<p>${'x'.repeat(5000)}</p>` })).raw.toString();
    const body = raw.slice(raw.indexOf('\r\n\r\n') + 4).split('\r\n');

    expect(
      body.filter((line) => !line.startsWith('Content-') && !line.startsWith('--')).every((l) => l.length <= 76),
    ).toBe(true);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('puts attachments beside the text and HTML parts (multipart/mixed)', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nSUMMARY:Réunion\r\nEND:VCALENDAR\r\n';
    const parsed = await simpleParser(
      buildMimeMessage(
        input({
          attachments: [
            { filename: 'dialogue.ics', contentType: 'text/calendar; method=PUBLISH', content: ics },
            { filename: 'ordre du jour é.ics', contentType: 'text/calendar', content: ics },
          ],
        }),
      ).raw,
    );

    expect(parsed.text).toBe(input().text);
    expect(parsed.html).toBe(input().html);
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString('utf8')])).toEqual([
      ['dialogue.ics', 'text/calendar', ics],
      ['ordre du jour é.ics', 'text/calendar', ics],
    ]);
  });

  it('encodes display names and words that are not plain ASCII', async () => {
    expect(addressHeader('no-reply@gfmd.local')).toEqual({
      header: 'no-reply@gfmd.local',
      address: 'no-reply@gfmd.local',
    });
    expect(addressHeader('"GFMD, Dialogues" <a@b.org>').header).toBe('"GFMD, Dialogues" <a@b.org>');
    const parsed = await simpleParser(
      buildMimeMessage(input({ from: addressHeader('Forum mondial — GFMD <a@b.org>') })).raw,
    );
    expect(parsed.from?.value).toEqual([{ name: 'Forum mondial — GFMD', address: 'a@b.org' }]);
    // 45 bytes of text at most per word: never a character cut in two.
    const words = encodeWords('ع'.repeat(100)).split('\r\n ');
    expect(words.length).toBeGreaterThan(4);
    expect(words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('')).toBe('ع'.repeat(100));
  });

  it('writes an international domain in ASCII (IDNA), as nodemailer did', () => {
    expect(asciiDomain('ana@bücher.example')).toBe('ana@xn--bcher-kva.example');
    expect(asciiDomain('ana@example.org')).toBe('ana@example.org');
  });
});
