export * from './lib/webhooks.module';
export * from './lib/webhook-signature';
