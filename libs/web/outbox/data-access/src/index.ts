export * from './lib/outbox.api';
export * from './lib/outbox.store';
