export * from './lib/decline-dialog.component';
export * from './lib/person-fields.component';
export * from './lib/stakeholder-balance.component';
export * from './lib/question-fields.component';
export * from './lib/question-form.util';
