import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, RedisService } from '@gfmd/api-platform';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import {
  JobName,
  MAIL_JOB_OPTIONS,
  QueueName,
  RELEASE_JOB_OPTIONS,
  ReleaseEmailsJob,
  SendEmailJob,
  SendEmailsJob,
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

/** States in which a job will still run (or runs). */
const LIVE = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Takes up to ARGV[1] sends from BullMQ's queue-level limiter (the counter its moveToActive
 * increments per job, under the rate in the queue's meta hash): the rows of a group job beyond
 * the first, which the job's own turn paid for. Answers what it took and how long the window
 * still runs (ms).
 */
const TAKE_TURNS = `
local max = tonumber(redis.call('HGET', KEYS[2], 'max') or '')
if not max then return {tonumber(ARGV[1]), 0} end
local duration = tonumber(redis.call('HGET', KEYS[2], 'duration') or '1000')
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used > 0 and redis.call('PTTL', KEYS[1]) < 0 then redis.call('DEL', KEYS[1]); used = 0 end
local take = math.min(tonumber(ARGV[1]), math.max(0, max - used))
if take > 0 and redis.call('INCRBY', KEYS[1], take) == take then redis.call('PEXPIRE', KEYS[1], duration) end
return {take, math.max(0, redis.call('PTTL', KEYS[1]))}`;

/**
 * Producer side of the mail queue. A row alone (or scheduled) has a job whose jobId is the row's
 * id, so adding it twice (after-commit enqueue and the sweep racing) never creates a second job.
 * Rows due together share a group job of up to MAIL_JOB_GROUP_SIZE rows (payload: their ids): a
 * queue job costs the worker two Redis scripts, and the group pays them once (docs/performance.md,
 * "Email throughput", session 12). The `groups` hash maps each grouped row to its group job while
 * that job lives, so the sweep sees the row has a job. A row that needs another try after its
 * group is given a job of its own (`retryAlone`).
 */
@Injectable()
export class MailQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(MailQueue.name);
  readonly queue: Queue<SendEmailJob | SendEmailsJob>;
  /** Where release jobs go (the worker's maintenance queue). */
  private readonly releases: Queue<ReleaseEmailsJob>;
  private readonly connection: Redis;
  private readonly groupSize: number;
  /** The hash row id → group job id (the queue's own prefix, so obliterate takes it too). */
  private readonly groupsKey: string;

  constructor(config: AppConfig) {
    this.groupSize = config.mailJobGroupSize;
    this.connection = new Redis(
      config.redisUrl,
      RedisService.options({ maxRetriesPerRequest: 1, enableOfflineQueue: false }),
    );
    this.connection.on('error', () => undefined);
    this.queue = new Queue<SendEmailJob | SendEmailsJob>(QueueName.Mail, {
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
    this.groupsKey = this.queue.toKey('groups');
  }

  /**
   * Enqueues sends for outbox rows: rows due now in group jobs, scheduled rows each in a delayed
   * job of its own (until their sendAfter). Throws when Redis is down or slow.
   */
  async enqueue(rows: EnqueueRow[]): Promise<void> {
    if (!rows.length) return;
    const now = Date.now();
    const jobs: { name: JobName; data: SendEmailJob | SendEmailsJob; opts: { jobId: string; delay?: number } }[] = [];
    const index: Record<string, string> = {};
    let due: string[] = [];
    const close = () => {
      if (due.length === 1) jobs.push({ name: JobName.SendEmail, data: { outboxId: due[0] }, opts: { jobId: due[0] } });
      else if (due.length) {
        // A fresh id: a group is never the same twice, and a finished one kept in history must not swallow a new one.
        const jobId = `g-${randomUUID()}`;
        jobs.push({ name: JobName.SendEmails, data: { outboxIds: due }, opts: { jobId } });
        for (const id of due) index[id] = jobId;
      }
      due = [];
    };
    for (const r of rows) {
      const delay = delayOf(r, now);
      if (delay || this.groupSize <= 1)
        jobs.push({
          name: JobName.SendEmail,
          data: { outboxId: r.id },
          opts: { jobId: r.id, ...(delay ? { delay } : {}) },
        });
      else {
        due.push(r.id);
        if (due.length >= this.groupSize) close();
      }
    }
    close();
    // The index before the jobs: a sweep that finds a grouped row with no job of its own looks here.
    if (Object.keys(index).length)
      await withTimeout(this.connection.hset(this.groupsKey, index), ENQUEUE_TIMEOUT_MS, 'enqueue');
    for (let i = 0; i < jobs.length; i += 1000) {
      await withTimeout(this.queue.addBulk(jobs.slice(i, i + 1000)), ENQUEUE_TIMEOUT_MS, 'enqueue');
    }
  }

  /**
   * A job of its own for a row its group job could not finish (a temporary failure, or the row
   * not claimable then): `delay` ms from now, with the attempts the row has left and a backoff
   * that continues the group's (its first retry waits `delay`, the next ones twice as long each
   * time, as a job of its own would have). Not added when the row has a live job already.
   */
  async retryAlone(id: string, delay: number, attemptsLeft: number): Promise<void> {
    const base = MAIL_JOB_OPTIONS.backoff as { type: string; delay: number; jitter?: number };
    // A finished job of the same id (the row went alone once before) would make the add a no-op.
    const old = await this.queue.getJob(id);
    if (old && !LIVE.has(await old.getState())) await old.remove();
    await this.queue.add(
      JobName.SendEmail,
      { outboxId: id },
      {
        jobId: id,
        delay,
        attempts: Math.max(1, attemptsLeft),
        backoff: { ...base, delay: 2 * base.delay },
      },
    );
  }

  /** The group job a row was enqueued in, while that job lives (else the stale entry is dropped). */
  private async liveGroup(id: string): Promise<string | null> {
    const jobId = await this.connection.hget(this.groupsKey, id);
    if (!jobId) return null;
    if (LIVE.has(await this.queue.getJobState(jobId))) return jobId;
    await this.connection.hdel(this.groupsKey, id);
    return null;
  }

  /** A group job is done with its rows (those that need another try have jobs of their own). */
  async groupDone(ids: string[]): Promise<void> {
    if (ids.length) await this.connection.hdel(this.groupsKey, ...ids);
  }

  /** Sends for the rest of a group job (beyond the one its own turn paid for), from the queue-level limiter: how many now, else how long to wait. */
  async takeTurns(n: number): Promise<{ taken: number; waitMs: number }> {
    const [taken, ttl] = (await this.connection.eval(
      TAKE_TURNS,
      2,
      this.queue.keys['limiter'],
      this.queue.keys['meta'],
      n,
    )) as [number, number];
    return { taken: Number(taken), waitMs: Number(ttl) };
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
          if (!job) {
            if (!(await this.liveGroup(row.id))) add.push(row);
            return;
          }
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
