export * from './lib/staff-admin.api';
export * from './lib/staff-admin.store';
export * from './lib/audit.store';
export * from './lib/webhooks.api';
export * from './lib/webhooks.store';
