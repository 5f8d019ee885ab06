export * from './lib/staff.module';
export * from './lib/staff-links';
export * from './lib/staff-links.repository';
export * from './lib/staff-accounts.service';
