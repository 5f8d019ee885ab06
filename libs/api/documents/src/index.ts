export * from './lib/storage/file-storage';
export * from './lib/storage/local-disk.storage';
export * from './lib/storage/s3.storage';
export * from './lib/storage/storage.factory';
export * from './lib/documents.module';
export * from './lib/documents.service';
export * from './lib/documents.repository';
export * from './lib/upload/file-type';
