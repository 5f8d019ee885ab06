export * from './lib/timeline-chart.component';
export * from './lib/process-timeline.component';
export * from './lib/process-timeline.util';
