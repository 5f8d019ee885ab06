export * from './lib/factories';
export * from './lib/test-app';
export * from './lib/smtp-sink';
export * from './lib/test-env';
export * from './lib/typescript-process';
export * from './lib/pdf-glyphs';
export * from './lib/pdf-text';
