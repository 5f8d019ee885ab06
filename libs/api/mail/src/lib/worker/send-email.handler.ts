import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Coalescer, inTransaction } from '@gfmd/api-platform';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { MailDeliveryHooks } from '../delivery/mail-delivery-hooks';
import type { MintedLinks } from '../delivery/mail-link-hooks';
import { EmailComposer, linkRequest } from '../outbox/email-composer';
import { ClaimedEmail, OutboxRepository, OutboxRowState } from '../outbox/outbox.repository';
import { MailQueue } from '../queue/mail-queue';
import { JobName, SendEmailJob } from '../queue/queue.constants';
import { JobHandler } from './job-handler';
import { MAIL_WORKER_SETTINGS, MailWorkerSettings } from './mail-worker.settings';
import { classifySmtpError, SmtpMailer } from './smtp-mailer';

/** Rows per claim, mint or sent-mark statement at most. */
const MAX_BATCH = 100;

const DAY = 86_400_000;

/** A job that finds its row being sent by another worker looks again after this long at most (the row may come back for a retry). */
const RECHECK_SENDING_MS = 5000;

/** How often rows claimed ahead and not started are looked at (their jobs may have gone to another worker). */
const ORPHAN_CHECK_MS = 250;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A claimed row, why it must not go out now (the recipient's daily cap) if so, and the links minted for it (in memory only; null when its link may no longer be given). */
export interface Claimed {
  email: ClaimedEmail;
  held: string | null;
  links?: MintedLinks | null;
}

/**
 * A row this worker claimed ahead of its job: it waits for a turn (a job BullMQ hands over), then
 * goes. `paid`: a job's turn was spent on it (its own, or one its own job did not need).
 */
interface AheadRow {
  claim: Claimed;
  claimedAt: number;
  outcome?: Promise<Outcome>;
  paid?: boolean;
  settled?: boolean;
}

/** What became of a row the worker tried to send (its job turns it into a result, a retry or a failure). */
export type Outcome =
  | { kind: 'sent'; providerMessageId: string }
  | { kind: 'held'; reason: string }
  | { kind: 'link-gone' }
  /** Refused for good: the row is failed already. */
  | { kind: 'failed'; message: string }
  /** A temporary failure: the row is back to `queued` for its job's next attempt. */
  | { kind: 'retry'; message: string }
  /** Sent, but the sent-mark failed; or the database failed before the send. */
  | { kind: 'error'; error: Error }
  /** Claimed ahead too long ago to send under its lease: left to the lease (and whoever claims it next). */
  | { kind: 'expired' }
  /** Claimed ahead, then put back unsent (waited too long for its job, or the worker stops): its job claims it. */
  | { kind: 'released' };

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
 *
 * Claiming ahead (`settings.claimAhead`): each claim statement also takes the rows of the next
 * jobs waiting in the queue (their ids are the rows' ids), and mints their links in the same
 * group, keeping up to `claimAhead` rows claimed ahead of their jobs. A job whose row is claimed
 * ahead sends it without a statement of its own; a job whose row is already on its way hands its
 * turn to the next row claimed ahead. Every send waits for a job BullMQ has handed over — the row's
 * own, another's spare turn, or (a row whose job another worker took) that worker's, which then
 * finds the row sent — so the queue-level rate limit holds. Every row is still claimed by one
 * statement of one worker, its links are committed before it goes, and its job still decides
 * retries and final failure.
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
    private readonly mailQueue: MailQueue,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_WORKER_SETTINGS) private readonly settings: MailWorkerSettings,
  ) {}

  /** Claims and sent-marks of jobs running at once share round trips (see Coalescer); `settings.batchLingerMs` lets a group fill. */
  private readonly batch = { maxBatch: MAX_BATCH, maxInFlight: 1, lingerMs: this.settings.batchLingerMs };

  /** Statements and rows per kind of group since start (logged when the worker stops: the group sizes). */
  private readonly counts = { claims: 0, claimed: 0, ahead: 0, mints: 0, minted: 0, sentMarks: 0, marked: 0 };

  /** Rows claimed ahead, by id, until their job comes (or they are pruned). */
  private readonly ahead = new Map<string, AheadRow>();
  /** The rows claimed ahead in claim order; the front ones not started yet get the next permits. */
  private readonly queue: AheadRow[] = [];
  /** Rows claimed ahead and not started. */
  private unstarted = 0;
  /** Jobs handed over while no row claimed ahead waited (spent on the next rows claimed ahead). */
  private permits = 0;
  /** The last claim found fewer rows to take ahead than it asked for: no refill until a job misses. */
  private dry = false;
  private refilling = false;
  /** Sends of rows claimed ahead under way (waited for on shutdown). */
  private readonly sending = new Set<Promise<Outcome>>();
  private orphanTimer?: NodeJS.Timeout;
  private closed = false;

  stats(): Readonly<typeof this.counts> {
    return { ...this.counts };
  }

  /**
   * One claim statement for the jobs' rows (`null`: a refill only) and the rows taken ahead, the
   * cap count folded in; then one mint statement per kind of link for every row of the group.
   */
  private readonly claims = new Coalescer<string | null, Claimed | null>(async (items) => {
    const ids = [...new Set(items.filter((i): i is string => i !== null))];
    const want = this.closed ? 0 : Math.max(0, this.settings.claimAhead - this.unstarted);
    const aheadIds = want
      ? (await this.nextJobs()).filter((id) => !ids.includes(id) && !this.ahead.has(id)).slice(0, want)
      : [];
    if (!ids.length && !aheadIds.length) {
      this.dry = true;
      return items.map(() => null);
    }
    const cap = this.settings.perRecipientPerDay;
    const claimed = await this.repo.claim(ids, this.settings.leaseMs, {
      aheadIds,
      aheadLeaseMs: this.settings.leaseMs + this.maxWait(),
      capWithinMs: cap > 0 ? DAY : 0,
    });
    this.counts.claims += 1;
    this.counts.claimed += claimed.size;
    const rows = [...claimed.values()];
    const held = this.overCap(rows);
    const toMint = rows.filter((e) => !held.has(e.id) && linkRequest(e));
    const links = toMint.length ? await this.composer.mintLinks(toMint) : new Map<string, MintedLinks | null>();
    if (toMint.length) {
      this.counts.mints += 1;
      this.counts.minted += toMint.length;
    }
    const claim = (email: ClaimedEmail): Claimed => {
      const heldReason = held.has(email.id) ? this.heldReason() : null;
      return !heldReason && linkRequest(email)
        ? { email, held: null, links: links.get(email.id) ?? null }
        : { email, held: heldReason };
    };
    const ahead = rows.filter((e) => e.ahead);
    this.dry = !ahead.length;
    const now = Date.now();
    for (const email of ahead) {
      const row: AheadRow = { claim: claim(email), claimedAt: now };
      this.ahead.set(email.id, row);
      this.queue.push(row);
      this.unstarted += 1;
    }
    this.counts.ahead += ahead.length;
    this.prune(now);
    while (this.permits > 0 && this.startNext(true)) this.permits -= 1;
    if (this.unstarted) this.orphanTimer ??= setInterval(() => void this.sendOrphans(), ORPHAN_CHECK_MS).unref();
    // One row, one sender: should an id come twice, only its first job gets the row.
    return items.map((id) => {
      const email = id === null ? undefined : claimed.get(id);
      if (!email || email.ahead) return null;
      claimed.delete(id as string);
      return claim(email);
    });
  }, this.batch);

  /**
   * The rows of a claimed batch that would take their recipient past MAIL_PER_RECIPIENT_PER_DAY
   * emails in 24 hours (counting those sent, those being sent — by any worker, claimed ahead or
   * not — and the batch's own rows in order; the claim statement counted the others). No cap when
   * the setting is 0.
   */
  private overCap(claimed: (ClaimedEmail & { recentSends: number })[]): Set<string> {
    const cap = this.settings.perRecipientPerDay;
    const held = new Set<string>();
    if (cap <= 0) return held;
    const used = new Map<string, number>();
    for (const e of claimed) {
      const key = e.recipient.trim().toLowerCase();
      const n = used.get(key) ?? e.recentSends;
      if (n >= cap) held.add(e.id);
      else used.set(key, n + 1);
    }
    return held;
  }

  private heldReason(): string {
    return `held: ${this.settings.perRecipientPerDay} emails were sent to this address in the last 24 hours (MAIL_PER_RECIPIENT_PER_DAY); retry it later`;
  }

  /** Emails accepted by the SMTP server whose sent-mark is not committed yet, and those marks. */
  private unmarked = 0;
  private readonly marking = new Set<Promise<Outcome>>();

  private readonly deliveries = new Coalescer<Delivered, Error | null>(
    async (items) => {
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
    },
    { ...this.batch, lingerMs: this.settings.sentMarkLingerMs },
  );

  async handle(job: Job<SendEmailJob>, token?: string): Promise<unknown> {
    const id = job.data.outboxId;
    let row = this.ahead.get(id);
    if (!row) {
      const own = await this.claims.submit(id);
      if (own) return this.settle(job, own.email, await this.deliver(own), token);
      // A group of this worker may have taken it ahead meanwhile.
      row = this.ahead.get(id);
      // Otherwise: done, not due, or another worker's (claimed ahead there, maybe: this job's turn pays for that send).
      if (!row) return this.notClaimed(job, id, token);
    }
    this.ahead.delete(id);
    let outcome: Promise<Outcome>;
    if (!row.outcome) outcome = this.start(row, true);
    else {
      outcome = row.outcome;
      // On its way already with another job's turn: this job's turn goes to the next row.
      if (row.paid) this.grant();
    }
    return this.settle(job, row.claim.email, await outcome, token);
  }

  /**
   * For a group job (SendEmailGroupHandler): claims one of its rows, in the claim group of
   * whatever else claims meanwhile (a group's rows go in one statement). Null: not claimable now.
   */
  claimRow(id: string): Promise<Claimed | null> {
    return this.claims.submit(id);
  }

  /** For a group job: sends a claimed row and records what happened to it (never throws). */
  deliverRow(claim: Claimed): Promise<Outcome> {
    return this.deliver(claim).catch((error: Error): Outcome => ({ kind: 'error', error }));
  }

  /**
   * For a group job: rows it claimed and will not send now (they waited too long for their turn):
   * back to `queued`, their attempt not counted. Returns how many.
   */
  releaseRows(ids: string[]): Promise<number> {
    return this.repo.releaseClaims(ids);
  }

  /** How long a claimed row may wait for its send, so that the send still has the rest of its lease (see maxWait). */
  maxWaitMs(): number {
    return this.maxWait();
  }

  /** For a group job: a row that used up its attempts, failed visibly. */
  failRow(email: ClaimedEmail, message: string): Promise<void> {
    return this.fail(email, message);
  }

  /**
   * For a group job: when a row it could not claim should be looked at again (ms from now), or
   * null when the row is done (sent, failed, cancelled, erased).
   */
  async recheckIn(id: string): Promise<number | null> {
    const state = await this.repo.state(id);
    if (!state || state.status === 'sent' || state.status === 'failed' || state.status === 'cancelled') return null;
    return this.wakeAt(state) - Date.now();
  }

  /** Sends a claimed row (or holds, cancels or fails it) and records what happened to it. */
  private async deliver({ email, held, links }: Claimed): Promise<Outcome> {
    if (held) {
      // Not dropped: the row is failed with the reason, visible in the outbox (and on an invitation); staff may retry it.
      await this.fail(email, held);
      return { kind: 'held', reason: held };
    }
    if (links === null && linkRequest(email)?.ref === 'invitation') {
      await this.repo.markCancelled(email.id, 'the invitation was used, declined or erased before its email went out');
      return { kind: 'link-gone' };
    }
    let providerMessageId: string;
    try {
      const { content, headers } = this.composer.compose(email, links);
      ({ providerMessageId } = await this.mailer.send({ ...email, headers }, content));
    } catch (error) {
      const failure = classifySmtpError(error);
      if (failure.permanent) {
        await this.fail(email, failure.message);
        return { kind: 'failed', message: failure.message };
      }
      await this.repo.markRetry(email.id, failure.message);
      return { kind: 'retry', message: failure.message };
    }
    return this.markSent({ email, providerMessageId });
  }

  /**
   * Hands an accepted email to the next sent-mark group. The job does not wait for the mark (the
   * row stays `sending`, leased, until it is committed) unless `maxUnmarked` emails are waiting for
   * theirs already. A failed mark leaves the row to its lease: the sweep sends it again (at least
   * once, as when a worker dies between accept and mark).
   */
  private markSent(item: Delivered): Promise<Outcome> {
    const sent: Outcome = { kind: 'sent', providerMessageId: item.providerMessageId };
    this.unmarked += 1;
    const mark = this.deliveries
      .submit(item)
      .catch((error: Error) => error)
      .then((error): Outcome => (error ? { kind: 'error', error } : sent))
      .finally(() => {
        this.unmarked -= 1;
        this.marking.delete(mark);
      });
    this.marking.add(mark);
    if (this.unmarked > this.settings.maxUnmarked) return mark;
    void mark.then((outcome) => {
      if (outcome.kind === 'error')
        this.logger.warn(
          { outboxId: item.email.id, err: outcome.error.message },
          'sent, but the sent-mark failed; the row is sent again after its lease',
        );
    });
    return Promise.resolve(sent);
  }

  /** The job's answer to what became of its row: a result, or a throw BullMQ retries (or not). */
  private async settle(job: Job<SendEmailJob>, email: ClaimedEmail, outcome: Outcome, token?: string) {
    const attempt = job.attemptsMade + 1;
    switch (outcome.kind) {
      case 'sent':
        return { providerMessageId: outcome.providerMessageId };
      case 'held':
        this.logger.warn({ outboxId: email.id, kind: email.kind }, 'email held: recipient reached the daily cap');
        return { held: true };
      case 'link-gone':
        return { skipped: 'link-gone' };
      case 'failed':
        this.logger.warn({ outboxId: email.id, attempt, err: outcome.message }, 'email failed');
        throw new UnrecoverableError(outcome.message);
      case 'retry':
        if (attempt >= (job.opts.attempts ?? 1)) {
          await this.fail(email, outcome.message);
          this.logger.warn({ outboxId: email.id, attempt, err: outcome.message }, 'email failed');
        } else this.logger.log({ outboxId: email.id, attempt, err: outcome.message }, 'temporary failure; will retry');
        throw new Error(outcome.message);
      case 'error':
        throw outcome.error;
      case 'expired':
        return this.notClaimed(job, email.id, token);
      case 'released':
        // Put back unsent: claimed now as if it had never been taken ahead.
        return this.handle(job, token);
    }
  }

  /** Starts sending a row claimed ahead (once), `paid` with a job's turn or not; too old for its lease, it is left to the lease instead. */
  private start(row: AheadRow, paid: boolean): Promise<Outcome> {
    if (row.outcome) return row.outcome;
    this.unstarted -= 1;
    row.paid = paid;
    if (Date.now() - row.claimedAt > this.maxWait()) {
      row.outcome = Promise.resolve({ kind: 'expired' });
      row.settled = true;
    } else {
      const outcome = this.deliver(row.claim).catch((error: Error): Outcome => ({ kind: 'error', error }));
      this.sending.add(outcome);
      row.outcome = outcome.finally(() => {
        row.settled = true;
        this.sending.delete(outcome);
      });
    }
    this.topUp();
    return row.outcome;
  }

  /**
   * How long a row claimed ahead may wait for its turn: a quarter of the lease. Its lease is longer
   * by as much, so whenever it starts, its send has at least the whole lease of a row claimed by
   * its own job (past it, another worker may take the row: the lease must outlive any send).
   */
  private maxWait(): number {
    return this.settings.leaseMs / 4;
  }

  /** Starts the oldest row claimed ahead that is not on its way yet, with a job's turn; false if there is none. */
  private startNext(paid: boolean): boolean {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      if (next.outcome) continue;
      void this.start(next, paid);
      return true;
    }
    return false;
  }

  /**
   * The ids of the next jobs waiting in the mail queue (twice the window: the front ones are often
   * the rows claimed ahead already), in the order BullMQ hands them over. No job is touched.
   */
  private async nextJobs(): Promise<string[]> {
    try {
      const ids = await this.mailQueue.queue.getRanges(['wait'], 0, 2 * this.settings.claimAhead - 1, true);
      return ids.filter((id) => UUID.test(id));
    } catch (error) {
      this.logger.debug({ err: (error as Error).message }, 'could not read the waiting jobs; no claim ahead');
      return [];
    }
  }

  /**
   * Rows claimed ahead whose job is no longer waiting (another worker took it, found the row
   * `sending` and will look again): they go now, that job's turn paying for them. Rows whose job
   * still waits keep waiting for it.
   */
  private async sendOrphans(): Promise<void> {
    const now = Date.now();
    // Rows on their way leave the queue here: most are started by their own job, not from its
    // front, and a queue of every row ever claimed ahead made this look cost ~1 % of the CPU.
    let kept = 0;
    for (const row of this.queue) if (!row.outcome) this.queue[kept++] = row;
    this.queue.length = kept;
    const old = this.queue.filter((r) => now - r.claimedAt >= ORPHAN_CHECK_MS);
    if (!this.unstarted) {
      clearInterval(this.orphanTimer);
      this.orphanTimer = undefined;
    }
    if (!old.length || this.closed) return;
    // A row was claimed ahead from the first waiting jobs, and a waiting job only moves towards
    // the front: a row whose job is not among them now has no waiting job.
    const waiting = new Set(await this.nextJobs());
    for (const row of old) {
      // No more sends at once than the jobs this worker runs (a queue of sends in the SMTP pool
      // would eat into their leases); the others go at the next look.
      if (this.sending.size >= this.settings.concurrency) break;
      if (!row.outcome && !waiting.has(row.claim.email.id)) void this.start(row, false);
    }
    // Rows whose job still waits after half the longest wait (a slow queue, a rate limit): put
    // back, so the lease never runs out on a row claimed ahead; their jobs claim them as usual.
    const stale = old.filter((r) => !r.outcome && now - r.claimedAt > this.maxWait() / 2);
    if (stale.length) await this.putBack(stale);
  }

  /** A job's turn that its own row does not need: the next row claimed ahead goes, or the turn is kept for the next claim. */
  private grant(): void {
    if (!this.settings.claimAhead || this.startNext(true)) return;
    this.permits = Math.min(this.permits + 1, MAX_BATCH);
    this.topUp();
  }

  /** Fewer than half the window waiting: a claim group tops it up (with whatever jobs claim meanwhile). */
  private topUp(): void {
    if (!this.settings.claimAhead || this.dry || this.refilling) return;
    if (this.unstarted >= this.settings.claimAhead / 2) return;
    this.refilling = true;
    this.claims
      .submit(null)
      .catch((error: Error) =>
        this.logger.warn({ err: error.message }, 'claim ahead failed; the jobs claim their rows'),
      )
      .finally(() => (this.refilling = false));
  }

  /** Forgets rows whose job went to another worker (or never came): done and older than a lease. */
  private prune(now: number): void {
    if (this.ahead.size <= 4 * this.settings.claimAhead) return;
    for (const [id, row] of this.ahead) {
      if (row.settled && now - row.claimedAt > this.settings.leaseMs) this.ahead.delete(id);
    }
  }

  /**
   * Puts rows claimed ahead and not started back to `queued` (their attempt not counted): a job
   * that comes meanwhile waits for that, then claims its row as usual. Left `sending` if the
   * statement fails: their lease runs out, then their jobs or the sweep take them.
   */
  private async putBack(rows: AheadRow[]): Promise<number> {
    let done!: () => void;
    const released = new Promise<Outcome>((resolve) => (done = () => resolve({ kind: 'released' })));
    for (const row of rows) {
      row.outcome = released;
      row.settled = false;
      this.unstarted -= 1;
    }
    try {
      return await this.repo.releaseClaims(rows.map((r) => r.claim.email.id));
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'rows claimed ahead left to their lease');
      return 0;
    } finally {
      for (const row of rows) {
        row.settled = true;
        this.ahead.delete(row.claim.email.id);
      }
      done();
    }
  }

  /**
   * On shutdown, once no job runs any more: waits for the sends under way, and puts back the rows
   * claimed ahead that were not started (their jobs, or the sweep, take them again at once).
   */
  async release(): Promise<number> {
    this.closed = true;
    clearInterval(this.orphanTimer);
    await Promise.allSettled([...this.sending]);
    // The sent-marks of emails accepted already: committed (at once) before the database closes.
    this.deliveries.flush();
    await Promise.allSettled([...this.marking]);
    const rows = this.queue.filter((r) => !r.outcome);
    this.queue.length = 0;
    this.dry = true;
    return rows.length ? this.putBack(rows) : 0;
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
    const wakeAt = this.wakeAt(state);
    await job.moveToDelayed(wakeAt, token);
    throw new DelayedError();
  }

  /** When to look again at a row that is not claimable now (not yet due, or being sent by another worker). */
  private wakeAt(state: OutboxRowState): number {
    const now = Date.now();
    // A row being sent by another worker (claimed ahead, maybe) is looked at again within a few
    // seconds: it may come back for a retry long before its lease runs out.
    return Math.max(
      state.sendAfter?.getTime() ?? 0,
      state.status === 'sending' ? Math.min((state.lockedUntil?.getTime() ?? 0) + 50, now + RECHECK_SENDING_MS) : 0,
      now + 200,
    );
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
