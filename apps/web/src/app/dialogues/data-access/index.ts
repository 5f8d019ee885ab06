export * from './dialogues.api';
export * from './catalog.store';
export * from './dialogue.store';
