import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { MailQueue } from '../queue/mail-queue';
import { JobName, MAIL_JOB_OPTIONS, SendEmailsJob } from '../queue/queue.constants';
import { JobHandler } from './job-handler';
import { SendEmailHandler } from './send-email.handler';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A group job: outbox rows due together that share one queue job (MailQueue.enqueue), so the
 * queue's two scripts per job are paid once per group. Each row is still claimed (one statement for
 * the group, with whatever else claims meanwhile), sent and recorded on its own, one after another
 * (the jobs running at once are the sends in flight, as with a job per row), and each send beyond
 * the first takes a turn from the queue-level limiter, so MAIL_RATE_PER_SECOND counts emails.
 *
 * A row the group cannot finish gets a job of its own: a temporary failure (back to `queued`,
 * retried after the first backoff with the attempts it has left, the next backoffs doubling as
 * before), or a row not claimable now (being sent elsewhere, not yet due). A permanent failure
 * fails the row at once; the others of the group go on. Should the database fail before any row
 * is claimed, the group job throws and is retried as a whole; a worker that dies mid-group leaves
 * its rows `sending` under their lease, and the group's next attempt (or the sweep) gives them
 * jobs of their own once it runs out.
 */
@Injectable()
export class SendEmailGroupHandler implements JobHandler<JobName.SendEmails> {
  readonly jobName = JobName.SendEmails;
  private readonly logger = new Logger(SendEmailGroupHandler.name);

  constructor(
    private readonly rows: SendEmailHandler,
    private readonly queue: MailQueue,
  ) {}

  async handle(job: Job<SendEmailsJob>): Promise<unknown> {
    const ids = [...new Set(job.data.outboxIds)];
    // Before the claim statement: the leases run from a moment no earlier than this.
    const claimedAt = Date.now();
    const claims = await Promise.all(ids.map((id) => this.rows.claimRow(id)));
    // The job's own turn pays for the first send; the others are taken from the limiter as they go.
    let turns = 1;
    let left = claims.filter(Boolean).length;
    const result = { sent: 0, alone: 0, failed: 0 };
    for (let i = 0; i < ids.length; i++) {
      const claim = claims[i];
      if (!claim) {
        const wait = await this.rows.recheckIn(ids[i]);
        if (wait !== null) await this.alone(ids[i], wait, MAIL_JOB_OPTIONS.attempts ?? 1, result);
        continue;
      }
      // The rows go one after another: one that waited too long (a slow relay, the rate limit)
      // would no longer have its whole lease for its send (another worker may take a row whose
      // lease ran out). It and the rest go back to `queued`, each with a job of its own.
      if (Date.now() - claimedAt > this.rows.maxWaitMs()) {
        await this.putBack(
          ids.slice(i).filter((_, k) => claims[i + k]),
          result,
        );
        break;
      }
      while (turns < 1) {
        const { taken, waitMs } = await this.queue.takeTurns(left);
        turns += taken;
        if (!taken) await sleep(Math.max(10, waitMs));
      }
      turns -= 1;
      left -= 1;
      const outcome = await this.rows.deliverRow(claim);
      const email = claim.email;
      switch (outcome.kind) {
        case 'sent':
          result.sent += 1;
          break;
        case 'failed':
          result.failed += 1;
          this.logger.warn({ outboxId: email.id, attempt: email.attempts, err: outcome.message }, 'email failed');
          break;
        case 'retry': {
          const attemptsLeft = (MAIL_JOB_OPTIONS.attempts ?? 1) - email.attempts;
          if (attemptsLeft <= 0) {
            await this.rows.failRow(email, outcome.message);
            this.logger.warn({ outboxId: email.id, attempt: email.attempts, err: outcome.message }, 'email failed');
            break;
          }
          this.logger.log(
            { outboxId: email.id, attempt: email.attempts, err: outcome.message },
            'temporary failure; will retry',
          );
          await this.alone(email.id, firstBackoff(), attemptsLeft, result);
          break;
        }
        case 'error':
          // Accepted but its mark failed, or the database failed before the send: the row is
          // `sending` under its lease, which the sweep takes back (as when a worker dies).
          this.logger.warn({ outboxId: email.id, err: outcome.error.message }, 'left to its lease');
          break;
        default:
          // held, link-gone: recorded on the row already. (expired, released: rows claimed ahead only.)
          break;
      }
    }
    await this.queue.groupDone(ids).catch(() => undefined);
    return result;
  }

  /** Claimed rows not sent: back to `queued` (attempt not counted), then a job each; if the statement fails, their lease runs out and the sweep takes them. */
  private async putBack(ids: string[], result: { alone: number }) {
    try {
      await this.rows.releaseRows(ids);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'rows of a group left to their lease');
      return;
    }
    for (const id of ids) await this.alone(id, 0, MAIL_JOB_OPTIONS.attempts ?? 1, result);
  }

  /** A job of the row's own; if Redis refuses it, the row (queued) is the sweep's. */
  private async alone(id: string, delay: number, attemptsLeft: number, result: { alone: number }) {
    result.alone += 1;
    await this.queue
      .retryAlone(id, Math.max(0, delay), attemptsLeft)
      .catch((error: Error) =>
        this.logger.warn({ outboxId: id, err: error.message }, 'could not give the row a job; the sweep will'),
      );
  }
}

/** The first retry's wait: BullMQ's exponential backoff of MAIL_JOB_OPTIONS for attempt 1, with its jitter. */
function firstBackoff(): number {
  const { delay, jitter = 0 } = MAIL_JOB_OPTIONS.backoff as { delay: number; jitter?: number };
  return Math.round(delay * (1 - jitter * Math.random()));
}
