import type { MultipartFile } from '@fastify/multipart';
import { ProblemException, badRequest, msg } from '@gfmd/api-platform';
import type { FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HEAD_BYTES } from './file-type';

/** An uploaded file held in a temporary file while it is checked (removed by `discard`). */
export interface ReceivedFile {
  path: string;
  /** The name the client gave (unsafe: see safeFileName). */
  clientName: string;
  size: number;
  sha256: string;
  /** The first HEAD_BYTES bytes, for the type sniffer. */
  head: Buffer;
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  file?: ReceivedFile;
  discard(): Promise<void>;
}

export const tooLarge = (maxBytes: number) =>
  new ProblemException(413, 'payload-too-large', msg('documents.tooLarge', { mb: Math.round(maxBytes / 1024 / 1024) }));

/** Where uploads wait while they are checked. */
const spool = () => join(tmpdir(), 'gfmd-uploads');

/**
 * Reads a multipart request part by part: text fields into a record, the one `file` part
 * streamed to a temporary file (never whole in memory) while its first bytes, size and SHA-256
 * are taken. Over `maxBytes` → 413 (the temporary file removed). Two files, fields too long or
 * too many, a part that is not `file` → 400.
 */
export async function receiveUpload(request: FastifyRequest, maxBytes: number): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new ProblemException(415, 'multipart-required', msg('documents.notMultipart'));
  const fields: Record<string, string> = Object.create(null);
  let file: ReceivedFile | undefined;
  const discard = async () => {
    if (file) await rm(file.path, { force: true });
  };
  try {
    for await (const part of request.parts({
      preservePath: true,
      limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 4000, parts: 21, fieldNameSize: 40 },
    })) {
      if (part.type === 'field') {
        if (part.valueTruncated) throw badRequest(msg('documents.fieldTooLong', { field: part.fieldname }));
        if (part.fieldname in fields) throw badRequest(msg('documents.fieldTwice', { field: part.fieldname }));
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') {
        await drain(part);
        throw badRequest(msg('documents.unknownPart', { field: part.fieldname }));
      }
      file = await spoolFile(part);
      if (part.file.truncated) throw tooLarge(maxBytes);
    }
  } catch (error) {
    await discard();
    if (error instanceof ProblemException) throw error;
    const e = error as { statusCode?: number; code?: string };
    // The count limits answer 413 in @fastify/multipart; here they are a malformed request, not a big file.
    if (e.code === 'FST_FILES_LIMIT') throw badRequest(msg('documents.oneFile'));
    if (e.code === 'FST_PARTS_LIMIT' || e.code === 'FST_FIELDS_LIMIT') throw badRequest(msg('documents.tooManyParts'));
    if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413) throw tooLarge(maxBytes);
    // Busboy's own refusals carry no code: no boundary, a body cut short, a malformed part header.
    if (/^Multipart: Boundary not found|unexpected end of multipart data|Malformed part header/i.test(message(error)))
      throw badRequest(msg('documents.truncated'));
    // The client went away mid-upload (cancelled, connection lost): nobody reads the answer, but it is no 500.
    if (e.code === 'ECONNRESET' || e.code === 'FST_MP_PREMATURE_CLOSE' || (error as Error).message === 'aborted')
      throw badRequest(msg('documents.interrupted'));
    if (e.statusCode && e.statusCode < 500) throw badRequest(msg('documents.malformed'));
    throw error;
  }
  return { fields, file, discard };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function drain(part: MultipartFile) {
  for await (const _ of part.file) {
    /* discard */
  }
}

async function spoolFile(part: MultipartFile): Promise<ReceivedFile> {
  await mkdir(spool(), { recursive: true, mode: 0o700 });
  const path = join(spool(), randomUUID());
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        const slice = chunk.subarray(0, HEAD_BYTES - headLength);
        head.push(Buffer.from(slice));
        headLength += slice.length;
      }
      done(null, chunk);
    },
  });
  const received: ReceivedFile = { path, clientName: part.filename ?? '', size: 0, sha256: '', head: Buffer.alloc(0) };
  try {
    await pipeline(part.file, tap, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { ...received, size, sha256: hash.digest('hex'), head: Buffer.concat(head) };
}
