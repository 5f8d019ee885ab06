export * from './lib/dialogues.api';
export * from './lib/catalog.store';
export * from './lib/dialogue.store';
export * from './lib/agenda-ics-url.util';
