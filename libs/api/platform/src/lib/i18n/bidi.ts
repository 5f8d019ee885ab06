/**
 * Right-to-left text in PDFs (PDFKit 0.20 + fontkit).
 *
 * fontkit shapes Arabic (initial, medial, final and isolated forms, lam-alef) when the font has
 * the glyphs (DejaVu Sans has them) and lays out each string it is given in the direction of its
 * script: an Arabic string comes out with its glyphs right to left. But PDFKit hands it one word at
 * a time and puts the words left to right in the order they come, and nothing reorders a line
 * that mixes Arabic with Latin words or numbers. So a line is reordered here first, a small
 * version of the Unicode Bidirectional Algorithm (UAX #9) that is enough for names, titles and
 * labels: no explicit embeddings (the API refuses them, see `IsPlainText`), numbers kept left to
 * right with their separators and signs ("10:30", "50%"), pairs of brackets kept with what they
 * hold, neutrals between two runs of one direction take it, others the paragraph's; mirrored
 * brackets swapped inside right-to-left runs; direction marks (LRM, RLM, ALM) set the direction
 * of a name and are never drawn.
 *
 * `visualPieces` gives the pieces of one line in display order, left to right, each ready for
 * PDFKit (an Arabic word as written, which fontkit turns right to left; everything else already in
 * display order). `drawBidiText` wraps a paragraph into lines (in logical order) and draws each
 * line's pieces; text without any right-to-left letter is drawn by PDFKit as before.
 */

/** Letters of right-to-left scripts (Hebrew, Arabic and its supplements, Syriac, Thaana, N'Ko…, presentation forms). */
const RTL_LETTER = /[\u0590-\u05FF\u0600-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Arabic-Indic and extended Arabic-Indic digits: numbers, read left to right, though fontkit would turn them. */
const ARABIC_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/;
const LTR_STRONG = /[\p{L}\p{Nd}]/u;
const DIGIT = /\p{Nd}/u;
const MARK = /[\p{M}\u200C\u200D]/u;
const SPACE = /\s/;
/**
 * Explicit direction marks (allowed in names, unlike embeddings and isolates): LEFT-TO-RIGHT MARK
 * is a strong left-to-right letter, RIGHT-TO-LEFT MARK and ARABIC LETTER MARK strong right-to-left
 * ones (UAX #9 BD, classes L, R and AL). They set the direction of a name that mixes scripts
 * ("\u200FAli محمد" reads right to left) and are never drawn (fonts have no glyph for them).
 */
const LRM = '\u200E';
const RTL_MARK = /[\u200F\u061C]/;
const DIRECTION_MARKS = /[\u200E\u200F\u061C]/g;
/** Separators inside a number (UAX #9 ES and CS): "10:30", "1,000.5", "2026-05-08", "3/4". */
const NUMBER_SEPARATOR = /^[+\-,.:/\u066B\u066C]$/;
/** Terminators next to a number (UAX #9 ET): "50 %", "$100", "30°". */
const NUMBER_TERMINATOR = /^[#$%°±‰‱′″\u066A\p{Sc}]+$/u;

const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
};

export type TextDirection = 'ltr' | 'rtl';

/**
 * Whether a text holds a right-to-left letter or a direction mark (so needs the steps here to
 * display: marks are not drawn).
 */
export const hasRtl = (text: string): boolean => RTL_LETTER.test(text) || /[\u200E\u200F\u061C]/.test(text);

/** The direction of a paragraph: that of its first strong letter (UAX #9 P2–P3), `fallback` without one. */
export function paragraphDirection(text: string, fallback: TextDirection = 'ltr'): TextDirection {
  for (const char of text) {
    if (RTL_LETTER.test(char) || RTL_MARK.test(char)) return 'rtl';
    if (char === LRM || (LTR_STRONG.test(char) && !DIGIT.test(char))) return 'ltr';
  }
  return fallback;
}

/** UAX #9 classes, simplified: right-to-left letters, other letters, European and Arabic digits, neutrals, spaces. */
type Kind = 'R' | 'L' | 'EN' | 'AN' | 'N' | 'WS';

const kindOf = (char: string): Kind =>
  SPACE.test(char)
    ? 'WS'
    : ARABIC_DIGIT.test(char)
      ? 'AN'
      : RTL_LETTER.test(char) || RTL_MARK.test(char)
        ? 'R'
        : DIGIT.test(char)
          ? 'EN'
          : LTR_STRONG.test(char) || char === LRM
            ? 'L'
            : 'N';

/** A run of characters of one kind; a bracket is a run of its own, with the direction N0 gives its pair. */
interface Run {
  kind: Kind;
  text: string;
  bracket?: 'open' | 'close';
  forced?: TextDirection;
}

const OPENING = '([{';
const CLOSING = ')]}';

/**
 * UAX #9 N0, for one paragraph level: a pair of brackets takes the paragraph's direction when it
 * holds a letter of that direction; else the other direction when it holds one of those and the
 * text before it is of that direction too ("منتدى Global Forum (GFMD)": the brackets stay with
 * GFMD); else the usual rules. Numbers count as right to left.
 */
function resolveBrackets(runs: Run[], direction: TextDirection): void {
  const strongOf = (run: Run): TextDirection | null =>
    run.forced ??
    (run.kind === 'L' ? 'ltr' : run.kind === 'R' || run.kind === 'AN' || run.kind === 'EN' ? 'rtl' : null);
  const pairs: [number, number][] = [];
  const open: number[] = [];
  runs.forEach((run, i) => {
    if (run.bracket === 'open') open.push(i);
    else if (run.bracket === 'close') {
      const want = OPENING[CLOSING.indexOf(run.text)];
      const at = open.map((j) => runs[j].text).lastIndexOf(want);
      if (at >= 0) {
        pairs.push([open[at], i]);
        open.length = at;
      }
    }
  });
  for (const [o, c] of pairs.sort((a, b) => a[0] - b[0])) {
    const inside = runs.slice(o + 1, c).map(strongOf);
    let dir: TextDirection | undefined;
    if (inside.includes(direction)) dir = direction;
    else {
      const other: TextDirection = direction === 'rtl' ? 'ltr' : 'rtl';
      if (inside.includes(other)) {
        let before: TextDirection = direction;
        for (let j = o - 1; j >= 0; j--) {
          const strong = strongOf(runs[j]);
          if (strong) {
            before = strong;
            break;
          }
        }
        dir = before === other ? other : direction;
      }
    }
    if (dir) runs[o].forced = runs[c].forced = dir;
  }
}

/**
 * UAX #9 W4–W5, for the runs here: a single separator between two numbers of one kind joins them
 * ("10:30", "1,000", "٣/٤"), and terminators next to European digits are part of the number
 * ("50%", "$100"). Without this, the pieces of "10:30" in an Arabic line would come out as "30:10".
 */
function joinNumbers(runs: Run[]): Run[] {
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    if (run.kind !== 'N') continue;
    const before = runs[i - 1]?.kind;
    const after = runs[i + 1]?.kind;
    if (before && before === after && (before === 'EN' || before === 'AN') && NUMBER_SEPARATOR.test(run.text)) {
      if (before === 'EN' || run.text !== '-') run.kind = before;
    } else if ((before === 'EN' || after === 'EN') && NUMBER_TERMINATOR.test(run.text)) run.kind = 'EN';
  }
  const joined: Run[] = [];
  for (const run of runs) {
    const last = joined[joined.length - 1];
    if (last && last.kind === run.kind && !last.bracket && !run.bracket) last.text += run.text;
    else joined.push({ ...run });
  }
  return joined;
}

