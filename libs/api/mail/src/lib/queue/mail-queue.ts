import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, RedisService } from '@gfmd/api-platform';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import {
  JobName,
  MAIL_JOB_OPTIONS,
  QueueName,
  RELEASE_JOB_OPTIONS,
  ReleaseEmailsJob,
  SendEmailJob,
} from './queue.constants';

/** How long an enqueue may wait for Redis before the rows are left to the sweep. */
const ENQUEUE_TIMEOUT_MS = 3000;

export interface EnqueueRow {
  id: string;
  sendAfter?: Date | null;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]);
}

const delayOf = (row: EnqueueRow, now: number) => Math.max(0, row.sendAfter ? row.sendAfter.getTime() - now : 0);

/**
 * Producer side of the mail queue. The outbox row id is the BullMQ jobId, so adding the same
 * row twice (after-commit enqueue and the sweep racing) never creates a second job.
 */
@Injectable()
export class MailQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(MailQueue.name);
  readonly queue: Queue<SendEmailJob>;
  /** Where release jobs go (the worker's maintenance queue). */
  private readonly releases: Queue<ReleaseEmailsJob>;
  private readonly connection: Redis;

  constructor(config: AppConfig) {
    this.connection = new Redis(
      config.redisUrl,
      RedisService.options({ maxRetriesPerRequest: 1, enableOfflineQueue: false }),
    );
    this.connection.on('error', () => undefined);
    this.queue = new Queue<SendEmailJob>(QueueName.Mail, {
      connection: this.connection,
      prefix: config.queuePrefix,
      defaultJobOptions: MAIL_JOB_OPTIONS,
    });
    this.releases = new Queue<ReleaseEmailsJob>(QueueName.Maintenance, {
      connection: this.connection,
      prefix: config.queuePrefix,
      defaultJobOptions: RELEASE_JOB_OPTIONS,
    });
    // Redis being down must not crash the API: the outbox sweep re-enqueues later.
    this.queue.on('error', () => undefined);
    this.releases.on('error', () => undefined);
  }

  /** Enqueues sends for outbox rows (delayed until their sendAfter). Throws when Redis is down or slow. */
  async enqueue(rows: EnqueueRow[]): Promise<void> {
    if (!rows.length) return;
    const now = Date.now();
    for (let i = 0; i < rows.length; i += 1000) {
      await withTimeout(
        this.queue.addBulk(
          rows.slice(i, i + 1000).map((r) => {
            const delay = delayOf(r, now);
            return {
              name: JobName.SendEmail,
              data: { outboxId: r.id },
              opts: { jobId: r.id, ...(delay ? { delay } : {}) },
            };
          }),
        ),
        ENQUEUE_TIMEOUT_MS,
        'enqueue',
      );
    }
  }

  /**
   * Hands the rows to the worker: one release job (per 1,000 rows) whose handler adds their send
   * jobs there (ReleaseEmailsHandler, through `enqueue`). Adding a send job costs the producer
   * about as much CPU as a small HTTP request (BullMQ builds, packs and scripts each job), so an
   * admission batch of 50 registrations gave the API 50 of them per batch; a release is one job.
   * The worker's jobs are the same (one per row, the row id as jobId), only later by one hop.
   * Throws when Redis is down or slow, like `enqueue`.
   */
  async release(rows: EnqueueRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await withTimeout(
        this.releases.add(
          JobName.ReleaseEmails,
          { rows: chunk.map((r) => (r.sendAfter ? { id: r.id, sendAfter: r.sendAfter.getTime() } : { id: r.id })) },
          // Its first row's id names it: adding the same rows twice makes one release.
          { jobId: `release-${chunk[0].id}` },
        ),
        ENQUEUE_TIMEOUT_MS,
        'release',
      );
    }
  }

  /**
   * Makes sure each row has a live job: adds the missing ones, replaces finished ones (a row
   * retried after it failed, or whose job was lost with Redis), moves delayed ones to their
   * current sendAfter, and leaves waiting and active jobs alone. Returns the ids (re)added.
   */
  async ensure(rows: EnqueueRow[]): Promise<string[]> {
    const add: EnqueueRow[] = [];
    const now = Date.now();
    for (let i = 0; i < rows.length; i += 100) {
      await Promise.all(
        rows.slice(i, i + 100).map(async (row) => {
          const job = await this.queue.getJob(row.id);
          if (!job) return void add.push(row);
          const state = await job.getState();
          if (state === 'completed' || state === 'failed' || state === 'unknown') {
            await job.remove().catch(() => undefined);
            add.push(row);
          } else if (state === 'delayed') {
            const delay = delayOf(row, now);
            const due = job.timestamp + (job.delay ?? 0);
            if (Math.abs(due - (now + delay)) > 1000) await job.changeDelay(delay).catch(() => undefined);
          }
        }),
      );
    }
    await this.enqueue(add);
    return add.map((r) => r.id);
  }

  /** Removes the jobs of rows that must not go out any more (a job being processed is left to its claim check). */
  async remove(ids: string[]): Promise<void> {
    for (const id of ids) {
      const job = await this.queue.getJob(id).catch(() => undefined);
      if (job && !(await job.isActive().catch(() => true))) await job.remove().catch(() => undefined);
    }
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch((error: Error) => this.logger.warn({ err: error.message }, 'queue close failed'));
    await this.releases.close().catch(() => undefined);
    await this.connection.quit().catch(() => this.connection.disconnect());
    // BullMQ leaves a connection it was given open: close it, or the process never exits.
    this.connection.disconnect();
  }
}
