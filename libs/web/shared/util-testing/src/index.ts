export * from './lib/factories';
