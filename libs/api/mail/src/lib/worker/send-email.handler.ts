import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Coalescer, inTransaction } from '@gfmd/api-platform';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { MailDeliveryHooks } from '../delivery/mail-delivery-hooks';
import type { MintedLinks } from '../delivery/mail-link-hooks';
import { EmailComposer, linkRequest } from '../outbox/email-composer';
import { ClaimedEmail, OutboxRepository } from '../outbox/outbox.repository';
import { JobName, SendEmailJob } from '../queue/queue.constants';
import { JobHandler } from './job-handler';
import { MAIL_WORKER_SETTINGS, MailWorkerSettings } from './mail-worker.settings';
import { classifySmtpError, SmtpMailer } from './smtp-mailer';

/** Rows per claim, mint or sent-mark statement at most. */
const MAX_BATCH = 100;

const DAY = 86_400_000;

/** A claimed row, why it must not go out now (the recipient's daily cap) if so, and the links minted for it (in memory only; null when its link may no longer be given). */
interface Claimed {
  email: ClaimedEmail;
  held: string | null;
  links?: MintedLinks | null;
}

interface Delivered {
  email: ClaimedEmail;
  providerMessageId: string;
}

/**
 * Sends one outbox row: claims it (so a row already sent is never sent again, and two workers
 * never send it at once), mints the personal link the row names (EmailComposer: the owning domain
 * stores only its hash; the link exists in clear only in this process while the email is sent),
 * renders its body from the stored parameters (or takes the body stored by an earlier version),
 * sends it, records the outcome. An invitation whose link may no longer be given (used, declined,
 * erased) is cancelled instead. Temporary failures
 * throw so BullMQ retries with backoff; permanent ones fail the row at once without retry.
 *
 * The jobs a worker runs at once claim their rows together in one statement and record their
 * deliveries together in one transaction, so the database costs a few round trips per batch
 * rather than several per message.
 */
@Injectable()
export class SendEmailHandler implements JobHandler<JobName.SendEmail> {
  readonly jobName = JobName.SendEmail;
  private readonly logger = new Logger(SendEmailHandler.name);

