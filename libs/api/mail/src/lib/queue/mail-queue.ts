import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, RedisService } from '@gfmd/api-platform';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { JobName, MAIL_JOB_OPTIONS, QueueName, SendEmailJob } from './queue.constants';

/**
 * Producer side of the mail queue. The outbox row id is the BullMQ jobId, so adding the same
 * row twice (after-commit enqueue and the sweep racing) never creates a second job.
 */
@Injectable()
export class MailQueue implements OnApplicationShutdown {
  readonly queue: Queue<SendEmailJob>;

  constructor(config: AppConfig) {
    this.queue = new Queue<SendEmailJob>(QueueName.Mail, {
      connection: new Redis(config.redisUrl, RedisService.options({ maxRetriesPerRequest: 1, enableOfflineQueue: false })),
      prefix: config.queuePrefix,
      defaultJobOptions: MAIL_JOB_OPTIONS,
    });
    // Redis being down must not crash the API: the outbox sweep re-enqueues later.
    this.queue.on('error', () => undefined);
  }

  /** Enqueues sends for outbox rows; `delayMs` per row for scheduled mail. Throws when Redis is down. */
  async enqueue(rows: { id: string; delayMs?: number }[]): Promise<void> {
    if (!rows.length) return;
    for (let i = 0; i < rows.length; i += 1000) {
      await this.queue.addBulk(
        rows.slice(i, i + 1000).map((r) => ({
          name: JobName.SendEmail,
          data: { outboxId: r.id },
          opts: { jobId: r.id, ...(r.delayMs && r.delayMs > 0 ? { delay: r.delayMs } : {}) },
        })),
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
  }
}
