export * from './lib/registration-space.entity';
export * from './lib/registration.entity';
export * from './lib/registrations.module';
export * from './lib/registrations.service';
export * from './lib/registration.mapper';
export * from './lib/registration-settings';
export * from './lib/registration.dto';
export * from './lib/seat-rules.util';
