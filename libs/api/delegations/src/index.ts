export * from './lib/delegations.module';
export * from './lib/delegations.service';
export * from './lib/delegations.repository';
export * from './lib/delegation.dto';
export * from './lib/delegation-roles';
