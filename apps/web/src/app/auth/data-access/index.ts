export * from './auth.api';
export * from './auth.store';
export * from './auth.interceptor';
export * from './auth.guard';
