export * from './lib/reports.module';
export * from './lib/reports.service';
export * from './lib/balance.util';
