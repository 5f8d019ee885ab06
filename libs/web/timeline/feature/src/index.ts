export * from './lib/timeline.page';
export * from './lib/process-timeline.page';
