import { readFileSync } from 'node:fs';
import {
  HAN_EXTRA_FONT,
  HAN_EXTRA_FONT_PACKAGE,
  pdfFontFiles,
  pdfFontFor,
  pdfFontRuns,
  registerPdfFonts,
} from './pdf-fonts';

/** A stand-in for a PDFKit document: records what is registered. */
const fakeDoc = () => {
  const fonts = new Map<string, string | Buffer>();
  return { fonts, registerFont: (name: string, src: string | Buffer) => fonts.set(name, src) };
};

describe('pdf fonts', () => {
  const files = pdfFontFiles();

  it('finds DejaVu Sans, Noto Sans Hans, Noto Sans KR and HanaMinB on this system', () => {
    expect(files.unicode?.regular).toMatch(/DejaVuSans\.ttf$/);
    expect(files.cjk?.regular).toMatch(/NotoSansHans-Regular\.otf$/);
    expect(files.kr?.regular).toMatch(/NotoSansKR-Regular\.otf$/);
    expect(files.kr?.bold).toMatch(/NotoSansKR-Bold\.otf$/);
    // A system package, not an npm one: CI installs it (.ci/setup-fonts.sh); a test that skipped
    // without it would pass while names print as empty boxes.
    if (!files.han)
      throw new Error(
        `${HAN_EXTRA_FONT} is missing: install Debian's ${HAN_EXTRA_FONT_PACKAGE} (apt-get install ${HAN_EXTRA_FONT_PACKAGE}; docs/i18n.md)`,
      );
    expect(files.han).toEqual({ regular: HAN_EXTRA_FONT, bold: HAN_EXTRA_FONT });
  });

  it('registers the base, the Chinese and the Korean font of each name, and HanaMinB once', () => {
    const doc = fakeDoc();
    registerPdfFonts(doc, { regular: 'regular', bold: 'bold' }, { unicode: true });
    expect(doc.fonts.get('regular')).toBe(files.unicode?.regular);
    expect(doc.fonts.get('bold-cjk')).toBe(files.cjk?.bold);
    expect(doc.fonts.get('bold-kr')).toBe(files.kr?.bold);
    // HanaMinB has one weight, registered once (under the first name).
    expect(doc.fonts.get('regular-han')).toBe(HAN_EXTRA_FONT);
    expect(doc.fonts.has('bold-han')).toBe(false);
    const latin = fakeDoc();
    registerPdfFonts(latin, { body: 'regular' }, { unicode: false });
    expect(latin.fonts.get('body')).toBe('Helvetica');
  });

  it('cuts a text mixing the scripts into runs, each in a font that has its glyphs', () => {
    const doc = fakeDoc();
    registerPdfFonts(doc, { regular: 'regular' }, { unicode: true });
    expect(pdfFontRuns(doc, 'regular', '한국어 䶮 龘 中文 العربية Русский English')).toEqual([
      { font: 'regular-kr', text: '한국어 ' },
      { font: 'regular-cjk', text: '䶮 龘 中文 ' },
      { font: 'regular', text: 'العربية Русский English' },
    ]);
    // Digits and punctuation stay with the run around them; Latin letters in a Chinese name go to the base font.
    expect(pdfFontRuns(doc, 'regular', '移民与发展对话 2027')).toEqual([
      { font: 'regular-cjk', text: '移民与发展对话 2027' },
    ]);
    expect(pdfFontRuns(doc, 'regular', '王小明 (Ivan)')).toEqual([
      { font: 'regular-cjk', text: '王小明 (' },
      { font: 'regular', text: 'Ivan)' },
    ]);
    // Latin, Cyrillic or Arabic alone: one run in the base font (PDFKit draws it as before).
    expect(pdfFontRuns(doc, 'regular', 'Иван Петров, محمد')).toEqual([{ font: 'regular', text: 'Иван Петров, محمد' }]);
    // Japanese kana are in the Chinese font (Noto Sans Hans has them).
    expect(pdfFontRuns(doc, 'regular', 'すずき')).toEqual([{ font: 'regular-cjk', text: 'すずき' }]);
  });

  it('sends a character its preferred font lacks to one that has it', () => {
    const doc = fakeDoc();
    registerPdfFonts(doc, { regular: 'regular' }, { unicode: true });
    // ㈱ (parenthesized ideograph stock, a symbol of no script): not in DejaVu, in the CJK fonts.
    expect(pdfFontRuns(doc, 'regular', 'Tokyo ㈱')).toEqual([
      { font: 'regular', text: 'Tokyo ' },
      { font: 'regular-cjk', text: '㈱' },
    ]);
  });

  it('sets Han ideographs beyond the Noto fonts (Extension B and later) in HanaMinB, and only them', () => {
    const doc = fakeDoc();
    registerPdfFonts(doc, { regular: 'regular', bold: 'bold' }, { unicode: true });
    // U+20000 and U+2123D (CJK Extension B, plane 2): in neither Noto font.
    expect(pdfFontRuns(doc, 'regular', '𠀀')).toEqual([{ font: 'regular-han', text: '𠀀' }]);
    expect(pdfFontRuns(doc, 'bold', '陳𠀀𡈽明 (Chan) 2027')).toEqual([
      { font: 'bold-cjk', text: '陳' },
      { font: 'regular-han', text: '𠀀𡈽' },
      { font: 'bold-cjk', text: '明 (' },
      { font: 'bold', text: 'Chan) 2027' },
    ]);
    expect(pdfFontFor('bold', '𠀀 Chan', doc)).toBe('regular-han');
    // Its character map read, the next documents get its bytes rather than its path (PDFKit would
    // read the 30 MB file for each).
    const next = fakeDoc();
    registerPdfFonts(next, { regular: 'regular' }, { unicode: true });
    const bytes = next.fonts.get('regular-han');
    expect(Buffer.isBuffer(bytes) && bytes.equals(readFileSync(HAN_EXTRA_FONT))).toBe(true);
    expect(next.fonts.get('regular-cjk')).toBe(files.cjk?.regular);
    // A symbol no font has stays where it was (an empty box), without asking HanaMinB.
    expect(pdfFontRuns(doc, 'regular', 'Ana \u{1FAE8}')).toEqual([{ font: 'regular', text: 'Ana \u{1FAE8}' }]);
  });

  it('without HanaMinB, sets them in the Chinese font as before and warns once, without the text', () => {
    let warn: jest.SpyInstance | undefined;
    let warnings: unknown[][] = [];
    try {
      // A fresh copy of the module (and of its Logger) that finds no HanaMinB.
      jest.isolateModules(() => {
        jest.doMock('node:fs', () => {
          const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
          return { ...fs, existsSync: (path: string) => path !== HAN_EXTRA_FONT && fs.existsSync(path) };
        });
        const { Logger } = require('@nestjs/common') as typeof import('@nestjs/common');
        warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
        const fonts = require('./pdf-fonts') as typeof import('./pdf-fonts');
        expect(fonts.pdfFontFiles().han).toBeNull();
        const doc = fakeDoc();
        fonts.registerPdfFonts(doc, { regular: 'regular' }, { unicode: true });
        expect(doc.fonts.has('regular-han')).toBe(false);
        expect(fonts.pdfFontRuns(doc, 'regular', '陳𠀀𡈽明')).toEqual([{ font: 'regular-cjk', text: '陳𠀀𡈽明' }]);
        expect(fonts.pdfFontRuns(doc, 'regular', '𠀀')).toEqual([{ font: 'regular-cjk', text: '𠀀' }]);
      });
    } finally {
      jest.dontMock('node:fs');
      warnings = [...(warn?.mock.calls ?? [])];
      warn?.mockRestore();
    }
    expect(warnings).toHaveLength(1);
    const message = String(warnings[0][0]);
    expect(message).toContain(HAN_EXTRA_FONT_PACKAGE);
    expect(message).not.toMatch(/[\u{20000}-\u{3FFFF}陳明]/u);
  });

  it('in a Helvetica document, sends what Helvetica cannot print to a font that can', () => {
    const doc = fakeDoc();
    registerPdfFonts(doc, { body: 'regular' }, { unicode: false });
    expect(pdfFontRuns(doc, 'body', 'Café – “GFMD” 2027')).toEqual([{ font: 'body', text: 'Café – “GFMD” 2027' }]);
    expect(pdfFontRuns(doc, 'body', 'Forum 한국')).toEqual([
      { font: 'body', text: 'Forum ' },
      { font: 'body-kr', text: '한국' },
    ]);
  });

  it('names the font a one-font text is set in (the line height of a mixed one)', () => {
    expect(pdfFontFor('bold', 'Amina Diallo')).toBe('bold');
    expect(pdfFontFor('bold', '王小明')).toBe('bold-cjk');
    expect(pdfFontFor('bold', '김민준')).toBe('bold-kr');
    expect(pdfFontFor('bold', 'Dr. 김민준 王')).toBe('bold-kr');
  });
});
