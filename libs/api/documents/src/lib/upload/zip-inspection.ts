import { msg, type Message } from '@gfmd/api-platform';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** What a ZIP container may hold before it is taken for a zip bomb. */
export const ZIP_LIMITS = {
  entries: 5000,
  /** Sum of the declared uncompressed sizes. */
  uncompressedBytes: 512 * 1024 * 1024,
  /** Uncompressed ÷ compressed, for the whole archive and for any entry over 1 MB uncompressed. */
  ratio: 100,
  /** The entries read to learn the type ([Content_Types].xml, mimetype). */
  readBytes: 1024 * 1024,
};

export type ZipVerdict =
  | { ok: true; contentType: string; extension: string }
  | { ok: false; reason: 'zip-bomb' | 'unsupported' | 'malformed' | 'macros'; detail: Message };

const OOXML: Record<string, { contentType: string; extension: string }> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml': {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
  },
};
const ODF: Record<string, string> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

const open = (path: string) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true },
      (error, zip) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip)),
    ),
  );

async function readEntry(zip: ZipFile, entry: Entry): Promise<string> {
  if (entry.uncompressedSize > ZIP_LIMITS.readBytes) throw new Error('entry too large to read');
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (error, s) => (error || !s ? reject(error ?? new Error('no stream')) : resolve(s))),
  );
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > ZIP_LIMITS.readBytes) throw new Error('entry larger than it says');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Looks inside a ZIP container without unpacking it: refuses archives whose declared sizes,
 * ratios or entry count make a zip bomb (or that yauzl finds malformed: overlapping entries,
 * names with `..` or absolute paths), then tells an OOXML document ([Content_Types].xml names
 * the main part) or an ODF one (the `mimetype` entry) from any other ZIP (refused). Macro-enabled
 * documents (a vbaProject part) are refused.
 */
export async function inspectZip(path: string, fileSize: number): Promise<ZipVerdict> {
  let zip: ZipFile;
  try {
    zip = await open(path);
  } catch {
    return { ok: false, reason: 'malformed', detail: msg('documents.zip.malformed') };
  }
  try {
    if (zip.entryCount > ZIP_LIMITS.entries)
      return {
        ok: false,
        reason: 'zip-bomb',
        detail: msg('documents.zip.tooManyEntries', { max: ZIP_LIMITS.entries }),
      };
    let uncompressed = 0;
    let contentTypes: Entry | undefined;
    let mimetype: Entry | undefined;
    let first = true;
    let macros = false;
    for (;;) {
      const entry = await new Promise<Entry | null>((resolve, reject) => {
        zip.once('entry', resolve);
        zip.once('end', () => resolve(null));
        zip.once('error', reject);
        zip.readEntry();
      });
      if (!entry) break;
      zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
      uncompressed += entry.uncompressedSize;
      const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : Infinity;
      if (
        uncompressed > ZIP_LIMITS.uncompressedBytes ||
        (entry.uncompressedSize > 1024 * 1024 && ratio > ZIP_LIMITS.ratio)
      )
        return { ok: false, reason: 'zip-bomb', detail: msg('documents.zip.bomb') };
      if (entry.fileName === '[Content_Types].xml') contentTypes = entry;
      if (entry.fileName === 'mimetype' && first) mimetype = entry;
      if (/(^|\/)vbaProject\.bin$/i.test(entry.fileName)) macros = true;
      first = false;
    }
    if (uncompressed > Math.max(fileSize, 1) * ZIP_LIMITS.ratio && uncompressed > 1024 * 1024)
      return { ok: false, reason: 'zip-bomb', detail: msg('documents.zip.bomb') };
    if (macros) return { ok: false, reason: 'macros', detail: msg('documents.zip.macros') };
    if (mimetype) {
      const declared = (await readEntry(zip, mimetype)).trim();
      const extension = ODF[declared];
      if (extension) return { ok: true, contentType: declared, extension };
    }
    if (contentTypes) {
      const xml = await readEntry(zip, contentTypes);
      for (const [main, type] of Object.entries(OOXML))
        if (xml.includes(`ContentType="${main}"`)) return { ok: true, ...type };
      if (/macroEnabled/i.test(xml)) return { ok: false, reason: 'macros', detail: msg('documents.zip.macros') };
    }
    return { ok: false, reason: 'unsupported', detail: msg('documents.zip.notOffice') };
  } catch {
    return { ok: false, reason: 'malformed', detail: msg('documents.zip.malformed') };
  } finally {
    zip.close();
  }
}
