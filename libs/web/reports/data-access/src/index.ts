export * from './lib/reports.api';
export * from './lib/reports.store';
