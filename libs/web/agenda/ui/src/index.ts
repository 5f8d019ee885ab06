export * from './lib/agenda-grid.component';
export * from './lib/agenda-item-form.component';
export * from './lib/agenda-item-form.factory';
