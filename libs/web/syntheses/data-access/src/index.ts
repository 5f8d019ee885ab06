export * from './lib/syntheses.api';
export * from './lib/synthesis.store';
export * from './lib/sections.util';