export interface VisualPiece {
  /** What to hand to PDFKit (empty for a space). */
  text: string;
  /** Whitespace: only advances the pen. */
  space: boolean;
  /** Its place in the line's logical (reading) order, for drawing in that order. */
  logical: number;
  /** Laid out right to left by fontkit itself (Arabic script: a word, or Arabic-Indic digits handed over turned). */
  rtl: boolean;
}

/**
 * The pieces of one line in display order, left to right. Logical `text`, one line (no wrapping
 * here); `direction` is the paragraph's (by default its first strong letter's).
 */
export function visualPieces(text: string, direction: TextDirection = paragraphDirection(text)): VisualPiece[] {
  // 1. Runs of one kind (a combining mark or a joiner stays with what it follows); numbers with
  //    their separators and terminators.
  const chars: Run[] = [];
  for (const char of text) {
    const last = chars[chars.length - 1];
    const bracket = OPENING.includes(char) ? 'open' : CLOSING.includes(char) ? 'close' : undefined;
    const kind = last && MARK.test(char) ? last.kind : kindOf(char);
    if (bracket) chars.push({ kind, text: char, bracket });
    else if (last && last.kind === kind && !last.bracket) last.text += char;
    else chars.push({ kind, text: char });
  }
  const runs = joinNumbers(chars);
  // 2. European digits after a left-to-right letter (or at the start of a left-to-right
  //    paragraph) are left-to-right text (UAX #9 W7).
  let previous: TextDirection = direction;
  for (const run of runs) {
    if (run.kind === 'R' || run.kind === 'AN') previous = 'rtl';
    else if (run.kind === 'L') previous = 'ltr';
    else if (run.kind === 'EN' && previous === 'ltr') run.kind = 'L';
  }
  resolveBrackets(runs, direction);
  // 3. Neutrals and spaces take the direction of the runs on both sides when they agree (numbers
  //    count as right to left here), else the paragraph's (UAX #9 N1–N2).
  const strong = (i: number, step: 1 | -1): TextDirection => {
    for (let j = i + step; j >= 0 && j < runs.length; j += step) {
      const { kind: k, forced } = runs[j];
      if (forced) return forced;
      if (k === 'R' || k === 'AN' || k === 'EN') return 'rtl';
      if (k === 'L') return 'ltr';
    }
    return direction;
  };
  const resolved: TextDirection[] = runs.map((run, i) => {
    if (run.kind === 'R') return 'rtl';
    if (run.kind === 'L' || run.kind === 'EN' || run.kind === 'AN') return 'ltr';
    if (run.forced) return run.forced;
    const before = strong(i, -1);
    return before === strong(i, 1) ? before : direction;
  });
  // 4. Levels (UAX #9 I1–I2): right-to-left text odd; numbers two above an even paragraph level
  //    and one above an odd one; left-to-right text one above an odd level.
  const base = direction === 'rtl' ? 1 : 0;
  const levels = runs.map((run, i) => {
    if (run.kind === 'EN' || run.kind === 'AN') return 2;
    if (resolved[i] === 'rtl') return 1;
    return base === 1 ? 2 : 0;
  });
  // 5. Reorder (UAX #9 L2): from the highest level down to the lowest odd one, reverse every
  //    stretch at that level or above.
  const order = runs.map((_, i) => i);
  const max = Math.max(0, ...levels);
  for (let level = max; level >= 1; level--) {
    for (let i = 0; i < order.length;) {
      if (levels[order[i]] < level) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < order.length && levels[order[j + 1]] >= level) j++;
      order.splice(i, j - i + 1, ...order.slice(i, j + 1).reverse());
      i = j + 1;
    }
  }
  // 6. Pieces: an Arabic run is handed over as written (fontkit turns it); Arabic-Indic digits
  //    pre-turned (fontkit turns them as Arabic script); neutrals in a right-to-left run turned
  //    here (fontkit leaves them) with mirrored brackets swapped.
  const pieces: VisualPiece[] = [];
  for (const i of order) {
    const run = { ...runs[i], text: runs[i].text.replace(DIRECTION_MARKS, '') };
    if (!run.text) continue;
    const rtl = resolved[i] === 'rtl';
    const logical = i;
    if (run.kind === 'WS') {
      for (const char of run.text) pieces.push({ text: char, space: true, rtl, logical });
      continue;
    }
    if (run.kind === 'R') {
      pieces.push({ text: [...run.text].map((c) => MIRRORED[c] ?? c).join(''), space: false, rtl: true, logical });
    } else if (run.kind === 'AN') {
      pieces.push({ text: [...run.text].reverse().join(''), space: false, rtl: true, logical });
    } else if (run.kind === 'N' && rtl) {
      const text = [...run.text]
        .reverse()
        .map((c) => MIRRORED[c] ?? c)
        .join('');
      pieces.push({ text, space: false, rtl: false, logical });
    } else {
      pieces.push({ text: run.text, space: false, rtl: false, logical });
    }
  }
  return pieces;
}

