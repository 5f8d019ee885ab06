export * from './lib/retention.module';
export * from './lib/retention.repository';
export * from './lib/retention.service';
export * from './lib/retained-dialogues';
export * from './lib/retention-reads.module';
export * from './lib/maintenance-runs';
export * from './lib/outbox-pruning';
