import type { Readable } from 'node:stream';

/** What a store knows of a stored object. */
export interface StoredObjectStat {
  size: number;
}

/**
 * Where document bytes live: one interface, two drivers (local disk, S3-compatible). Keys are
 * opaque and made by the documents service (`<uuid>`), never from a file name a user gave.
 */
export interface FileStorage {
  /** A name for logs and health (`local`, `s3`). */
  readonly driver: string;
  /** Streams `body` into `key` (never buffered whole); resolves once the object is complete. */
  put(key: string, body: Readable, options: { contentType: string; size?: number }): Promise<StoredObjectStat>;
  /** A stream of the object's bytes; null when there is no such object. */
  get(key: string): Promise<Readable | null>;
  /** Removes the object; no error when it is already gone. */
  delete(key: string): Promise<void>;
  /** Its size, or null when there is no such object. */
  stat(key: string): Promise<StoredObjectStat | null>;
}

/** The Nest token of the configured FileStorage. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** Keys the drivers accept: what the service makes (a uuid, maybe with a folder), nothing that climbs. */
const KEY_SHAPE = /^[a-z0-9][a-z0-9-]{0,62}(\/[a-z0-9][a-z0-9-]{0,62}){0,3}$/;

export function assertStorageKey(key: string): void {
  if (!KEY_SHAPE.test(key)) throw new Error('invalid storage key');
}
