/**
 * Fonts for the PDFs (badges, certificates, the synthesis).
 *
 * No one font prints the six UN languages, so a text is set in runs, each in a font that has its
 * glyphs (`pdfFontRuns`):
 * - the document's base font: DejaVu Sans (Debian's `fonts-dejavu-core`, which the images
 *   install: Latin, Greek, Cyrillic, Arabic, Hebrew), or PDFKit's Helvetica (Latin-1, WinAnsi) in a
 *   document that needs nothing else (a synthesis in English, French or Spanish letters only);
 * - Han, Kana, Bopomofo (and CJK punctuation, full-width forms): Noto Sans Hans (Noto Sans CJK SC,
 *   from the npm package `@embedpdf/fonts-sc`, OFL-1.1), which has GB 18030's Han: the unified
 *   ideographs and Extension A nearly whole (20,945 of 20,992 and 6,582 of 6,592), 211 of
 *   Extension B and later;
 * - Hangul: Noto Sans KR (Noto Sans CJK KR, npm `@embedpdf/fonts-kr`, OFL-1.1): the 11,172
 *   syllables, the jamo, and the Hanja of KS X 1001.
 * A character whose preferred font has no glyph for it goes to the first of the others that has
 * one (fontkit reads the fonts' character maps); digits, punctuation and spaces stay with the run
 * around them when its font has them. Nothing on the npm registry covers the rest of Extension B
 * and later (planes 2 and 3), so such a character prints as an empty box (docs/i18n.md).
 *
 * The CJK fonts are read only when a text needs them: PDFKit opens a registered font when it is
 * first used, and the character maps here are read the first time a Han or Hangul character is
 * met. PDFKit embeds only the glyphs a document uses (a subset): a Latin-only document embeds no
 * CJK font at all, and a badge with a Chinese name grows by tens of kilobytes, not by the 8 MB of
 * the font file.
 *
 * A document registers its fonts with `registerPdfFonts` (for each name: `name`, `name-cjk`,
 * `name-kr`), and draws a text run by run (`pdfFontRuns`, or `drawBidiText` with `fonts`).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fonts as NOTO_SANS_HANS } from '@embedpdf/fonts-sc';
import { fonts as NOTO_SANS_KR } from '@embedpdf/fonts-kr';

export type PdfWeight = 'regular' | 'bold';

export interface PdfFontFiles {
  regular: string;
  bold: string;
}

/** Han ideographs (with CJK punctuation and full-width forms), Hiragana, Katakana, Bopomofo, Hangul. */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;
const HANGUL = /\p{Script=Hangul}/u;
/** Characters that belong to no script (digits, punctuation, symbols, spaces) or to the one before (marks). */
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}\s]/u;
/** Combining marks (variation selectors among them) and joiners: always with the character before. */
const ATTACHED = /\p{M}|\u200C|\u200D/u;

/**
 * Characters outside WinAnsi (what the standard PDF fonts such as Helvetica can print): white space,
 * Latin-1 plus the typographic marks Windows-1252 adds (dashes, quotes, bullet, ellipsis, euro…).
 */
const NOT_WIN_ANSI =
  /[^\s\u0020-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/;

/** Whether a text has Chinese, Japanese or Korean letters (set in a CJK font). */
export const hasCjk = (text: string | null | undefined): boolean => !!text && CJK.test(text);

/** Whether Helvetica cannot print a text (it needs a Unicode font: DejaVu Sans, or a CJK font). */
export const needsUnicodeFont = (text: string | null | undefined): boolean => !!text && NOT_WIN_ANSI.test(text);

const DEJAVU: PdfFontFiles = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
};

/**
 * The folder of an npm font package's files: looked for in `node_modules` from the working directory
 * up (the API runs from the repository root, or `/app` in the image; the bundle cannot
 * `require.resolve` a file of an external package).
 */
function packageFolder(name: string): string | null {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const folder = join(dir, 'node_modules', '@embedpdf', name, 'fonts');
    if (existsSync(folder)) return folder;
    if (dirname(dir) === dir) return null;
  }
}

