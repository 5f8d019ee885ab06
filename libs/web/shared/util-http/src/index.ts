export * from './lib/problem.util';
export * from './lib/download.util';
export * from './lib/early-response.interceptor';
export * from './lib/filter-query';
export * from './lib/language.interceptor';
export * from './lib/cursor-paging';
