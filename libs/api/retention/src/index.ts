export * from './lib/retention.module';
export * from './lib/retention.repository';
export * from './lib/retention.service';
export * from './lib/maintenance-runs';
