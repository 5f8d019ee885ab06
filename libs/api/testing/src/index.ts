export * from './lib/factories';
export * from './lib/test-app';
