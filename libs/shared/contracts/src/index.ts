export * from './lib/enums';
export * from './lib/models';
export * from './lib/requests';
export * from './lib/views';
export * from './lib/delegations';
export * from './lib/check-in';
export * from './lib/syntheses';
export * from './lib/webhooks';
