export * from './lib/agenda-clash.util';
export * from './lib/agenda-grid.util';
