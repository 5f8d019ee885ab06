import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, RedisService } from '@gfmd/api-platform';
import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import Redis from 'ioredis';
import { MailQueue } from '../queue/mail-queue';
import { JOB_QUEUE, JobName, MAINTENANCE_JOB_OPTIONS, QueueName, SweepOutboxJob } from '../queue/queue.constants';
import { indexHandlers, JobHandler } from './job-handler';
import { MAIL_WORKER_SETTINGS, MailWorkerSettings } from './mail-worker.settings';
import { ReleaseEmailsHandler } from './release-emails.handler';
import { SendEmailGroupHandler } from './send-email-group.handler';
import { SendEmailHandler } from './send-email.handler';
import { SmtpMailer } from './smtp-mailer';
import { SweepOutboxHandler } from './sweep-outbox.handler';

/**
 * The BullMQ consumers of the worker app: one Worker per queue, dispatching by job name to the
 * handlers. Startup fails when a job name has no handler. On SIGTERM, `close()` lets the jobs in
 * hand finish before the database and the SMTP pool close.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailWorker.name);
  private readonly workers: Worker[] = [];
  /** Ours to close: BullMQ leaves connections it was given open. */
  private readonly connections: Redis[] = [];
  private maintenance?: Queue<SweepOutboxJob>;
  private timer?: NodeJS.Timeout;
  private rateLimitWarned = false;

  constructor(
    private readonly config: AppConfig,
    @Inject(MAIL_WORKER_SETTINGS) private readonly settings: MailWorkerSettings,
    private readonly mailQueue: MailQueue,
    private readonly mailer: SmtpMailer,
    private readonly sendEmail: SendEmailHandler,
    sendEmails: SendEmailGroupHandler,
    sweepOutbox: SweepOutboxHandler,
    releaseEmails: ReleaseEmailsHandler,
  ) {
    this.handlers = indexHandlers([sendEmail, sendEmails, sweepOutbox, releaseEmails] as JobHandler[]);
  }

  private readonly handlers: Map<JobName, JobHandler>;

  async onApplicationBootstrap(): Promise<void> {
    const connection = (extra: Parameters<typeof RedisService.options>[0] = {}) => {
      const redis = new Redis(this.config.redisUrl, RedisService.options({ maxRetriesPerRequest: null, ...extra }));
      redis.on('error', () => undefined);
      this.connections.push(redis);
      return redis;
    };
    this.maintenance = new Queue<SweepOutboxJob>(QueueName.Maintenance, {
      connection: connection({ maxRetriesPerRequest: 1, enableOfflineQueue: false }),
      prefix: this.config.queuePrefix,
      defaultJobOptions: MAINTENANCE_JOB_OPTIONS,
    });
    this.maintenance.on('error', () => undefined);

    for (const queueName of Object.values(QueueName)) {
      const worker = new Worker(queueName, (job: Job, token?: string) => this.dispatch(queueName, job, token), {
        connection: connection(),
        prefix: this.config.queuePrefix,
        concurrency: queueName === QueueName.Mail ? this.settings.concurrency : 1,
        lockDuration: this.settings.lockDurationMs,
        stalledInterval: this.settings.stalledIntervalMs,
      });
      worker.on('failed', (job, error) => {
        if (job) void this.afterFailure(job, error);
      });
      worker.on('error', (error) =>
        this.logger.warn({ queue: queueName, err: error.message }, 'worker connection error'),
      );
      this.workers.push(worker);
    }
    await this.applyRateLimit();
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.settings.sweepIntervalMs);
    this.logger.log(
      {
        concurrency: this.settings.concurrency,
        ratePerSecond: this.settings.ratePerSecond,
        prefix: this.config.queuePrefix,
      },
      'mail worker started',
    );
  }

  private dispatch(queueName: QueueName, job: Job, token?: string): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler || JOB_QUEUE[handler.jobName] !== queueName) {
      throw new UnrecoverableError(`no handler for job "${job.name}" on queue "${queueName}"`);
    }
    return handler.handle(job as never, token);
  }

  /** The final-failure handler: only once the job is failed for good (retries used up, permanent error, stalled too often). */
  private async afterFailure(job: Job, error: Error): Promise<void> {
    try {
      if (!(await job.isFailed())) return;
      await this.handlers.get(job.name as JobName)?.onFinalFailure?.(job as never, error);
    } catch (err) {
      this.logger.warn(
        { jobId: job.id, err: (err as Error).message },
        'final-failure handler failed; the sweep will look again',
      );
    }
  }

  /**
   * BullMQ's queue-level limiter: one rate for every replica (stored with the queue in Redis).
   * Set again on every sweep tick, so a Redis that lost its data gets it back.
   */
  private async applyRateLimit(): Promise<void> {
    try {
      await this.mailQueue.queue.setGlobalRateLimit(this.settings.ratePerSecond, 1000);
      this.rateLimitWarned = false;
    } catch (error) {
      if (!this.rateLimitWarned)
        this.logger.warn({ err: (error as Error).message }, 'could not set the mail rate limit (Redis down?)');
      this.rateLimitWarned = true;
    }
  }

  /** One sweep per slot across every replica: the slot is the jobId, so replicas adding it together make one job. */
  private async tick(): Promise<void> {
    await this.applyRateLimit();
    const slot = Math.floor(Date.now() / this.settings.sweepIntervalMs);
    await this.maintenance
      ?.add(JobName.SweepOutbox, { slot }, { jobId: `sweep-${slot}` })
      .catch((error: Error) => this.logger.debug({ err: error.message }, 'sweep not scheduled (Redis down?)'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.workers.map((w) => w.close().catch(() => undefined)));
    // No job runs any more: the rows claimed ahead and not started go back to the queue's care.
    await this.sendEmail
      .release()
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'rows claimed ahead left to their lease'));
    await this.maintenance?.close().catch(() => undefined);
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
    this.mailer.close();
    // The group sizes (emails per claim, mint and sent-mark statement): what the Coalescer's batching achieved.
    this.logger.log({ batches: this.sendEmail.stats() }, 'mail worker stopped');
  }
}
