export * from './lib/timeline.store';
export * from './lib/process-timeline.store';
