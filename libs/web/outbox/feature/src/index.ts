export * from './lib/outbox.page';
