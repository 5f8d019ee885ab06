import { hasRtl, paragraphDirection, visualPieces, visualString, wrapLines } from './bidi';

describe('bidi for PDFs', () => {
  it('leaves text without right-to-left letters as it is', () => {
    expect(hasRtl('Amina Diallo')).toBe(false);
    expect(visualString('Amina Diallo (Ghana) 2026')).toBe('Amina Diallo (Ghana) 2026');
  });

  it('turns an Arabic line right to left, words and letters', () => {
    expect(paragraphDirection('محمد علي')).toBe('rtl');
    // Display order, left to right: the last word first, each word's letters turned.
    expect(visualString('محمد علي')).toBe('يلع دمحم');
    // PDFKit gets each word as written: fontkit turns its glyphs.
    expect(visualPieces('محمد علي').map((p) => [p.text, p.logical])).toEqual([
      ['علي', 2],
      [' ', 1],
      ['محمد', 0],
    ]);
  });

  it('keeps numbers and Latin words left to right inside Arabic, and mirrors brackets', () => {
    expect(visualString('الحوار 2026')).toBe('2026 راوحلا');
    expect(visualString('وفد GFMD Ghana')).toBe('GFMD Ghana دفو');
    expect(visualString('(محمد)')).toBe('(دمحم)');
    expect(visualString('رقم ١٢٣')).toBe('١٢٣ مقر');
  });

  it('puts an Arabic name inside a left-to-right line where it belongs', () => {
    expect(paragraphDirection('Dr. محمد علي')).toBe('ltr');
    expect(visualString('Dr. محمد علي, Geneva')).toBe('Dr. يلع دمحم, Geneva');
  });

  it('wraps in logical order before reordering each line', () => {
    const doc = { widthOfString: (s: string) => s.length };
    expect(wrapLines(doc, 'واحد اثنان ثلاثة أربعة', 12)).toEqual(['واحد اثنان', 'ثلاثة أربعة']);
  });
});
