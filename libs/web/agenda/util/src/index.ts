export * from './lib/agenda-clash.util';
