export * from './lib/auth.api';
export * from './lib/auth.store';
export * from './lib/auth.interceptor';
export * from './lib/auth.guard';
export * from './lib/users.api';
export * from './lib/staff.store';
