import { Injectable, OnModuleInit } from '@nestjs/common';
import { HealthRegistry } from '@gfmd/api-platform';
import { OutboxRepository } from '../outbox/outbox.repository';
import { MailQueue } from '../queue/mail-queue';

/** Adds `mailQueue` (waiting, active, delayed, failed…) and `outbox` (pending, queued, sending, failed) to GET /health. */
@Injectable()
export class MailHealth implements OnModuleInit {
  constructor(
    private readonly registry: HealthRegistry,
    private readonly queue: MailQueue,
    private readonly outbox: OutboxRepository,
  ) {}

  onModuleInit() {
    this.registry.register('mailQueue', () => this.queue.counts());
    this.registry.register('outbox', () => this.outbox.countsByStatus());
  }
}