const both = (files: PdfFontFiles | null): PdfFontFiles | null =>
  files && existsSync(files.regular) && existsSync(files.bold) ? files : null;

/** The regular and bold files of an `@embedpdf/fonts-*` package (its `fonts` list: file and weight). */
function packageFonts(name: string, list: readonly { file: string; weight: number }[]): PdfFontFiles | null {
  const folder = packageFolder(name);
  const regular = list.find((f) => f.weight === 400)?.file;
  const bold = list.find((f) => f.weight === 700)?.file;
  return folder && regular && bold ? both({ regular: join(folder, regular), bold: join(folder, bold) }) : null;
}

interface FoundFonts {
  unicode: PdfFontFiles | null;
  cjk: PdfFontFiles | null;
  kr: PdfFontFiles | null;
}

let cache: FoundFonts | undefined;

/** The font files found on this system (once): DejaVu Sans, the Chinese and the Korean fonts. */
export function pdfFontFiles(): FoundFonts {
  cache ??= {
    unicode: both(DEJAVU),
    cjk: packageFonts('fonts-sc', NOTO_SANS_HANS),
    kr: packageFonts('fonts-kr', NOTO_SANS_KR),
  };
  return cache;
}

/** The part of fontkit used here (fontkit ships no types). */
interface GlyphMap {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const glyphMaps = new Map<string, GlyphMap>();

/** Whether the font file has a glyph for the character; its character map read once per process. */
function fileHasGlyph(file: string, codePoint: number): boolean {
  let font = glyphMaps.get(file);
  if (!font) {
    // fontkit is PDFKit's own font engine (same version); read here for the character maps only.
    const fontkit = require('fontkit') as { openSync(path: string): GlyphMap };
    font = fontkit.openSync(file);
    glyphMaps.set(file, font);
  }
  return font.hasGlyphForCodePoint(codePoint);
}

/** Which registered font of a name: the base (DejaVu or Helvetica), the Chinese, the Korean. */
export type PdfFontRole = 'base' | 'cjk' | 'kr';
const SUFFIX: Record<PdfFontRole, string> = { base: '', cjk: '-cjk', kr: '-kr' };

/** What `registerPdfFonts` recorded about a document: for each name, the file whose character map each role has. */
interface DocumentFonts {
  names: Map<string, Record<PdfFontRole, string | null>>;
}

const documents = new WeakMap<object, DocumentFonts>();

/** What `registerPdfFonts` needs of a PDFKit document. */
export interface PdfFontRegistry {
  registerFont(name: string, src: string): unknown;
}

/**
 * Registers each `name` → weight: in DejaVu Sans when `unicode` (and the system has it), else in
 * Helvetica; `name-cjk` in the Chinese font and `name-kr` in the Korean one (each the same as
 * `name` when its font is missing). PDFKit reads a font's file only when it is first used.
 */
export function registerPdfFonts(
  doc: PdfFontRegistry,
  names: Record<string, PdfWeight>,
  options: { unicode: boolean },
): void {
  const { unicode, cjk, kr } = pdfFontFiles();
  const helvetica: PdfFontFiles = { regular: 'Helvetica', bold: 'Helvetica-Bold' };
  const base = options.unicode && unicode ? unicode : helvetica;
  const recorded: DocumentFonts = { names: new Map() };
  for (const [name, weight] of Object.entries(names)) {
    doc.registerFont(name, base[weight]);
    doc.registerFont(`${name}-cjk`, (cjk ?? base)[weight]);
    doc.registerFont(`${name}-kr`, (kr ?? base)[weight]);
    // The character maps to check glyphs against. The regular and bold files of each CJK font have
    // the same characters (checked: 30,789 and 22,885), so only the regular one is read and kept.
    recorded.names.set(name, {
      base: base === helvetica ? null : base[weight],
      cjk: cjk?.regular ?? null,
      kr: kr?.regular ?? null,
    });
  }
  documents.set(doc, recorded);
}

/** A piece of text and the registered font to set it in. */
export interface PdfFontRun {
  font: string;
  text: string;
}

/**
 * A text cut into runs by font, in logical order: Hangul in `name-kr`, Han and Kana in `name-cjk`,
 * other letters in `name`; a character whose font lacks it in the first of the others that has it;
 * digits, punctuation and spaces with the run before them (or after, at the start) when that font
 * has them. `doc` is a document `registerPdfFonts` set up (without it: DejaVu Sans is the base).
 */
export function pdfFontRuns(doc: object | null, name: string, text: string): PdfFontRun[] {
  const files = (doc && documents.get(doc)?.names.get(name)) || defaultFiles(name);
  const has = (role: PdfFontRole, char: string): boolean => {
    const file = files[role];
    if (file) return fileHasGlyph(file, char.codePointAt(0) ?? 0);
    // Helvetica (the base without a file) prints WinAnsi; a missing CJK font is the base.
    return role === 'base' && !NOT_WIN_ANSI.test(char);
  };
  const available = (role: PdfFontRole) => role === 'base' || !!files[role];
  const pick = (preferred: PdfFontRole[], char: string): PdfFontRole =>
    preferred.find((role) => available(role) && has(role, char)) ?? preferred[0];

  const chars = [...text];
  // 1. Letters of a script get their font; neutrals wait (null).
  const roles: (PdfFontRole | null)[] = chars.map((char) => {
    if (CJK.test(char)) return pick(HANGUL.test(char) ? ['kr', 'cjk', 'base'] : ['cjk', 'kr', 'base'], char);
    if (NEUTRAL.test(char)) return null;
    return pick(['base', 'cjk', 'kr'], char);
  });
  // 2. Neutrals: with the run before (marks always), else the next letter's, else the base; each
  //    only when that font has the character.
  let previous: PdfFontRole | null = null;
  for (let i = 0; i < chars.length; i++) {
    if (roles[i]) {
      previous = roles[i];
      continue;
    }
    const char = chars[i];
    if (previous && (ATTACHED.test(char) || /\s/.test(char) || has(previous, char))) {
      roles[i] = previous;
      continue;
    }
    const next = roles.slice(i + 1).find((r) => r !== null) ?? null;
    const candidates = [next, previous, 'base', 'cjk', 'kr'].filter((r): r is PdfFontRole => !!r);
    roles[i] = /\s/.test(char) ? (next ?? 'base') : pick(candidates, char);
    previous = roles[i];
  }
  const runs: PdfFontRun[] = [];
  chars.forEach((char, i) => {
    const font = `${name}${SUFFIX[roles[i] ?? 'base']}`;
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += char;
    else runs.push({ font, text: char });
  });
  return runs.length ? runs : [{ font: name, text }];
}

/** The files of a name in a document that did not register it here: DejaVu, then the CJK fonts. */
function defaultFiles(name: string): Record<PdfFontRole, string | null> {
  const weight: PdfWeight = /bold/i.test(name) ? 'bold' : 'regular';
  const { unicode, cjk, kr } = pdfFontFiles();
  return { base: unicode?.[weight] ?? null, cjk: cjk?.regular ?? null, kr: kr?.regular ?? null };
}

/**
 * The registered font to set `text` in when it is set in one font (see `pdfFontRuns` for a text
 * that needs several): the font of its first run in a CJK font, else `name`. A text in Chinese,
 * Japanese or Korean letters is laid out with that font's line height.
 */
export function pdfFontFor(name: string, text: string | null | undefined, doc: object | null = null): string {
  if (!text || !CJK.test(text)) return name;
  const runs = pdfFontRuns(doc, name, text);
  return runs.find((r) => r.font !== name)?.font ?? name;
}

/**
 * The fonts to draw `text` in with `drawBidiText`: `primary` (`pdfFontFor`) for the line height and
 * baseline, and its runs by font (`pdfFontRuns`); `mixed` when it needs more than one font.
 */
export function pdfTextFonts(
  doc: object,
  name: string,
  text: string,
): { primary: string; mixed: boolean; runs(text: string): PdfFontRun[] } {
  return {
    primary: pdfFontFor(name, text, doc),
    mixed: pdfFontRuns(doc, name, text).length > 1,
    runs: (t: string) => pdfFontRuns(doc, name, t),
  };
}
