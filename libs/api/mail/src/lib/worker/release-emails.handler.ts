import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { MailQueue } from '../queue/mail-queue';
import { JobName, ReleaseEmailsJob } from '../queue/queue.constants';
import { JobHandler } from './job-handler';

/**
 * Adds the send jobs of a batch of outbox rows that the API handed over in one release job
 * (MailQueue.release): the same jobs the API would have added (group jobs for rows due now, see
 * MailQueue.enqueue; a retried release adds only what is missing). Throws when
 * Redis fails, so BullMQ retries the release; the sweep is the backstop for rows still pending.
 */
@Injectable()
export class ReleaseEmailsHandler implements JobHandler<JobName.ReleaseEmails> {
  readonly jobName = JobName.ReleaseEmails;

  constructor(private readonly queue: MailQueue) {}

  async handle(job: Job<ReleaseEmailsJob>): Promise<{ released: number }> {
    const rows = job.data.rows.map((r) => ({ id: r.id, sendAfter: r.sendAfter ? new Date(r.sendAfter) : null }));
    // A retry may follow a first attempt that added some of the jobs: then only the rows with no
    // live job (their own or their group's) get one, as the sweep does.
    if (job.attemptsMade > 0) await this.queue.ensure(rows);
    else await this.queue.enqueue(rows);
    return { released: rows.length };
  }
}
