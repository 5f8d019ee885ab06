/**
 * Processes in the console (entry point of its own, so the public pages' first load does not
 * carry them): the HTTP edge and the store of a process's calendar.
 */
export * from './lib/processes.api';
export * from './lib/process.store';
