export * from './lib/workspace.store';
