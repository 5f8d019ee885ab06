import { inflateSync } from 'node:zlib';

/** What one font of a PDF drew. */
export interface PdfFontUse {
  /** The PostScript name, without the subset tag ("NotoSansHans-Regular", "Helvetica"). */
  name: string;
  /** The characters it drew (read back through its ToUnicode map), in drawing order. */
  text: string;
  /** How many times it drew glyph 0 (.notdef: the font has no glyph for the character, a box or nothing). */
  notdef: number;
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/**
 * The characters each font of a PDFKit document drew, and how many .notdef glyphs: a test that a
 * text is printed (not only extractable: PDFKit maps a missing glyph to U+0000 and draws a box)
 * with fonts that have its glyphs. Reads PDFKit's own output (uncompressed dictionaries, Flate
 * streams, Type0 fonts with Identity-H two-byte codes and a ToUnicode map of ranges; the standard
 * fonts' one-byte WinAnsi codes), not any PDF.
 */
export function pdfGlyphs(pdf: Uint8Array): PdfFontUse[] {
  const buf = Buffer.from(pdf);
  const source = buf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const m of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2];
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const start = (m.index ?? 0) + m[0].indexOf(body) + at + 'stream'.length;
    const dataStart = source[start] === '\r' ? start + 2 : start + 1;
    const end = source.lastIndexOf('endstream', (m.index ?? 0) + m[0].length);
    let data = buf.subarray(dataStart, end);
    const dict = body.slice(0, at);
    if (/\/Filter\s*\/FlateDecode/.test(dict)) data = inflateSync(data);
    objects.set(Number(m[1]), { dict, stream: data });
  }
  // Font resources (PDFKit names them F1, F2… once per document) → their font objects.
  const resources = new Map<string, number>();
  for (const { dict } of objects.values())
    for (const m of dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) resources.set(m[1], Number(m[2]));
  const fonts = new Map<string, { use: PdfFontUse; toUnicode: Map<number, string> | null }>();
  const fontOf = (resource: string) => {
    let font = fonts.get(resource);
    if (font) return font;
    const dict = objects.get(resources.get(resource) ?? -1)?.dict ?? '';
    const name = (/\/BaseFont\s*\/([^\s/>]+)/.exec(dict)?.[1] ?? resource).replace(/^[A-Z]{6}\+/, '');
    const ref = /\/ToUnicode\s+(\d+) 0 R/.exec(dict);
    const cmap = ref ? objects.get(Number(ref[1]))?.stream?.toString('latin1') : undefined;
    font = { use: { name, text: '', notdef: 0 }, toUnicode: cmap ? readToUnicode(cmap) : null };
    fonts.set(resource, font);
    return font;
  };
  for (const { stream } of objects.values()) {
    if (!stream) continue;
    const content = stream.toString('latin1');
    if (!/\bTf\b/.test(content)) continue;
    let current: ReturnType<typeof fontOf> | null = null;
    // Font changes and the hex strings of text-showing operators, in order.
    for (const m of content.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (m[1]) {
        current = fontOf(m[1]);
        continue;
      }
      if (!current) continue;
      const strings = m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((s) => s[1]) : [m[3]];
      for (const hex of strings) {
        if (current.toUnicode) {
          for (let i = 0; i + 4 <= hex.length; i += 4) {
            const code = parseInt(hex.slice(i, i + 4), 16);
            if (code === 0) current.use.notdef++;
            else current.use.text += current.toUnicode.get(code) ?? '\uFFFD';
          }
        } else {
          current.use.text += Buffer.from(hex, 'hex').toString('latin1');
        }
      }
    }
  }
  return [...fonts.values()].map((f) => f.use);
}

/**
 * A ToUnicode CMap as PDFKit writes it (`<start> <end> [<u> <u> …]` ranges, UTF-16BE values; a
 * character of planes 2 and 3, such as 𠀀 U+20000, is a surrogate pair).
 */
function readToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => Buffer.from(hex.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le');
  for (const m of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    const start = parseInt(m[1], 16);
    [...m[3].matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((v, i) => map.set(start + i, utf16(v[1])));
  }
  return map;
}

interface FontFile {
  postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const openedFonts = new Map<string, FontFile>();

/**
 * A font file's PostScript name and character map, read by fontkit (PDFKit's font engine) once per
 * test file: the CJK files are 8 to 30 MB (HanaMinB), read whole.
 */
function openFont(file: string): FontFile {
  let font = openedFonts.get(file);
  if (!font) {
    const fontkit = require('fontkit') as { openSync(path: string): FontFile };
    font = fontkit.openSync(file);
    openedFonts.set(file, font);
  }
  return font;
}

/**
 * What keeps `sample` from being printed whole in a PDF, as readable lines (none: all is well): a
 * font that drew .notdef, a character of the sample that no font drew, a character drawn in a
 * font whose file has no glyph for it. `fontFiles` are the font files the PDF may embed (each
 * known by its PostScript name); a standard font (Helvetica) counts as printing Latin-1.
 */
export function unprintedCharacters(pdf: Uint8Array, sample: string, fontFiles: string[]): string[] {
  const files = new Map(fontFiles.map(openFont).map((font) => [font.postscriptName, font]));
  const problems: string[] = [];
  const uses = pdfGlyphs(pdf);
  for (const use of uses) {
    if (use.notdef) problems.push(`${use.name} drew ${use.notdef} .notdef glyph(s)`);
    const file = files.get(use.name);
    for (const char of new Set(use.text)) {
      const codePoint = char.codePointAt(0) ?? 0;
      const ok = file ? file.hasGlyphForCodePoint(codePoint) : codePoint < 0x100 || /[–—‘’“”•…€]/.test(char);
      if (!ok) problems.push(`${use.name} has no glyph for ${char} (U+${codePoint.toString(16).toUpperCase()})`);
    }
  }
  const drawn = new Set(uses.flatMap((use) => [...use.text]));
  for (const char of new Set(sample.replace(/\s+/g, '')))
    if (!drawn.has(char))
      problems.push(`${char} (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}) not drawn`);
  return problems;
}
