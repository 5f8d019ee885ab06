export * from './lib/syntheses.module';
export * from './lib/subscribers-core.module';
export * from './lib/syntheses.service';
export * from './lib/subscribers.service';