/**
 * The characters of a line in display order (left to right), for tests and for readers that
 * want it: the same reordering as `visualPieces`, with the Arabic runs turned as fontkit turns them.
 */
export function visualString(text: string, direction?: TextDirection): string {
  return visualPieces(text, direction)
    .map((p) => (p.space ? ' ' : p.rtl ? [...p.text].reverse().join('') : p.text))
    .join('');
}

/** What `drawBidiText` needs of a PDFKit document (so this file does not import PDFKit). */
export interface BidiPdf {
  x: number;
  y: number;
  /** PDFKit's current font (an embedded font has `encode` and `unicode`; see `readLigaturesInOrder`). */
  _font?: unknown;
  /** PDFKit's current font size. */
  _fontSize?: number;
  /** Sets a registered font (PDFKit's `font`); used when the text is set in several fonts. */
  font?(name: string): unknown;
  widthOfString(text: string): number;
  currentLineHeight(includeGap?: boolean): number;
  text(text: string, x?: number, y?: number, options?: Record<string, unknown>): this;
}

export interface BidiTextOptions {
  width: number;
  /** Where lines sit: `start` is the paragraph's start side (right for Arabic). Default `start`. */
  align?: 'start' | 'end' | 'left' | 'right' | 'center';
  /** The paragraph's direction; by default its first strong letter's. */
  direction?: TextDirection;
  /** At most so many lines; the last one ends with an ellipsis when text is left over. */
  maxLines?: number;
  /** Extra space between lines (PDFKit's lineGap). */
  lineGap?: number;
  /** PDFKit options passed on for each piece (link, underline…). */
  pieceOptions?: Record<string, unknown>;
  /**
   * Where the page's text ends, and how to get a new page (returns the y to go on at): a line that
   * would pass `bottom` goes to a new page, as PDFKit's own text does.
   */
  pageBreak?: { bottom: number; newPage: () => number };
  /**
   * A text that needs several fonts (Chinese with Arabic, Korean with Russian…; platform's
   * pdf-fonts.ts): `primary` is the font set for the paragraph (its line height and baseline),
   * `runs` cuts a text into runs by font. Each run is measured and drawn in its font, on the
   * primary font's baseline.
   */
  fonts?: { primary: string; runs(text: string): { font: string; text: string }[] };
}

