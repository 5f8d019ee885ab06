export * from './lib/problem.util';
export * from './lib/download.util';
export * from './lib/early-response.interceptor';
export * from './lib/items-of.util';
export * from './lib/language.interceptor';
