export * from './lib/registration-space.entity';
export * from './lib/registration.entity';
export * from './lib/registrations.module';
