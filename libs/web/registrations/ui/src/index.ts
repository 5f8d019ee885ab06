export * from './lib/decline-dialog.component';
export * from './lib/person-fields.component';
export * from './lib/stakeholder-balance.component';
