import type { JobsOptions } from 'bullmq';

/** Every queue of the system. */
export enum QueueName {
  Mail = 'mail',
  Maintenance = 'maintenance',
}

/** Every job name, with its payload type below. The worker refuses to start if one has no handler. */
export enum JobName {
  SendEmail = 'send-email',
  /** Several rows due together (docs/operations.md, MAIL_JOB_GROUP_SIZE). */
  SendEmails = 'send-emails',
  SweepOutbox = 'sweep-outbox',
  ReleaseEmails = 'release-emails',
}

/** The queue each job runs on. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SendEmail]: QueueName.Mail,
  [JobName.SendEmails]: QueueName.Mail,
  [JobName.SweepOutbox]: QueueName.Maintenance,
  [JobName.ReleaseEmails]: QueueName.Maintenance,
};

/** Payloads carry ids only, never personal data. */
export interface SendEmailJob {
  outboxId: string;
}

/** The rows of a group job (ids only); each row is still claimed, sent and recorded on its own. */
export interface SendEmailsJob {
  outboxIds: string[];
}

/** One sweep per time slot across all replicas (the slot is part of the jobId). */
export interface SweepOutboxJob {
  slot: number;
}

/**
 * Outbox rows whose send jobs the worker adds (one job for a batch of rows, instead of one job
 * per row added by the API: see MailQueue.release). Ids and due times only.
 */
export interface ReleaseEmailsJob {
  rows: { id: string; sendAfter?: number }[];
}

export interface JobPayloads {
  [JobName.SendEmail]: SendEmailJob;
  [JobName.SendEmails]: SendEmailsJob;
  [JobName.SweepOutbox]: SweepOutboxJob;
  [JobName.ReleaseEmails]: ReleaseEmailsJob;
}

/**
 * How far ahead a scheduled email (a reminder weeks away, a coalesced agenda update) gets its
 * delayed job: rows due later wait in the outbox alone, and the sweep releases them as their
 * moment comes within this horizon. Two sweep intervals, so no moment falls between two sweeps.
 */
export const releaseHorizonMs = (sweepIntervalMs: number) => 2 * sweepIntervalMs;

/** Default options of every mail job: bounded retries with exponential backoff + jitter, trimmed history. */
export const MAIL_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000, jitter: 0.5 },
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: { count: 5000, age: 7 * 24 * 3600 },
};

/**
 * A release retries a few times (Redis failing while the worker adds the send jobs); past that the
 * sweep gives the rows, still `pending`, their jobs after its grace period.
 */
export const RELEASE_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 1000, age: 7 * 24 * 3600 },
};

/** Maintenance jobs run once; the next slot runs them again. */
export const MAINTENANCE_JOB_OPTIONS: JobsOptions = {
  attempts: 1,
  removeOnComplete: { count: 50 },
  removeOnFail: { count: 50 },
};
