export * from './lib/retention.module';
export * from './lib/retention.repository';
export * from './lib/retention.service';
