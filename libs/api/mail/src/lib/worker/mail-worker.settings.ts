import type { AppConfig } from '@gfmd/api-platform';

/** Tuning of the worker side; production values come from AppConfig, tests may shorten the timings. */
export interface MailWorkerSettings {
  /** Jobs processed at once by this process. */
  concurrency: number;
  /**
   * How long a claim, mint or sent-mark group waits for company before its statement goes out. A
   * group holds what arrives meanwhile: in a steady stream about (emails per second) × (this wait
   * + one statement), which is why longer waits buy little (docs/performance.md, email throughput).
   */
  batchLingerMs: number;
  /**
   * Rows a worker keeps claimed ahead of their jobs at most (0: none, each job claims its own
   * row). Each claim statement tops the window up with the oldest due rows never tried, and mints
   * their links in one statement; their jobs, when they come, find them claimed and send them
   * (one send per job that BullMQ hands over, so the rate limit holds). docs/performance.md,
   * "Email throughput", session 10.
   */
  claimAhead: number;
  /**
   * How long a sent-mark group waits for company. A job is done once the SMTP server accepted its
   * email; the row is marked `sent` by the next group (one transaction for every email accepted
   * meanwhile), still `sending` under its lease until then, so a crash in between sends it again
   * after the lease — never loses it (docs/performance.md, "Email throughput", session 11).
   */
  sentMarkLingerMs: number;
  /**
   * Emails accepted and not yet marked `sent` at most; past it a job waits for its own mark. It
   * bounds what a crash may send twice (with the jobs running and the rows claimed ahead).
   */
  maxUnmarked: number;
  /** Messages per second across every worker replica (BullMQ's queue-level limiter). */
  ratePerSecond: number;
  /** How long a claimed row stays `sending` before another worker may take it (longer than any send). */
  leaseMs: number;
  /** BullMQ job lock; a dead worker's jobs are taken back after it expires. */
  lockDurationMs: number;
  stalledIntervalMs: number;
  /** How often the outbox sweep runs (one run per slot across replicas). */
  sweepIntervalMs: number;
  /** A `pending` row younger than this is left to its after-commit enqueue. */
  pendingGraceMs: number;
  /** Rows looked at per sweep and per kind of candidate. */
  sweepBatch: number;
  /** How often the worker renews its heartbeat in Redis (shown by GET /health). */
  heartbeatIntervalMs: number;
  /** Emails sent to one address within 24 hours at most; more are held (failed, with the reason). 0: no cap. */
  perRecipientPerDay: number;
  /** nodemailer pool. */
  pool: { maxConnections: number; maxMessages: number };
}

export const MAIL_WORKER_SETTINGS = Symbol('MAIL_WORKER_SETTINGS');

export function mailWorkerSettings(config: AppConfig, overrides: Partial<MailWorkerSettings> = {}): MailWorkerSettings {
  return {
    concurrency: config.workerConcurrency,
    batchLingerMs: 5,
    claimAhead: 100,
    sentMarkLingerMs: 25,
    maxUnmarked: 100,
    ratePerSecond: config.mailRatePerSecond,
    leaseMs: 120_000,
    lockDurationMs: 30_000,
    stalledIntervalMs: 30_000,
    sweepIntervalMs: config.outboxSweepIntervalMs,
    pendingGraceMs: 10_000,
    sweepBatch: 1000,
    heartbeatIntervalMs: 10_000,
    pool: { maxConnections: 5, maxMessages: 100 },
    perRecipientPerDay: config.sendingLimits.mailPerRecipientPerDay,
    ...overrides,
  };
}
