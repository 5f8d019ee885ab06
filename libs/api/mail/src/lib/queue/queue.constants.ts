import type { JobsOptions } from 'bullmq';

/** Every queue of the system. */
export enum QueueName {
  Mail = 'mail',
  Maintenance = 'maintenance',
}

/** Every job name, with its payload type below. */
export enum JobName {
  SendEmail = 'send-email',
  SweepOutbox = 'sweep-outbox',
}

/** Payloads carry ids only, never personal data. */
export interface SendEmailJob {
  outboxId: string;
}

/** Default options of every mail job: bounded retries with exponential backoff, trimmed history. */
export const MAIL_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000, jitter: 0.5 },
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: { count: 5000, age: 7 * 24 * 3600 },
};