/** An embedded PDFKit font: `unicode[glyph]` is what its ToUnicode map gives for each glyph. */
interface EmbeddedFont {
  encode(...args: unknown[]): unknown;
  unicode: (number[] | undefined)[];
  gfmdLigaturesInOrder?: true;
}

/**
 * A ligature of right-to-left letters (lam-alef, لا) is one glyph for two letters. PDFKit writes
 * its ToUnicode entry in reading order (lam, alef), and text extractors (pdf.js), which turn a
 * right-to-left run back into reading order character by character, then read "ال": "سلام" came
 * out as "سالم". So the entry of such a glyph is written reversed, and reads back as written.
 * Applies to the font's glyphs first used from now on (each glyph's entry is set once).
 */
export function readLigaturesInOrder(font: unknown): void {
  const f = font as Partial<EmbeddedFont> | undefined;
  if (!f || typeof f.encode !== 'function' || !Array.isArray(f.unicode) || f.gfmdLigaturesInOrder) return;
  const embedded = f as EmbeddedFont;
  const encode = embedded.encode.bind(embedded);
  embedded.encode = (...args: unknown[]) => {
    const before = embedded.unicode.length;
    const out = encode(...args);
    for (let glyph = before; glyph < embedded.unicode.length; glyph++) {
      const codePoints = embedded.unicode[glyph];
      if (codePoints && codePoints.length > 1 && codePoints.every((c) => RTL_LETTER.test(String.fromCodePoint(c))))
        embedded.unicode[glyph] = [...codePoints].reverse();
    }
    return out;
  };
  embedded.gfmdLigaturesInOrder = true;
}

