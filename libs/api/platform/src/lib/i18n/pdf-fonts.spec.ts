import { pdfFontFiles, pdfFontFor, pdfFontRuns, registerPdfFonts } from './pdf-fonts';

/** A stand-in for a PDFKit document: records what is registered. */
const fakeDoc = () => {
  const fonts = new Map<string, string>();
  return { fonts, registerFont: (name: string, src: string) => fonts.set(name, src) };
};

describe('pdf fonts', () => {
  const files = pdfFontFiles();

  it('finds DejaVu Sans, Noto Sans Hans and Noto Sans KR on this system', () => {
    expect(files.unicode?.regular).toMatch(/DejaVuSans\.ttf$/);
    expect(files.cjk?.regular).toMatch(/NotoSansHans-Regular\.otf$/);
    expect(files.kr?.regular).toMatch(/NotoSansKR-Regular\.otf$/);
    expect(files.kr?.bold).toMatch(/NotoSansKR-Bold\.otf$/);
  });

  it('registers the base, the Chinese and the Korean font of each name', () => {
    const doc = fakeDoc();
    registerPdfFonts(doc, { regular: 'regular', bold: 'bold' }, { unicode: true });
    expect(doc.fonts.get('regular')).toBe(files.unicode?.regular);
    expect(doc.fonts.get('bold-cjk')).toBe(files.cjk?.bold);
    expect(doc.fonts.get('bold-kr')).toBe(files.kr?.bold);
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

  it('sends a character its preferred font lacks to one that has it, and a character no font has to the preferred one', () => {
    const doc = fakeDoc();
    registerPdfFonts(doc, { regular: 'regular' }, { unicode: true });
    // ㈱ (parenthesized ideograph stock, a symbol of no script): not in DejaVu, in the CJK fonts.
    expect(pdfFontRuns(doc, 'regular', 'Tokyo ㈱')).toEqual([
      { font: 'regular', text: 'Tokyo ' },
      { font: 'regular-cjk', text: '㈱' },
    ]);
    // U+20000 (CJK Extension B): in none of the fonts (docs/i18n.md); set in the Chinese font, an empty box.
    expect(pdfFontRuns(doc, 'regular', '𠀀')).toEqual([{ font: 'regular-cjk', text: '𠀀' }]);
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
