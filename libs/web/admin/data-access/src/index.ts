export * from './lib/staff-admin.api';
export * from './lib/staff-admin.store';
export * from './lib/audit.store';
