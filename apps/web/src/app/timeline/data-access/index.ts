export * from './timeline.store';
