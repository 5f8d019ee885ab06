export * from './problem.util';
export * from './download.util';
export * from './early-response.interceptor';
export * from './items-of.util';
