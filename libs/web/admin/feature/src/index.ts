export * from './lib/staff.page';
export * from './lib/audit.page';