  constructor(
    private readonly repo: OutboxRepository,
    private readonly mailer: SmtpMailer,
    private readonly composer: EmailComposer,
    private readonly hooks: MailDeliveryHooks,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_WORKER_SETTINGS) private readonly settings: MailWorkerSettings,
  ) {}

  /** Claims and sent-marks of jobs running at once share round trips (see Coalescer); `settings.batchLingerMs` lets a group fill. */
  private readonly batch = { maxBatch: MAX_BATCH, maxInFlight: 1, lingerMs: this.settings.batchLingerMs };

  /** Statements and rows per kind of group since start (logged when the worker stops: the group sizes). */
  private readonly counts = { claims: 0, claimed: 0, mints: 0, minted: 0, sentMarks: 0, marked: 0 };

  stats(): Readonly<typeof this.counts> {
    return { ...this.counts };
  }

  private readonly claims = new Coalescer<string, { email: ClaimedEmail; held: string | null } | null>(async (ids) => {
    this.counts.claims += 1;
    this.counts.claimed += ids.length;
    const claimed = await this.repo.claim([...new Set(ids)], this.settings.leaseMs);
    const held = await this.overCap([...claimed.values()]);
    // One row, one sender: should an id come twice, only its first job gets the row.
    return ids.map((id) => {
      const email = claimed.get(id) ?? null;
      claimed.delete(id);
      return email ? { email, held: held.has(id) ? this.heldReason() : null } : null;
    });
  }, this.batch);

  /**
   * The links of the claimed rows that name one, a statement per kind of link for a batch,
   * committed (durably) before any of those emails goes out. Two batches may be in flight, so
   * the commit's flush overlaps the next batch's claim.
   */
  private readonly mints = new Coalescer<ClaimedEmail, MintedLinks | null>(
    async (emails) => {
      this.counts.mints += 1;
      this.counts.minted += emails.length;
      const links = await this.composer.mintLinks(emails);
      return emails.map((e) => links.get(e.id) ?? null);
    },
    { ...this.batch, maxInFlight: 2 },
  );

  /** Claims the row; mints its links unless it is held (a held email gets no link). */
  private async claim(id: string): Promise<Claimed | null> {
    const claim = await this.claims.submit(id);
    if (!claim) return null;
    const { email, held } = claim;
    return !held && linkRequest(email) ? { email, held, links: await this.mints.submit(email) } : { email, held };
  }

  /**
   * The rows of a claimed batch that would take their recipient past MAIL_PER_RECIPIENT_PER_DAY
   * emails in 24 hours (counting those sent, those other workers are sending, and the batch's
   * own rows in order). One query per batch; no cap when the setting is 0.
   */
  private async overCap(claimed: ClaimedEmail[]): Promise<Set<string>> {
    const cap = this.settings.perRecipientPerDay;
    const held = new Set<string>();
    if (cap <= 0 || !claimed.length) return held;
    const key = (e: ClaimedEmail) => e.recipient.trim().toLowerCase();
    const used = await this.repo.recentSendsTo(
      [...new Set(claimed.map(key))],
      claimed.map((e) => e.id),
      DAY,
    );
    for (const e of claimed) {
      const n = used.get(key(e)) ?? 0;
      if (n >= cap) held.add(e.id);
      else used.set(key(e), n + 1);
    }
    return held;
  }

  private heldReason(): string {
    return `held: ${this.settings.perRecipientPerDay} emails were sent to this address in the last 24 hours (MAIL_PER_RECIPIENT_PER_DAY); retry it later`;
  }

  private readonly deliveries = new Coalescer<Delivered, Error | null>(async (items) => {
    this.counts.sentMarks += 1;
    this.counts.marked += items.length;
    try {
      await this.recordSent(items);
      return items.map(() => null);
    } catch (error) {
      if (items.length === 1) return [error as Error];
      // One bad row must not hold back the others: record them one by one.
      return Promise.all(
        items.map((item) =>
          this.recordSent([item]).then(
            () => null,
            (e: Error) => e,
          ),
        ),
      );
    }
  }, this.batch);

  async handle(job: Job<SendEmailJob>, token?: string): Promise<unknown> {
    const id = job.data.outboxId;
    const claimed = await this.claim(id);
    if (!claimed) return this.notClaimed(job, id, token);
    const { email, links } = claimed;
    if (claimed.held) {
      // Not dropped: the row is failed with the reason, visible in the outbox (and on an invitation); staff may retry it.
      await this.fail(email, claimed.held);
      this.logger.warn({ outboxId: id, kind: email.kind }, 'email held: recipient reached the daily cap');
      return { held: true };
    }
    if (links === null && linkRequest(email)?.ref === 'invitation') {
      await this.repo.markCancelled(id, 'the invitation was used, declined or erased before its email went out');
      return { skipped: 'link-gone' };
    }

    let providerMessageId: string;
    try {
      const { content, headers } = this.composer.compose(email, links);
      ({ providerMessageId } = await this.mailer.send({ ...email, headers }, content));
    } catch (error) {
      const failure = classifySmtpError(error);
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (failure.permanent || last) {
        await this.fail(email, failure.message);
        this.logger.warn({ outboxId: id, attempt: job.attemptsMade + 1, err: failure.message }, 'email failed');
        throw failure.permanent ? new UnrecoverableError(failure.message) : new Error(failure.message);
      }
      await this.repo.markRetry(id, failure.message);
      this.logger.log(
        { outboxId: id, attempt: job.attemptsMade + 1, err: failure.message },
        'temporary failure; will retry',
      );
      throw new Error(failure.message);
    }
    const error = await this.deliveries.submit({ email, providerMessageId });
    if (error) throw error;
    return { providerMessageId };
  }

  private async recordSent(items: Delivered[]): Promise<void> {
    await inTransaction(this.dataSource, async () => {
      const changed = await this.repo.markSent(
        items.map((i) => ({ id: i.email.id, providerMessageId: i.providerMessageId })),
      );
      await this.hooks.emitSent(items.filter((i) => changed.has(i.email.id)).map((i) => event(i.email)));
    });
  }

  /** Stalled too often or failed for good outside the processor: the row is marked failed, visibly. */
  async onFinalFailure(job: Job<SendEmailJob>, error: Error): Promise<void> {
    const row = await this.repo.findById(job.data.outboxId);
    if (!row || row.status === 'sent' || row.status === 'failed' || row.status === 'cancelled') return;
    await this.fail(
      {
        id: row.id,
        kind: row.kind,
        dialogueId: row.dialogueId,
        registrationId: row.registrationId,
        invitationId: row.invitationId,
      },
      oneLineError(error),
    );
  }

  private async fail(
    email: Pick<ClaimedEmail, 'id' | 'kind' | 'dialogueId' | 'registrationId' | 'invitationId'>,
    message: string,
  ) {
    await inTransaction(this.dataSource, async () => {
      if (await this.repo.markFailed(email.id, message)) {
        await this.hooks.emitFailed([{ ...event(email), error: message }]);
      }
    });
  }

  /** Not claimable: done (sent, failed, cancelled, erased), or not yet (scheduled later, leased by a live worker). */
  private async notClaimed(job: Job<SendEmailJob>, id: string, token?: string): Promise<unknown> {
    const state = await this.repo.state(id);
    if (!state || state.status === 'sent' || state.status === 'failed' || state.status === 'cancelled') {
      return { skipped: state?.status ?? 'missing' };
    }
    const now = Date.now();
    const wakeAt = Math.max(
      state.sendAfter?.getTime() ?? 0,
      state.status === 'sending' ? (state.lockedUntil?.getTime() ?? 0) + 50 : 0,
      now + 200,
    );
    await job.moveToDelayed(wakeAt, token);
    throw new DelayedError();
  }
}

const event = (e: Pick<ClaimedEmail, 'id' | 'kind' | 'dialogueId' | 'registrationId' | 'invitationId'>) => ({
  outboxId: e.id,
  kind: e.kind,
  dialogueId: e.dialogueId,
  registrationId: e.registrationId,
  invitationId: e.invitationId,
});

const oneLineError = (error: Error) =>
  String(error?.message ?? error)
    .replace(/\s+/g, ' ')
    .slice(0, 500);
