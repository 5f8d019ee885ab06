export * from './lib/lead-time.component';
export * from './lib/agenda-view.component';
