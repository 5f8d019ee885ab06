export * from './workspace.store';
