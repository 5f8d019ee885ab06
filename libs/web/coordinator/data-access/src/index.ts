export * from './lib/workspace.store';
export * from './lib/space-approvals.store';
export * from './lib/space-messages.api';
export * from './lib/space-message.store';