/** Han and Kana: a line may break before or after each (Chinese and Japanese put no spaces between words). */
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u;
/** Punctuation that never starts a line (closing) or ends one (opening) in Chinese and Japanese. */
const NO_BREAK_BEFORE = /[、。，．,.:;!?)\]}」』】〉》〕）］｝！？：；・ー々〜…]/u;
const NO_BREAK_AFTER = /[([{「『【〈《〔（［｛]/u;

/**
 * The pieces of a word between which a line may break: each Han or Kana character is a piece of
 * its own (punctuation kept with the character it follows or precedes), other letters stay whole.
 */
function breakablePieces(word: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let lastChar = '';
  for (const char of word) {
    const canBreak =
      current !== '' &&
      (IDEOGRAPHIC.test(char) || IDEOGRAPHIC.test(lastChar)) &&
      !NO_BREAK_BEFORE.test(char) &&
      !NO_BREAK_AFTER.test(lastChar);
    if (canBreak) {
      pieces.push(current);
      current = '';
    }
    current += char;
    lastChar = char;
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * A paragraph broken into lines that fit `width`, in logical order (greedy): at spaces, and between
 * Han or Kana characters.
 */
export function wrapLines(doc: Pick<BidiPdf, 'widthOfString'>, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    let line = '';
    for (const word of words) {
      breakablePieces(word).forEach((piece, i) => {
        const glue = line && i === 0 ? ' ' : '';
        const candidate = `${line}${glue}${piece}`;
        if (line && doc.widthOfString(candidate) > width) {
          lines.push(line);
          line = piece;
        } else line = candidate;
      });
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Draws a paragraph at (x, y) in a box `width` wide, right-to-left text displayed right to left,
 * and leaves `doc.x`/`doc.y` below it (as PDFKit's `text` does). Text without a right-to-left letter
 * that one font prints goes to PDFKit's own `text` unchanged; text in several fonts (`fonts`) is
 * laid out here, each run in its font. Returns the height used.
 */
export function drawBidiText(doc: BidiPdf, text: string, x: number, y: number, options: BidiTextOptions): number {
  const direction = options.direction ?? paragraphDirection(text);
  const alignOf = (a: BidiTextOptions['align'] = 'start') =>
    a === 'start'
      ? direction === 'rtl'
        ? 'right'
        : 'left'
      : a === 'end'
        ? direction === 'rtl'
          ? 'left'
          : 'right'
        : a;
  const align = alignOf(options.align);
  const fonts = options.fonts && doc.font ? options.fonts : undefined;
  const setFont = (font: string) => {
    doc.font?.(font);
    readLigaturesInOrder(doc._font);
  };
  const wholeRuns = fonts?.runs(text) ?? [];
  if (!hasRtl(text) && wholeRuns.length <= 1) {
    if (fonts) setFont(wholeRuns[0]?.font ?? fonts.primary);
    const before = y;
    doc.text(text, x, y, {
      width: options.width,
      align,
      lineGap: options.lineGap,
      ...(options.maxLines ? { height: doc.currentLineHeight(true) * options.maxLines, ellipsis: true } : {}),
      ...options.pieceOptions,
    });
    return doc.y - before;
  }
  if (fonts) setFont(fonts.primary);
  /** A piece of a line in its fonts, in logical order, each run with its width (one run without `fonts`). */
  const runsOf = (piece: string): { font: string | null; text: string; width: number }[] => {
    if (!fonts) return [{ font: null, text: piece, width: doc.widthOfString(piece) }];
    const runs = fonts.runs(piece).map((run) => {
      doc.font?.(run.font);
      return { ...run, width: doc.widthOfString(run.text) };
    });
    doc.font?.(fonts.primary);
    return runs;
  };
  const measure = (piece: string) => runsOf(piece).reduce((sum, run) => sum + run.width, 0);
  let lines = wrapLines({ widthOfString: measure }, text, options.width);
  if (options.maxLines && lines.length > options.maxLines) {
    const kept = lines.slice(0, options.maxLines);
    let last = `${kept[kept.length - 1]}…`;
    while (last.length > 1 && measure(last) > options.width) last = `${[...last].slice(0, -2).join('')}…`;
    kept[kept.length - 1] = last;
    lines = kept;
  }
  readLigaturesInOrder(doc._font);
  const lineHeight = doc.currentLineHeight(true) + (options.lineGap ?? 0);
  /** The primary font's ascent: runs in other fonts sit on its baseline (fonts' ascenders differ). */
  const ascentOf = () =>
    (((doc._font as { ascender?: number } | undefined)?.ascender ?? 0) / 1000) * (doc._fontSize ?? 0);
  let ascent = ascentOf();
  let top = y;
  for (const line of lines) {
    if (options.pageBreak && top + lineHeight > options.pageBreak.bottom) {
      top = options.pageBreak.newPage();
      if (fonts) setFont(fonts.primary);
      readLigaturesInOrder(doc._font);
      ascent = ascentOf();
    }
    const pieces = visualPieces(line, direction);
    const parts = pieces.map((piece) => (piece.space ? [] : runsOf(piece.text)));
    const widths = pieces.map((piece, i) =>
      piece.space ? doc.widthOfString(' ') : parts[i].reduce((sum, run) => sum + run.width, 0),
    );
    const total = widths.reduce((a, b) => a + b, 0);
    let pen = align === 'right' ? x + options.width - total : align === 'center' ? x + (options.width - total) / 2 : x;
    const placed = pieces.map((piece, i) => {
      const at = pen;
      pen += widths[i];
      return { piece, at, runs: parts[i], width: widths[i] };
    });
    // Drawn in reading order, each piece at its display place: text extractors (pdf.js) then read
    // the words in the order they are written. The runs of a right-to-left piece go right to left.
    for (const { piece, at, runs, width } of placed.sort((a, b) => a.piece.logical - b.piece.logical)) {
      let offset = 0;
      for (const run of runs) {
        const runAt = piece.rtl ? at + width - offset - run.width : at + offset;
        offset += run.width;
        const other = fonts && run.font && run.font !== fonts.primary;
        if (other) setFont(run.font as string);
        doc.text(run.text, runAt, top, {
          lineBreak: false,
          ...(other ? { baseline: -ascent } : {}),
          ...options.pieceOptions,
        });
        if (other && fonts) setFont(fonts.primary);
      }
    }
    top += lineHeight;
  }
  doc.x = x;
  doc.y = top;
  return Math.max(0, top - y);
}
