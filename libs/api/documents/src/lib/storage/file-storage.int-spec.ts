import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { startS3TestServer, S3TestServer } from '../../testing/s3-test-server';
import type { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { parseStorageUrl, S3Storage } from './s3.storage';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
/** A stream that yields `size` random bytes in 64 KB chunks (never whole in memory at once). */
function bytes(size: number, digest: ReturnType<typeof createHash>): Readable {
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const chunk = randomBytes(Math.min(65536, left));
      left -= chunk.length;
      digest.update(chunk);
      this.push(chunk);
    },
  });
}

/** The same contract, run against each driver. */
function contract(name: string, make: () => FileStorage, objectsStored: () => Promise<number>) {
  describe(name, () => {
    let sut: FileStorage;
    beforeAll(() => {
      sut = make();
    });

    it('puts, stats, gets and deletes an object', async () => {
      const key = randomUUID();
      const body = Buffer.from('%PDF-1.7 hello');
      expect(await sut.put(key, Readable.from([body]), { contentType: 'application/pdf' })).toEqual({
        size: body.length,
      });
      expect(await sut.stat(key)).toEqual({ size: body.length });
      expect(await readAll((await sut.get(key)) as Readable)).toEqual(body);
      await sut.delete(key);
      expect(await sut.stat(key)).toBeNull();
      expect(await sut.get(key)).toBeNull();
      await expect(sut.delete(key)).resolves.toBeUndefined();
    });

    it('streams a 12 MB object in and out unchanged (several parts on S3)', async () => {
      const key = randomUUID();
      const digest = createHash('sha256');
      const stat = await sut.put(key, bytes(12 * 1024 * 1024, digest), { contentType: 'application/octet-stream' });
      expect(stat.size).toBe(12 * 1024 * 1024);
      expect(sha(await readAll((await sut.get(key)) as Readable))).toBe(digest.digest('hex'));
      await sut.delete(key);
    });

    it('leaves nothing when the incoming stream fails half-way', async () => {
      const before = await objectsStored();
      const key = randomUUID();
      const failing = new Readable({
        read() {
          this.push(randomBytes(1024));
          this.destroy(new Error('client went away'));
        },
      });
      await expect(sut.put(key, failing, { contentType: 'text/plain' })).rejects.toThrow();
      expect(await sut.stat(key)).toBeNull();
      expect(await objectsStored()).toBe(before);
    });

    it('refuses keys that could climb out of its place', async () => {
      await expect(sut.stat('../etc/passwd')).rejects.toThrow('invalid storage key');
      await expect(sut.put('a/../../b', Readable.from([]), { contentType: 'text/plain' })).rejects.toThrow();
    });
  });
}

describe('FileStorage drivers (integration)', () => {
  let dir: string;
  let s3: S3TestServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gfmd-docs-'));
    s3 = await startS3TestServer();
  });
  afterAll(async () => {
    await s3?.close();
    await rm(dir, { recursive: true, force: true });
  });

  contract(
    LocalDiskStorage.name,
    () => new LocalDiskStorage(dir),
    async () => (await readdir(dir)).length,
  );

  contract(
    S3Storage.name,
    () => new S3Storage(parseStorageUrl(s3.url)),
    async () => {
      const client = new S3Storage(parseStorageUrl(s3.url)).client;
      const res = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
      return res.KeyCount ?? 0;
    },
  );
});

describe(parseStorageUrl.name, () => {
  it('reads endpoint, credentials, bucket, prefix and options', () => {
    expect(parseStorageUrl('s3s://AK%2F1:se%40cret@minio.example:9000/docs/gfmd/prod?region=eu-west-1')).toEqual({
      endpoint: 'https://minio.example:9000',
      region: 'eu-west-1',
      bucket: 'docs',
      prefix: 'gfmd/prod/',
      accessKeyId: 'AK/1',
      secretAccessKey: 'se@cret',
      forcePathStyle: true,
    });
  });
  it('uses AWS itself with ?aws=true', () => {
    expect(parseStorageUrl('s3://my-bucket?aws=true&region=eu-central-1')).toMatchObject({
      endpoint: undefined,
      bucket: 'my-bucket',
      forcePathStyle: false,
    });
  });
  it('refuses a URL without a bucket', () => {
    expect(() => parseStorageUrl('s3://host:9000/')).toThrow('no bucket');
  });
});
