export * from './lib/timeline.store';
