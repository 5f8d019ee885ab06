export * from './lib/agenda-builder.page';
