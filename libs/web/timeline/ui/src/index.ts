export * from './lib/timeline-chart.component';
