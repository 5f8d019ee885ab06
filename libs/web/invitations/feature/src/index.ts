export * from './lib/invitations.page';
