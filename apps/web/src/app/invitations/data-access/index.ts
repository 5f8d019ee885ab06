export * from './invitations.api';
export * from './recipients-csv.util';
