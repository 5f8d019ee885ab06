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
 * right, neutrals between two runs of one direction take it, others the paragraph's; mirrored
 * brackets swapped inside right-to-left runs.
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

/** Whether a text holds a right-to-left letter (so needs the steps here to display). */
export const hasRtl = (text: string): boolean => RTL_LETTER.test(text);

/** The direction of a paragraph: that of its first strong letter (UAX #9 P2–P3), `fallback` without one. */
export function paragraphDirection(text: string, fallback: TextDirection = 'ltr'): TextDirection {
  for (const char of text) {
    if (RTL_LETTER.test(char)) return 'rtl';
    if (LTR_STRONG.test(char) && !ARABIC_DIGIT.test(char)) return 'ltr';
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
      : RTL_LETTER.test(char)
        ? 'R'
        : DIGIT.test(char)
          ? 'EN'
          : LTR_STRONG.test(char)
            ? 'L'
            : 'N';

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
  // 1. Runs of one kind (a combining mark or a joiner stays with what it follows).
  const runs: { kind: Kind; text: string }[] = [];
  for (const char of text) {
    const last = runs[runs.length - 1];
    const kind = last && MARK.test(char) ? last.kind : kindOf(char);
    if (last && last.kind === kind) last.text += char;
    else runs.push({ kind, text: char });
  }
  // 2. European digits after a left-to-right letter (or at the start of a left-to-right
  //    paragraph) are left-to-right text (UAX #9 W7).
  let previous: TextDirection = direction;
  for (const run of runs) {
    if (run.kind === 'R' || run.kind === 'AN') previous = 'rtl';
    else if (run.kind === 'L') previous = 'ltr';
    else if (run.kind === 'EN' && previous === 'ltr') run.kind = 'L';
  }
  // 3. Neutrals and spaces take the direction of the runs on both sides when they agree (numbers
  //    count as right to left here), else the paragraph's (UAX #9 N1–N2).
  const strong = (i: number, step: 1 | -1): TextDirection => {
    for (let j = i + step; j >= 0 && j < runs.length; j += step) {
      const k = runs[j].kind;
      if (k === 'R' || k === 'AN' || k === 'EN') return 'rtl';
      if (k === 'L') return 'ltr';
    }
    return direction;
  };
  const resolved: TextDirection[] = runs.map((run, i) => {
    if (run.kind === 'R') return 'rtl';
    if (run.kind === 'L' || run.kind === 'EN' || run.kind === 'AN') return 'ltr';
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
    const run = runs[i];
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
}

/** A paragraph broken into lines that fit `width`, in logical order (greedy, at spaces). */
export function wrapLines(doc: Pick<BidiPdf, 'widthOfString'>, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && doc.widthOfString(candidate) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Draws a paragraph at (x, y) in a box `width` wide, right-to-left text displayed right to left,
 * and leaves `doc.x`/`doc.y` below it (as PDFKit's `text` does). Text without a right-to-left letter
 * goes to PDFKit's own `text` unchanged. Returns the height used.
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
  if (!hasRtl(text)) {
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
  let lines = wrapLines(doc, text, options.width);
  if (options.maxLines && lines.length > options.maxLines) {
    const kept = lines.slice(0, options.maxLines);
    let last = `${kept[kept.length - 1]}…`;
    while (last.length > 1 && doc.widthOfString(last) > options.width) last = `${[...last].slice(0, -2).join('')}…`;
    kept[kept.length - 1] = last;
    lines = kept;
  }
  const lineHeight = doc.currentLineHeight(true) + (options.lineGap ?? 0);
  let top = y;
  for (const line of lines) {
    if (options.pageBreak && top + lineHeight > options.pageBreak.bottom) top = options.pageBreak.newPage();
    const pieces = visualPieces(line, direction);
    const widths = pieces.map((p) => doc.widthOfString(p.space ? ' ' : p.text));
    const total = widths.reduce((a, b) => a + b, 0);
    let pen = align === 'right' ? x + options.width - total : align === 'center' ? x + (options.width - total) / 2 : x;
    const placed = pieces.map((piece, i) => {
      const at = pen;
      pen += widths[i];
      return { piece, at };
    });
    // Drawn in reading order, each piece at its display place: text extractors (pdf.js) then read
    // the words in the order they are written.
    for (const { piece, at } of placed.sort((a, b) => a.piece.logical - b.piece.logical)) {
      if (!piece.space) doc.text(piece.text, at, top, { lineBreak: false, ...options.pieceOptions });
    }
    top += lineHeight;
  }
  doc.x = x;
  doc.y = top;
  return Math.max(0, top - y);
}
