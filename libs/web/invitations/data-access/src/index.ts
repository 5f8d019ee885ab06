export * from './lib/invitations.api';
export * from './lib/recipients-csv.util';
export * from './lib/invitations.store';
