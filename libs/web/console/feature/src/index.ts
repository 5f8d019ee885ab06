export * from './lib/console.routes';
