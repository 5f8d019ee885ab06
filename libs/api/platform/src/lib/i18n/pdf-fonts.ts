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
 *   syllables, the jamo, and the Hanja of KS X 1001;
 * - the last resort for Han ideographs the two fonts above lack (Extension B and later, planes 2
 *   and 3, e.g. 𠀀 U+20000 and 𡈽 U+2123D in names from Hong Kong or Taiwan): HanaMinB (Debian's
 *   `fonts-hanazono`, which the API image installs; Hanazono Font License or OFL-1.1), which has
 *   Extensions B to F nearly whole (B 42,711 of 42,720, C 4,149 of 4,160, D whole, E 5,762 of
 *   5,774, F whole) but not plane 3 (Extensions G, H) nor I. One weight (a Mincho, with serifs),
 *   used for bold too. No npm package has these characters; the 57 unified and Extension A
 *   ideographs Noto Sans Hans lacks are not in HanaMinB either.
 * A character whose preferred font has no glyph for it goes to the first of the others that has
 * one (fontkit reads the fonts' character maps); digits, punctuation and spaces stay with the run
 * around them when its font has them. The last-resort Han font is only ever asked about Han (and
 * the other CJK scripts' characters and what stays with them), so an emoji or a letter no font has
 * never loads it. A character no font has prints as an empty box (docs/i18n.md); without HanaMinB
 * that is the case of Extension B and later, as before it came, and the first time it happens the
 * process warns once that the font is missing (no text in the log).
 *
 * The CJK fonts are read only when a text needs them: PDFKit opens a registered font when it is
 * first used, and the character maps here are read the first time a Han or Hangul character is
 * met (HanaMinB's, 30 MB, the first time a Han character the Noto fonts lack is met; then its bytes
 * are kept and given to PDFKit, which would read the file again for each document). PDFKit embeds
 * only the glyphs a document uses (a subset): a Latin-only document embeds no CJK font at all, and
 * a badge with a Chinese name grows by tens of kilobytes, not by the 8 MB of the font file.
 *
 * A document registers its fonts with `registerPdfFonts` (for each name: `name`, `name-cjk`,
 * `name-kr`; and the first name's `-han`, shared by all), and draws a text run by run
 * (`pdfFontRuns`, or `drawBidiText` with `fonts`).
 */
import { Logger } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
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

/** HanaMinB, the last-resort Han font: where Debian's `fonts-hanazono` puts it. */
export const HAN_EXTRA_FONT = '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf';
/** What to install to get it (for the warning and the tests' message). */
export const HAN_EXTRA_FONT_PACKAGE = 'fonts-hanazono';

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
  /** HanaMinB (one weight: the same file for both). */
  han: PdfFontFiles | null;
}

let cache: FoundFonts | undefined;

/** The font files found on this system (once): DejaVu Sans, the Chinese, the Korean and the last-resort Han fonts. */
export function pdfFontFiles(): FoundFonts {
  cache ??= {
    unicode: both(DEJAVU),
    cjk: packageFonts('fonts-sc', NOTO_SANS_HANS),
    kr: packageFonts('fonts-kr', NOTO_SANS_KR),
    han: both({ regular: HAN_EXTRA_FONT, bold: HAN_EXTRA_FONT }),
  };
  return cache;
}

let warnedNoHanFont = false;

/**
 * Warns once per process that a Han character no font has was met while HanaMinB is missing
 * (it prints as an empty box). The character is not logged: it is part of someone's name.
 */
function warnNoHanFont(): void {
  if (warnedNoHanFont) return;
  warnedNoHanFont = true;
  new Logger('PdfFonts').warn(
    `A PDF has a Han character none of its fonts has (CJK Extension B or later): it prints as an empty box. ` +
      `Install Debian's ${HAN_EXTRA_FONT_PACKAGE} (${HAN_EXTRA_FONT}; docs/i18n.md).`,
  );
}

/** The part of fontkit used here (fontkit ships no types). */
interface GlyphMap {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const glyphMaps = new Map<string, GlyphMap>();
/** The bytes of the font files whose character maps were read (fontkit keeps them anyway). */
const fontBytes = new Map<string, Buffer>();

/** Whether the font file has a glyph for the character; its character map read once per process. */
function fileHasGlyph(file: string, codePoint: number): boolean {
  let font = glyphMaps.get(file);
  if (!font) {
    // fontkit is PDFKit's own font engine (same version); read here for the character maps only.
    const fontkit = require('fontkit') as { create(data: Buffer): GlyphMap };
    const bytes = readFileSync(file);
    font = fontkit.create(bytes);
    glyphMaps.set(file, font);
    fontBytes.set(file, bytes);
  }
  return font.hasGlyphForCodePoint(codePoint);
}

/** Which registered font of a name: the base (DejaVu or Helvetica), the Chinese, the Korean, the last-resort Han. */
export type PdfFontRole = 'base' | 'cjk' | 'kr' | 'han';
const SUFFIX: Record<PdfFontRole, string> = { base: '', cjk: '-cjk', kr: '-kr', han: '-han' };

/**
 * What `registerPdfFonts` recorded about a document: for each name, the file whose character map
 * each role has; and the one name its last-resort Han font is registered under.
 */
interface DocumentFonts {
  names: Map<string, Record<PdfFontRole, string | null>>;
  hanFont: string | null;
}

const documents = new WeakMap<object, DocumentFonts>();

/** What `registerPdfFonts` needs of a PDFKit document. */
export interface PdfFontRegistry {
  registerFont(name: string, src: string | Buffer): unknown;
}

/**
 * Registers each `name` → weight: in DejaVu Sans when `unicode` (and the system has it), else in
 * Helvetica; `name-cjk` in the Chinese font and `name-kr` in the Korean one (each the same as
 * `name` when its font is missing); and, when the system has HanaMinB, the first name's `-han` in
 * it, which every name's Han beyond the Noto fonts is set in (it has one weight). PDFKit reads a
 * font's file only when it is first used.
 */
export function registerPdfFonts(
  doc: PdfFontRegistry,
  names: Record<string, PdfWeight>,
  options: { unicode: boolean },
): void {
  const { unicode, cjk, kr, han } = pdfFontFiles();
  const helvetica: PdfFontFiles = { regular: 'Helvetica', bold: 'Helvetica-Bold' };
  const base = options.unicode && unicode ? unicode : helvetica;
  // One name for HanaMinB: PDFKit caches an opened font under the name it was registered as, and
  // reads the file again (30 MB) at every use of a second name of a file it has opened. Once its
  // character map was read, PDFKit gets those bytes: reading and collecting 30 MB per document
  // made a synthesis with such a character some 0.5 s slower (docs/performance.md, "PDF fonts").
  const hanFont = han ? `${Object.keys(names)[0]}${SUFFIX.han}` : null;
  if (han && hanFont) doc.registerFont(hanFont, fontBytes.get(han.regular) ?? han.regular);
  const recorded: DocumentFonts = { names: new Map(), hanFont };
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
      han: han?.regular ?? null,
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
 * other letters in `name`; a character whose font lacks it in the first of the others that has it
 * (`name-han` only for the CJK scripts' characters: Han beyond the Noto fonts); digits, punctuation
 * and spaces with the run before them (or after, at the start) when that font has them. `doc` is a
 * document `registerPdfFonts` set up (without it: DejaVu Sans is the base).
 */
export function pdfFontRuns(doc: object | null, name: string, text: string): PdfFontRun[] {
  const registered = doc ? documents.get(doc) : undefined;
  const files = registered?.names.get(name) || defaultFiles(name);
  const fontOf = (role: PdfFontRole) =>
    role === 'han' && registered?.hanFont ? registered.hanFont : `${name}${SUFFIX[role]}`;
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
    if (CJK.test(char)) {
      const preferred: PdfFontRole[] = HANGUL.test(char) ? ['kr', 'cjk', 'han', 'base'] : ['cjk', 'kr', 'han', 'base'];
      const role = pick(preferred, char);
      if (!files.han && !has(role, char)) warnNoHanFont();
      return role;
    }
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
    // The last-resort Han font only when a run next to it is in it (never read for a symbol alone).
    const candidates = [next, previous, 'base', 'cjk', 'kr'].filter((r): r is PdfFontRole => !!r);
    roles[i] = /\s/.test(char) ? (next ?? 'base') : pick(candidates, char);
    previous = roles[i];
  }
  const runs: PdfFontRun[] = [];
  chars.forEach((char, i) => {
    const font = fontOf(roles[i] ?? 'base');
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += char;
    else runs.push({ font, text: char });
  });
  return runs.length ? runs : [{ font: name, text }];
}

/** The files of a name in a document that did not register it here: DejaVu, then the CJK fonts. */
function defaultFiles(name: string): Record<PdfFontRole, string | null> {
  const weight: PdfWeight = /bold/i.test(name) ? 'bold' : 'regular';
  const { unicode, cjk, kr, han } = pdfFontFiles();
  return {
    base: unicode?.[weight] ?? null,
    cjk: cjk?.regular ?? null,
    kr: kr?.regular ?? null,
    han: han?.regular ?? null,
  };
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
