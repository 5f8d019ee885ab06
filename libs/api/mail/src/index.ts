export * from './lib/mail.module';
export * from './lib/outbox/outbound-email.entity';
export * from './lib/outbox/outbox.repository';
export * from './lib/outbox/outbox.service';
export * from './lib/queue/mail-queue';
export * from './lib/queue/queue.constants';
export * from './lib/templates/template-renderer';
