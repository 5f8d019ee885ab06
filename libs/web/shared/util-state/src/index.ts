export * from './lib/submit-state.util';
export * from './lib/focus-first-invalid.util';
export * from './lib/load-resource.util';
export * from './lib/backoff-poll.util';
