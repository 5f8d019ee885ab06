import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig, HealthRegistry, RedisService } from '@gfmd/api-platform';
import { OutboxRepository } from '../outbox/outbox.repository';
import { MailQueue } from '../queue/mail-queue';
import { readWorkerHeartbeats } from './worker-heartbeat';

/**
 * Adds `mailQueue` (waiting, active, delayed, failed…), `outbox` (pending, queued, sending,
 * failed) and `worker` (instances alive, last beat) to GET /health.
 */
@Injectable()
export class MailHealth implements OnModuleInit {
  constructor(
    private readonly registry: HealthRegistry,
    private readonly queue: MailQueue,
    private readonly outbox: OutboxRepository,
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.registry.register('mailQueue', () => this.queue.counts());
    this.registry.register('outbox', () => this.outbox.countsByStatus());
    this.registry.register('worker', () => readWorkerHeartbeats(this.redis, this.config.queuePrefix));
  }
}
