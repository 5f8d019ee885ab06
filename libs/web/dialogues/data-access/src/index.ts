export * from './lib/dialogues.api';
export * from './lib/catalog.store';
export * from './lib/processes.api';
export * from './lib/process.store';
export * from './lib/dialogue.store';
export * from './lib/agenda-ics-url.util';
