export * from './lib/zoned-time.util';
