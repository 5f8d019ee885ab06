export * from './lib/zoned-time.util';
export * from './lib/time-zone-search.util';
