import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import { assertStorageKey, FileStorage, StoredObjectStat } from './file-storage';

/** An S3-compatible store as STORAGE_URL names it. */
export interface S3Location {
  endpoint?: string;
  region: string;
  bucket: string;
  prefix: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

/**
 * `s3://KEY:SECRET@host:port/bucket/prefix?region=eu-west-1&forcePathStyle=true` (http) or
 * `s3s://…` (https). Without a host (`s3:///bucket` or `s3://bucket` with `?aws=true`) the
 * SDK's own endpoint and credential chain are used. Key and secret are percent-decoded.
 */
export function parseStorageUrl(value: string): S3Location {
  const url = new URL(value);
  if (url.protocol !== 's3:' && url.protocol !== 's3s:') throw new Error('STORAGE_URL: expected s3:// or s3s://');
  const aws = url.searchParams.get('aws') === 'true';
  const segments = url.pathname.split('/').filter(Boolean);
  const bucket = aws ? url.hostname : segments.shift();
  if (!bucket) throw new Error('STORAGE_URL: no bucket (s3://key:secret@host:port/bucket)');
  const scheme = url.protocol === 's3s:' ? 'https' : 'http';
  return {
    endpoint: aws || !url.hostname ? undefined : `${scheme}://${url.host}`,
    region: url.searchParams.get('region') ?? 'us-east-1',
    bucket,
    prefix: segments.length ? `${segments.join('/')}/` : '',
    accessKeyId: url.username ? decodeURIComponent(url.username) : undefined,
    secretAccessKey: url.password ? decodeURIComponent(url.password) : undefined,
    forcePathStyle: (url.searchParams.get('forcePathStyle') ?? (aws ? 'false' : 'true')) === 'true',
  };
}

const missing = (error: unknown) =>
  error instanceof NoSuchKey ||
  error instanceof NotFound ||
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/** Documents in an S3-compatible bucket; uploads stream in parts (lib-storage), never whole in memory. */
export class S3Storage implements FileStorage {
  readonly driver = 's3';
  readonly client: S3Client;

  constructor(readonly location: S3Location) {
    this.client = new S3Client({
      region: location.region,
      endpoint: location.endpoint,
      forcePathStyle: location.forcePathStyle,
      credentials:
        location.accessKeyId && location.secretAccessKey
          ? { accessKeyId: location.accessKeyId, secretAccessKey: location.secretAccessKey }
          : undefined,
    });
  }

  private key(key: string): string {
    assertStorageKey(key);
    return `${this.location.prefix}${key}`;
  }

  async put(key: string, body: Readable, options: { contentType: string }): Promise<StoredObjectStat> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.location.bucket, Key: this.key(key), Body: body, ContentType: options.contentType },
      // 5 MB parts, two at a time: at most ~10 MB of one upload in memory whatever its size.
      partSize: 5 * 1024 * 1024,
      queueSize: 2,
      leavePartsOnError: false,
    });
    await upload.done();
    const stat = await this.stat(key);
    if (!stat) throw new Error('the store lost the object it just took');
    return stat;
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key: this.key(key) }));
      return (res.Body as Readable | undefined) ?? null;
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.key(key) }));
  }

  async stat(key: string): Promise<StoredObjectStat | null> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.key(key) }));
      return { size: Number(res.ContentLength ?? 0) };
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }
}
