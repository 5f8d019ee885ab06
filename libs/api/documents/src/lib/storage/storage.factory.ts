import type { AppConfig } from '@gfmd/api-platform';
import type { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { parseStorageUrl, S3Storage } from './s3.storage';

/** The store STORAGE_URL names: S3 for s3:// and s3s://, else the local disk (STORAGE_DIR, or the path of a file: URL). */
export function createFileStorage(config: AppConfig): FileStorage {
  const { storageUrl, storageDir } = config.documents;
  if (storageUrl?.startsWith('s3')) return new S3Storage(parseStorageUrl(storageUrl));
  if (storageUrl?.startsWith('file:')) return new LocalDiskStorage(decodeURIComponent(new URL(storageUrl).pathname));
  return new LocalDiskStorage(storageDir);
}
