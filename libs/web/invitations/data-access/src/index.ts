export * from './lib/invitations.api';
export * from './lib/recipients-csv.util';
