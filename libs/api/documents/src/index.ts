export * from './lib/storage/file-storage';
export * from './lib/storage/local-disk.storage';
export * from './lib/storage/s3.storage';
export * from './lib/storage/storage.factory';
