export * from './agenda-clash.util';
