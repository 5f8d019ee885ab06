import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, RedisService } from '@gfmd/api-platform';
import { type JobsOptions, Queue } from 'bullmq';
import Redis from 'ioredis';

export const WEBHOOK_QUEUE = 'webhooks';
export const DELIVER_WEBHOOK_JOB = 'deliver-webhook';

/** The job carries the delivery id alone (never the payload, which may be personal). */
export interface DeliverWebhookJob {
  deliveryId: string;
}

const ENQUEUE_TIMEOUT_MS = 3000;

/** Options of every delivery job: WEBHOOKS_ATTEMPTS tries with exponential backoff from WEBHOOKS_BACKOFF_MS. */
export function webhookJobOptions(config: AppConfig): JobsOptions {
  const { attempts, backoffMs } = config.webhooks;
  return {
    attempts,
    backoff: { type: 'exponential', delay: backoffMs, jitter: 0.2 },
    removeOnComplete: { count: 1000, age: 24 * 3600 },
    removeOnFail: { count: 5000, age: 7 * 24 * 3600 },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`enqueue timed out after ${ms} ms`)), ms);
    }),
  ]);
}

/**
 * Producer side of the webhooks queue. The delivery id is the jobId, so the after-commit
 * enqueue and the sweep never make two jobs of one delivery.
 */
@Injectable()
export class WebhookQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(WebhookQueue.name);
  readonly queue: Queue<DeliverWebhookJob>;
  private readonly connection: Redis;

  constructor(config: AppConfig) {
    this.connection = new Redis(
      config.redisUrl,
      RedisService.options({ maxRetriesPerRequest: 1, enableOfflineQueue: false }),
    );
    this.connection.on('error', () => undefined);
    this.queue = new Queue<DeliverWebhookJob>(WEBHOOK_QUEUE, {
      connection: this.connection,
      prefix: config.queuePrefix,
      defaultJobOptions: webhookJobOptions(config),
    });
    this.queue.on('error', () => undefined);
  }

  /** Enqueues deliveries (a test ping is tried once). Throws when Redis is down or slow. */
  async enqueue(ids: string[], { once = false }: { once?: boolean } = {}): Promise<void> {
    if (!ids.length) return;
    await withTimeout(
      this.queue.addBulk(
        ids.map((id) => ({
          name: DELIVER_WEBHOOK_JOB,
          data: { deliveryId: id },
          opts: { jobId: id, ...(once ? { attempts: 1 } : {}) },
        })),
      ),
      ENQUEUE_TIMEOUT_MS,
    );
  }

  /** Enqueues after commit; on failure leaves the deliveries to the sweep. */
  async enqueueQuietly(ids: string[], options: { once?: boolean } = {}): Promise<void> {
    try {
      await this.enqueue(ids, options);
    } catch (error) {
      this.logger.warn(
        { count: ids.length, err: (error as Error).message },
        'webhook enqueue failed; the sweep will retry',
      );
    }
  }

  /** Gives each delivery a live job: adds missing ones, replaces finished ones, leaves waiting, delayed and active ones. */
  async ensure(ids: string[]): Promise<number> {
    const add: string[] = [];
    for (const id of ids) {
      const job = await this.queue.getJob(id);
      if (!job) add.push(id);
      else {
        const state = await job.getState();
        if (state === 'completed' || state === 'failed' || state === 'unknown') {
          await job.remove().catch(() => undefined);
          add.push(id);
        }
      }
    }
    await this.enqueue(add);
    return add.length;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.connection.quit().catch(() => this.connection.disconnect());
    this.connection.disconnect();
  }
}
