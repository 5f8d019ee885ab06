import { hasRtl, paragraphDirection, readLigaturesInOrder, visualPieces, visualString, wrapLines } from './bidi';

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

  it('keeps a number with its separators and signs whole inside Arabic (times, dates, amounts, percentages)', () => {
    // Without UAX #9 W4–W5 "10:30" came out as "30:10" in an Arabic line.
    expect(visualString('الساعة 10:30')).toBe('10:30 ةعاسلا');
    expect(visualString('بتاريخ 2027-05-08')).toBe('2027-05-08 خيراتب');
    expect(visualString('نسبة 50% من 1,000.5')).toBe('1,000.5 نم 50% ةبسن');
    expect(visualString('المبلغ $100')).toBe('$100 غلبملا');
    expect(visualString('الساعة ١٠:٣٠')).toBe('١٠:٣٠ ةعاسلا');
    // A separator not between two numbers stays a neutral.
    expect(visualString('المادة 5: التعاون')).toBe('نواعتلا :5 ةداملا');
  });

  it('keeps Latin words and their numbers in one left-to-right stretch inside Arabic', () => {
    expect(visualString('مؤتمر GFMD 2027 في جنيف')).toBe('فينج يف GFMD 2027 رمتؤم');
    expect(visualString('منتدى Global Forum (GFMD) للهجرة')).toBe('ةرجهلل Global Forum (GFMD) ىدتنم');
    expect(visualString('(محمد) علي')).toBe('يلع (دمحم)');
    expect(visualString('Dr. (محمد) Ali')).toBe('Dr. (دمحم) Ali');
    // And the reverse: Arabic with its number inside an English line.
    expect(visualString('Session 3: الحوار 2027, Geneva')).toBe('Session 3: 2027 راوحلا, Geneva');
  });

  it('takes an explicit direction mark as the direction of a name that mixes scripts, and never draws it', () => {
    expect(paragraphDirection('Ali محمد')).toBe('ltr');
    expect(visualString('Ali محمد')).toBe('Ali دمحم');
    // RIGHT-TO-LEFT MARK (or ARABIC LETTER MARK) first: the name reads right to left.
    expect(paragraphDirection('\u200FAli محمد')).toBe('rtl');
    expect(visualString('\u200FAli محمد')).toBe('دمحم Ali');
    expect(paragraphDirection('\u061CAli محمد')).toBe('rtl');
    // LEFT-TO-RIGHT MARK first: left to right, though it starts with Arabic.
    expect(paragraphDirection('\u200Eمحمد Ali')).toBe('ltr');
    expect(visualString('\u200Eمحمد Ali')).toBe('دمحم Ali');
    expect(visualString('محمد Ali')).toBe('Ali دمحم');
    // Marks go through the bidi step (hasRtl) and are in no piece handed to PDFKit.
    expect(hasRtl('\u200FAli Hassan')).toBe(true);
    expect(visualPieces('\u200FAli محمد').map((p) => p.text)).toEqual(['محمد', ' ', 'Ali']);
    // Digits are not strong: a line starting with a year takes the direction of its first letter.
    expect(paragraphDirection('2027 الحوار')).toBe('rtl');
  });

  it('writes the lam-alef ligature’s text in the order extractors read back (its glyph stands for two letters)', () => {
    // A fake embedded font: encode() records what each new glyph stands for, as PDFKit's does.
    const font = {
      unicode: [[0]] as (number[] | undefined)[],
      encode(text: string) {
        for (const glyph of text === 'سلام' ? [[0x0633], [0x0644, 0x0627], [0x0645]] : [[0x66], [0x66, 0x69]])
          this.unicode.push(glyph);
        return [];
      },
    };
    readLigaturesInOrder(font);
    readLigaturesInOrder(font); // once only
    font.encode('سلام');
    font.encode('fi');
    // The ligature of right-to-left letters reversed; a Latin ligature (fi) as it was.
    expect(font.unicode.slice(1)).toEqual([[0x0633], [0x0627, 0x0644], [0x0645], [0x66], [0x66, 0x69]]);
    // A standard font (Helvetica: no unicode map) is left alone.
    expect(() => readLigaturesInOrder({ encode: () => [] })).not.toThrow();
  });

  it('wraps in logical order before reordering each line', () => {
    const doc = { widthOfString: (s: string) => s.length };
    expect(wrapLines(doc, 'واحد اثنان ثلاثة أربعة', 12)).toEqual(['واحد اثنان', 'ثلاثة أربعة']);
  });
});

describe('wrapLines with Chinese and Japanese', () => {
  const doc = { widthOfString: (s: string) => [...s].length };

  it('breaks between Han characters (no spaces there), never before closing punctuation', () => {
    expect(wrapLines(doc, '各国应加强劳工移民合作', 4)).toEqual(['各国应加', '强劳工移', '民合作']);
    expect(wrapLines(doc, '各国应加。强劳', 4)).toEqual(['各国应', '加。强劳']);
    // Latin words in between stay whole and keep their spaces.
    expect(wrapLines(doc, 'GFMD 论坛 Forum', 7)).toEqual(['GFMD 论坛', 'Forum']);
  });

  it('keeps Korean words whole (Korean puts spaces between words)', () => {
    expect(wrapLines(doc, '이주와 개발에 관한', 7)).toEqual(['이주와 개발에', '관한']);
  });
});
