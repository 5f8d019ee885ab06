export * from './lib/check-in.module';
export * from './lib/check-in-codes.service';
export * from './lib/check-in-code.util';
export * from './lib/certificate-notices.service';
