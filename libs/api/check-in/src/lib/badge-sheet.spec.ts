import QRCode from 'qrcode';
import { inflateSync } from 'node:zlib';
import type { CheckInCard } from '@gfmd/api-registrations';
import { HAN_EXTRA_FONT_PACKAGE, pdfFontFiles } from '@gfmd/api-platform';
import { parsePdf, pdfGlyphs, unprintedCharacters } from '@gfmd/api-testing';
import { BadgeSheet, drawQr, newPdf } from './badge-sheet';
import type { BadgeLayout } from './check-in.dto';

/** The decompressed content streams of a PDF. */
function contentStreams(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream (a font, an image)
    }
  }
  return out.join('\n');
}

describe(drawQr.name, () => {
  it('draws exactly the modules of the QR code of the text, the right way up', async () => {
    const code = `C1${'Zm9vYmFy'.repeat(6)}`;
    const doc = newPdf('A4', { title: 'qr' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((r) => doc.on('end', r));
    doc.addPage();
    const [x, y, size] = [100, 200, 99];
    drawQr(doc, code, x, y, size);
    doc.end();
    await ended;

    const expected = QRCode.create(code, { errorCorrectionLevel: 'M' }).modules;
    const n = expected.size;
    const cell = size / (n + 4);
    const grid = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
    const runs = [...contentStreams(Buffer.concat(chunks)).matchAll(/^([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re$/gm)]
      .map((m) => m.slice(1, 5).map(Number))
      .filter(([, , w]) => w < size); // the white background is the one full-size rectangle
    for (const [rx, ry, w] of runs) {
      const row = Math.round((ry - y) / cell) - 2;
      const col = Math.round((rx - x) / cell) - 2;
      for (let k = 0; k < Math.round(w / cell); k++) grid[row][col + k] = true;
    }
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) expect([r, c, grid[r][c]]).toEqual([r, c, !!expected.get(r, c)]);
    }
  });
});

describe(BadgeSheet.name, () => {
  const card = (firstName: string, lastName: string): CheckInCard => ({
    id: 'r1',
    dialogueId: 'd1',
    title: null,
    firstName,
    lastName,
    organization: 'Cities Alliance',
    country: 'MX',
    stakeholderGroup: 'local_authority',
    preferredLanguage: 'en',
    status: 'confirmed',
    checkedInAt: null,
    spaces: [],
  });
  /** A one-badge PDF. */
  async function badgePdf(c: CheckInCard, layout: BadgeLayout): Promise<Buffer> {
    const sheet = BadgeSheet.create(layout, { title: 'Dialogue', dates: '8 May 2026' });
    const chunks: Buffer[] = [];
    sheet.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((r) => sheet.doc.on('end', r));
    sheet.add(c, { checkInCode: 'C1code', deskCode: 'K7Q4-XM2P' });
    sheet.end();
    await ended;
    return Buffer.concat(chunks);
  }
  /** The lines of text of a one-badge PDF, as pdf.js reads them back. */
  async function badgeLines(c: CheckInCard, layout: BadgeLayout): Promise<string[]> {
    const { text } = await parsePdf(await badgePdf(c, layout));
    return text.split('\n').map((line) => line.trim());
  }

  // Too long for one line at 16 pt in the name's width (134 pt on A4 sheets, 155 pt on a 4 × 3
  // inch badge): two lines, broken at a space or between CJK characters. The name's font sets
  // the line height, taller for CJK fonts (a box of 40 pt held one line of them).
  it.each([
    ['Latin', 'Alexandra', 'Montgomery'],
    ['Chinese and Latin', '王小明', 'Montgomery'],
    ['Korean and Cyrillic', '김민준', 'Константинова'],
    ['Chinese between Latin words', 'Li Wei', '王小明 Chen'],
    ['Japanese', 'アレクサンドラ', 'モンゴメリー'],
  ])('prints a %s name too long for one line whole on two lines, without "…"', async (_, first, last) => {
    for (const layout of ['single', 'a4'] as const) {
      const text = await badgeLines(card(first, last), layout);
      // The band, the dialogue's title and dates, the name, then the organization.
      const name = text.slice(3, 5);
      expect([layout, text[5]]).toEqual([layout, 'Cities Alliance']);
      expect([layout, name.join(' ').replace(/\s+/g, '')]).toEqual([layout, `${first}${last}`.replace(/\s+/g, '')]);
      expect(name.every((line) => line.length > 0 && !line.includes('…'))).toBe(true);
    }
  });

  // The API refuses bidi controls in names; a row written before that rule (or by hand) is printed
  // without them, so that "moc.live" is not shown as "evil.com".
  it('prints a name without the bidi overrides or isolates a row may still hold', async () => {
    for (const layout of ['single', 'a4'] as const) {
      const pdf = await badgePdf(card('Ana \u2067محمد\u2069', '\u202Emoc.live\u202C'), layout);
      // The glyphs drawn, by font: before, the controls came out as empty boxes (.notdef) and
      // pdf.js's text extraction hid them.
      const uses = pdfGlyphs(pdf);
      expect([layout, uses.map((u) => u.notdef)]).toEqual([layout, uses.map(() => 0)]);
      expect([layout, /[\u202A-\u202E\u2066-\u2069]/.test(uses.map((u) => u.text).join(''))]).toEqual([layout, false]);
      expect([layout, (await parsePdf(pdf)).text]).toEqual([layout, expect.stringContaining('moc.live')]);
    }
  });

  // Han beyond Extension A (planes 2 and 3), common in names from Hong Kong and Taiwan: in neither
  // Noto font, printed from HanaMinB (Debian's fonts-hanazono; before it, two empty boxes).
  it('prints a name with Han ideographs of Extension B (U+20000, U+2123D) with real glyphs', async () => {
    const files = pdfFontFiles();
    if (!files.han) throw new Error(`HanaMinB is missing: install Debian's ${HAN_EXTRA_FONT_PACKAGE} (docs/i18n.md)`);
    const fontFiles = [files.unicode, files.cjk, files.kr, files.han].flatMap((f) => (f ? [f.regular, f.bold] : []));
    for (const layout of ['single', 'a4'] as const) {
      const pdf = await badgePdf(card('𠀀𡈽', '陳 Chan'), layout);
      // No .notdef (an empty box), every character drawn, each by a font whose file has its glyph.
      expect([layout, unprintedCharacters(pdf, '𠀀𡈽 陳 Chan', fontFiles)]).toEqual([layout, []]);
      const byFont = Object.fromEntries(pdfGlyphs(pdf).map((u) => [u.name, u.text]));
      expect([layout, byFont['HanaMinB']]).toEqual([layout, '𠀀𡈽']);
      expect((await parsePdf(pdf)).text).toContain('𠀀𡈽');
    }
  });
});
