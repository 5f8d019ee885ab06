/**
 * Fonts for the PDFs (badges, certificates, the synthesis).
 *
 * PDFKit's Helvetica prints Latin-1 (WinAnsi) only. DejaVu Sans (Debian's `fonts-dejavu-core`, which
 * the images install) prints Latin, Greek, Cyrillic and Arabic, but has no Chinese, Japanese or
 * Korean letters: a Chinese name printed as nothing. Runs of text with Han, Kana or Hangul are set
 * in Noto Sans Hans (Noto Sans CJK SC, GB 2312 coverage, from the npm package `@embedpdf/fonts-sc`,
 * OFL-1.1), which also has Latin and Cyrillic, so a Chinese name with a Latin or Russian part prints
 * whole. PDFKit (fontkit) embeds only the glyphs a document uses (a subset), so a badge with a
 * Chinese name grows by tens of kilobytes, not by the 8 MB of the font file.
 *
 * A document registers its fonts with `registerPdfFonts` (for each name, the same name + `-cjk`)
 * and picks one per run of text with `pdfFontFor(name, text)`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fonts as NOTO_SANS_HANS } from '@embedpdf/fonts-sc';

export type PdfWeight = 'regular' | 'bold';

export interface PdfFontFiles {
  regular: string;
  bold: string;
}

/** Han ideographs (with CJK punctuation and full-width forms), Hiragana, Katakana, Bopomofo, Hangul. */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

/**
 * Characters outside WinAnsi (what the standard PDF fonts such as Helvetica can print): white space,
 * Latin-1 plus the typographic marks Windows-1252 adds (dashes, quotes, bullet, ellipsis, euro…).
 */
const NOT_WIN_ANSI =
  /[^\s\u0020-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/;

/** Whether a text has Chinese, Japanese or Korean letters (set in the CJK font). */
export const hasCjk = (text: string | null | undefined): boolean => !!text && CJK.test(text);

/** Whether Helvetica cannot print a text (it needs a Unicode font: DejaVu Sans, or the CJK font). */
export const needsUnicodeFont = (text: string | null | undefined): boolean => !!text && NOT_WIN_ANSI.test(text);

const DEJAVU: PdfFontFiles = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
};

const fileOf = (weight: number) => NOTO_SANS_HANS.find((f) => f.weight === weight)?.file;

/**
 * The folder of `@embedpdf/fonts-sc`'s fonts: looked for in `node_modules` from the working directory
 * up (the API runs from the repository root, or `/app` in the image; the bundle cannot `require.resolve`
 * a file of an external package).
 */
function notoFolder(): string | null {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const folder = join(dir, 'node_modules', '@embedpdf', 'fonts-sc', 'fonts');
    if (existsSync(folder)) return folder;
    if (dirname(dir) === dir) return null;
  }
}

const both = (files: PdfFontFiles | null): PdfFontFiles | null =>
  files && existsSync(files.regular) && existsSync(files.bold) ? files : null;

let cache: { unicode: PdfFontFiles | null; cjk: PdfFontFiles | null } | undefined;

/** The font files found on this system (once): DejaVu Sans, and the CJK font. */
export function pdfFontFiles(): { unicode: PdfFontFiles | null; cjk: PdfFontFiles | null } {
  if (cache) return cache;
  const folder = notoFolder();
  const regular = fileOf(400);
  const bold = fileOf(700);
  cache = {
    unicode: both(DEJAVU),
    cjk: folder && regular && bold ? both({ regular: join(folder, regular), bold: join(folder, bold) }) : null,
  };
  return cache;
}

/** What `registerPdfFonts` needs of a PDFKit document. */
export interface PdfFontRegistry {
  registerFont(name: string, src: string): unknown;
}

/**
 * Registers each `name` → weight: in DejaVu Sans when `unicode` (and the system has it), else in
 * Helvetica; and `name-cjk` in the CJK font (the same as `name` when the CJK font is missing).
 */
export function registerPdfFonts(
  doc: PdfFontRegistry,
  names: Record<string, PdfWeight>,
  options: { unicode: boolean },
): void {
  const { unicode, cjk } = pdfFontFiles();
  const helvetica: PdfFontFiles = { regular: 'Helvetica', bold: 'Helvetica-Bold' };
  const base = options.unicode && unicode ? unicode : helvetica;
  for (const [name, weight] of Object.entries(names)) {
    doc.registerFont(name, base[weight]);
    doc.registerFont(`${name}-cjk`, (cjk ?? base)[weight]);
  }
}

/** The registered font to set `text` in: `name-cjk` when it has Chinese, Japanese or Korean letters. */
export const pdfFontFor = (name: string, text: string | null | undefined): string =>
  hasCjk(text) ? `${name}-cjk` : name;
