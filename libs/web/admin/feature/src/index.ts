export * from './lib/staff.page';
export * from './lib/audit.page';
export * from './lib/webhooks.page';
