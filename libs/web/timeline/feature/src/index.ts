export * from './lib/timeline.page';
