export * from './problem.util';
export * from './download.util';
