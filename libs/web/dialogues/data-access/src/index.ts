export * from './lib/dialogues.api';
export * from './lib/catalog.store';
export * from './lib/dialogue.store';
