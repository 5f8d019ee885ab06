export * from './outbox.api';
export * from './outbox.store';
