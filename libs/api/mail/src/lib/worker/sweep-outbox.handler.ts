import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { MailSweepHooks } from '../delivery/mail-sweep-hooks';
import { OutboxRepository } from '../outbox/outbox.repository';
import { MailQueue } from '../queue/mail-queue';
import { JobName, releaseHorizonMs, SweepOutboxJob } from '../queue/queue.constants';
import { JobHandler } from './job-handler';
import { MAIL_WORKER_SETTINGS, MailWorkerSettings } from './mail-worker.settings';

const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * The outbox sweep: lets the domains write the emails that have come due (MailSweepHooks:
 * reminders), then gives every unsent row that is due a live job. Rows still `pending` after
 * the grace period (Redis was down at commit, or lost the job), scheduled rows coming due within
 * the release horizon (reminders wait in the outbox alone until then), rows stuck in `sending`
 * past their lease (a worker died), and — a window at a time — `queued` rows whose job Redis
 * lost. Rows it has checked become `queued`, so it looks at each pending row once.
 */
@Injectable()
export class SweepOutboxHandler implements JobHandler<JobName.SweepOutbox> {
  readonly jobName = JobName.SweepOutbox;
  private readonly logger = new Logger(SweepOutboxHandler.name);
  private cursor = FIRST_UUID;

  constructor(
    private readonly repo: OutboxRepository,
    private readonly queue: MailQueue,
    private readonly producers: MailSweepHooks,
    @Inject(MAIL_WORKER_SETTINGS) private readonly settings: MailWorkerSettings,
  ) {}

  async handle(
    _job?: Job<SweepOutboxJob>,
  ): Promise<{ requeued: number; checked: number; produced: Record<string, number> }> {
    // Emails that have come due (reminders) first: they are written and enqueued like any other.
    const produced = await this.producers.run();
    const { stale, queued } = await this.repo.sweepCandidates(
      this.settings.sweepBatch,
      this.settings.pendingGraceMs,
      releaseHorizonMs(this.settings.sweepIntervalMs),
      this.cursor,
    );
    this.cursor = queued.length === this.settings.sweepBatch ? queued[queued.length - 1].id : FIRST_UUID;
    const rows = [...stale, ...queued];
    if (!rows.length) return { requeued: 0, checked: 0, produced };
    const added = await this.queue.ensure(rows);
    await this.repo.markQueued(stale.filter((r) => r.status === 'pending').map((r) => r.id));
    if (added.length)
      this.logger.log({ requeued: added.length, checked: rows.length }, 'outbox sweep re-enqueued rows');
    return { requeued: added.length, checked: rows.length, produced };
  }
}
