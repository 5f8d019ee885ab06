export * from './lib/registrations.api';
export * from './lib/space-eligibility.util';
export * from './lib/manage.store';
export * from './lib/registrations-table.store';
export * from './lib/register.store';
export * from './lib/invitation-prefill.util';
export * from './lib/answer-rows.util';
