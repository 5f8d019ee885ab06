import { msg, type Message } from '@gfmd/api-platform';
import { filetypeinfo } from 'magic-bytes.js';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { inspectZip } from './zip-inspection';

/** A type the documents accept, learnt from the bytes. */
export interface DetectedType {
  contentType: string;
  extension: string;
  /** Shown in the browser (PDF, images) rather than downloaded. */
  inline: boolean;
}

export type TypeVerdict =
  { ok: true; type: DetectedType } | { ok: false; status: 415 | 422; slug: string; detail: Message };

/** How many first bytes the sniffer reads. */
export const HEAD_BYTES = 4100;

const SIMPLE: Record<string, DetectedType> = {
  pdf: { contentType: 'application/pdf', extension: 'pdf', inline: true },
  png: { contentType: 'image/png', extension: 'png', inline: true },
  jpg: { contentType: 'image/jpeg', extension: 'jpg', inline: true },
  gif: { contentType: 'image/gif', extension: 'gif', inline: true },
  webp: { contentType: 'image/webp', extension: 'webp', inline: true },
};
const OLE: { name: string; type: DetectedType }[] = [
  { name: 'WordDocument', type: { contentType: 'application/msword', extension: 'doc', inline: false } },
  { name: 'Workbook', type: { contentType: 'application/vnd.ms-excel', extension: 'xls', inline: false } },
  { name: 'Book', type: { contentType: 'application/vnd.ms-excel', extension: 'xls', inline: false } },
  {
    name: 'PowerPoint Document',
    type: { contentType: 'application/vnd.ms-powerpoint', extension: 'ppt', inline: false },
  },
];
const TEXT: DetectedType = { contentType: 'text/plain; charset=utf-8', extension: 'txt', inline: false };

const unsupported = (detail: Message = msg('documents.file.unsupported')) =>
  ({ ok: false, status: 415, slug: 'unsupported-file-type', detail }) as const;
const polyglot = () =>
  ({
    ok: false,
    status: 422,
    slug: 'polyglot-file',
    detail: msg('documents.file.polyglot'),
  }) as const;

/** Markup a browser or a PDF reader would act on, found where it should not be. */
const MARKUP = /<\s*(script|html|svg|iframe|object|embed)\b|<!doctype\s+html/i;
const ZIP_LOCAL = Buffer.from('PK\x03\x04', 'latin1');
const ZIP_END = Buffer.from('PK\x05\x06', 'latin1');
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

async function readTail(path: string, size: number, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const length = Math.min(size, bytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer;
  } finally {
    await handle.close();
  }
}

/** Whether the file holds any of the needles, read in 64 KB chunks (never whole in memory, no copies of chunks). */
async function fileContains(path: string, needles: Buffer[]): Promise<Buffer | undefined> {
  const overlap = Math.max(...needles.map((n) => n.length)) - 1;
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    // A needle across two chunks: the end of the last one and the start of this one.
    const seam = carry.length ? Buffer.concat([carry, chunk.subarray(0, overlap)]) : undefined;
    const found = needles.find((n) => chunk.includes(n) || !!seam?.includes(n));
    if (found) return found;
    carry = Buffer.from(chunk.subarray(Math.max(0, chunk.length - overlap)));
  }
  return undefined;
}

/** Whether the whole file is UTF-8 text without control characters (tab, line breaks and form feed aside). */
async function isPlainText(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(decoder.decode(chunk, { stream: true }))) return false;
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * The type of an uploaded file, from its bytes only (the name and the browser's claim are
 * ignored): PDF, PNG, JPEG, GIF, WebP, OOXML (docx, xlsx, pptx) and ODF (odt, ods, odp) after a
 * look inside the ZIP, legacy Office (OLE compound files with a Word, Excel or PowerPoint
 * stream), UTF-8 text. Anything else is 415; a zip bomb, a malformed container, a document with
 * macros or a polyglot (a second format hidden in the first) is 422.
 */
export async function detectFileType(path: string, head: Buffer, size: number): Promise<TypeVerdict> {
  if (size === 0) return { ok: false, status: 422, slug: 'empty-file', detail: msg('documents.file.empty') };
  const names = filetypeinfo(head).map((g) => g.typename);
  const first1k = head.subarray(0, 1024);
  const tail = await readTail(path, size, 65_557); // the ZIP end record is within the last 64 KB + 22 bytes

  if (names.includes('zip')) {
    if (!head.subarray(0, 4).equals(ZIP_LOCAL)) return unsupported();
    if (first1k.includes(PDF_MAGIC)) return polyglot();
    const zip = await inspectZip(path, size);
    if (!zip.ok)
      return zip.reason === 'unsupported'
        ? unsupported(zip.detail)
        : { ok: false, status: 422, slug: zip.reason === 'zip-bomb' ? 'zip-bomb' : 'refused-file', detail: zip.detail };
    return { ok: true, type: { contentType: zip.contentType, extension: zip.extension, inline: false } };
  }

  const simple = names.map((n) => SIMPLE[n === 'jpeg' ? 'jpg' : n]).find(Boolean);
  if (simple) {
    // A PDF or an image must not also be an archive, a page, or (for images) a PDF.
    if (tail.includes(ZIP_END) || MARKUP.test(first1k.toString('latin1'))) return polyglot();
    if (simple.extension !== 'pdf' && first1k.includes(PDF_MAGIC)) return polyglot();
    if (await fileContains(path, [Buffer.from('<script', 'latin1'), Buffer.from('<SCRIPT', 'latin1')]))
      return polyglot();
    return { ok: true, type: simple };
  }

  if (names.includes('doc') || names.includes('xls') || names.includes('ppt')) {
    if (tail.includes(ZIP_END)) return polyglot();
    const streams = OLE.map((o) => ({ ...o, needle: Buffer.from(o.name, 'utf16le') }));
    const found = await fileContains(
      path,
      streams.map((s) => s.needle),
    );
    const match = streams.find((s) => found && s.needle.equals(found));
    return match ? { ok: true, type: match.type } : unsupported();
  }

  if (names.length === 0 && (await isPlainText(path))) {
    if (MARKUP.test(first1k.toString('utf8')) || first1k.includes(PDF_MAGIC) || tail.includes(ZIP_END))
      return polyglot();
    return { ok: true, type: TEXT };
  }
  return unsupported();
}
