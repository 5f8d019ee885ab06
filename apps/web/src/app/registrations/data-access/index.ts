export * from './registrations.api';
export * from './space-eligibility.util';
export * from './manage.store';
export * from './registrations-table.store';
