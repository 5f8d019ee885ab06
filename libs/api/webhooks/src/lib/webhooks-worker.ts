import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { MailSweepHooks } from '@gfmd/api-mail';
import { AppConfig, RedisService } from '@gfmd/api-platform';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import Redis from 'ioredis';
import { WebhookDeliveryHandler } from './webhook-delivery.handler';
import { WebhookOutboxRepository } from './webhook-outbox.repository';
import { DELIVER_WEBHOOK_JOB, type DeliverWebhookJob, WEBHOOK_QUEUE, WebhookQueue } from './webhook-queue';

/** Deliveries untouched this long without a live job are given one again by the sweep. */
const LEFT_BEHIND_MS = 60_000;
/** How long the delivery log keeps finished deliveries (and what their payloads hold). */
export const WEBHOOK_LOG_DAYS = 30;

/**
 * The consumer of the webhooks queue (apps/worker), and the sweep that gives a job back to the
 * deliveries left behind (Redis down at commit or lost the job, a worker died mid-send), run on
 * the outbox sweep's clock (one run per slot across replicas).
 */
@Injectable()
export class WebhooksWorker implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhooksWorker.name);
  private worker?: Worker<DeliverWebhookJob>;
  private connection?: Redis;

  constructor(
    private readonly config: AppConfig,
    private readonly handler: WebhookDeliveryHandler,
    private readonly outbox: WebhookOutboxRepository,
    private readonly queue: WebhookQueue,
    private readonly sweepHooks: MailSweepHooks,
  ) {}

  onModuleInit(): void {
    this.sweepHooks.onSweep('webhooks', () => this.sweep());
  }

  async onApplicationBootstrap(): Promise<void> {
    this.connection = new Redis(this.config.redisUrl, RedisService.options({ maxRetriesPerRequest: null }));
    this.connection.on('error', () => undefined);
    this.worker = new Worker<DeliverWebhookJob>(
      WEBHOOK_QUEUE,
      (job: Job<DeliverWebhookJob>) => {
        if (job.name !== DELIVER_WEBHOOK_JOB) throw new UnrecoverableError(`no handler for job "${job.name}"`);
        return this.handler.handle(job);
      },
      {
        connection: this.connection,
        prefix: this.config.queuePrefix,
        concurrency: 10,
        lockDuration: this.config.webhooks.timeoutMs + 30_000,
      },
    );
    this.worker.on('error', (error) => this.logger.warn({ err: error.message }, 'webhooks worker connection error'));
    this.logger.log({ prefix: this.config.queuePrefix }, 'webhooks worker started');
  }

  /** Prunes the log past WEBHOOK_LOG_DAYS, then gives a job back to deliveries left behind; answers how many it (re)added. */
  async sweep(): Promise<number> {
    await this.outbox.prune(WEBHOOK_LOG_DAYS);
    const rows = await this.outbox.leftBehind(LEFT_BEHIND_MS);
    return rows.length ? this.queue.ensure(rows.map((r) => r.id)) : 0;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close().catch(() => undefined);
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
