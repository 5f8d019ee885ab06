import { Injectable, Logger } from '@nestjs/common';
import type { DeliverySummary, EmailKind, EmailStatus, Language, OutboundEmail, Page } from '@gfmd/contracts';
import {
  type AfterCommit,
  AppConfig,
  bothCursors,
  type CursorPart,
  decodeCursor,
  encodeCursor,
  notFound,
  ProblemException,
  msg,
} from '@gfmd/api-platform';
import { EnqueueRow, MailQueue } from '../queue/mail-queue';
import { releaseHorizonMs } from '../queue/queue.constants';
import type { LinkRef } from '../delivery/mail-link-hooks';
import { RenderedEmail, TemplateParams, TemplateRenderer } from '../templates/template-renderer';
import { EmailComposer } from './email-composer';
import type { StoredAttachment } from './outbound-email.entity';
import {
  OutboxListFilter,
  OutboxRecord,
  OutboxRepository,
  PersonEmailRecord,
  type UnsentFilter,
} from './outbox.repository';

/** Template parameters that would put a live token at rest: links are named by `links` and minted when sent. */
const LIVE_LINK_PARAMS = [
  'manageUrl',
  'manageDocumentsUrl',
  'registerUrl',
  'declineUrl',
  'passwordUrl',
  'delegationUrl',
  'confirmUrl',
  'leaveUrl',
  'unsubscribeUrl',
] as const;

export interface OutgoingEmail {
  kind: EmailKind;
  to: string;
  language: Language;
  /** Unique per cause, e.g. `confirmation:<registrationId>`; a repeat is skipped. */
  idempotencyKey: string;
  /** Without personal links: those are named by `links` and minted when the email is sent. */
  params: TemplateParams;
  /** The personal link to mint at send time: `manage` (of `registrationId`) or `invitation` (of `invitationId`). */
  links?: LinkRef;
  attachments?: StoredAttachment[];
  headers?: Record<string, string>;
  dialogueId?: string | null;
  registrationId?: string | null;
  invitationId?: string | null;
  /** The batch it belongs to (a space message's id), so the batch's delivery can be counted. */
  batchId?: string | null;
  /** Not before this instant (reminders, coalesced updates). */
  sendAfter?: Date | null;
}

export interface OutboxListQuery {
  status?: OutboundEmail['status'];
  kind?: EmailKind;
  dialogueId?: string;
  page?: number;
  pageSize?: number;
  /** Keyset cursor: the nextCursor of the previous page. */
  after?: string;
  /** Keyset cursor backwards: the prevCursor of the next page. */
  before?: string;
}

/** The outbox list's cursor tag (newest first): another list's cursor is refused. */
const OUTBOX_CURSOR = 'outbox:created-desc';

export const toOutboundEmail = (r: OutboxRecord): OutboundEmail & Record<string, unknown> => ({
  id: r.id,
  kind: r.kind,
  recipient: r.recipient,
  language: r.language,
  subject: r.subject,
  status: r.status,
  attempts: r.attempts,
  lastError: r.lastError,
  providerMessageId: r.providerMessageId,
  createdAt: r.createdAt.toISOString(),
  sentAt: r.sentAt ? r.sentAt.toISOString() : null,
  sendAfter: r.sendAfter ? r.sendAfter.toISOString() : null,
  dialogueId: r.dialogueId,
  registrationId: r.registrationId,
  invitationId: r.invitationId,
});

/**
 * Writes emails into the outbox inside the caller's transaction and, once that transaction has
 * committed, enqueues the send jobs of those due now (or within the release horizon). The rows
 * stay `pending` until a worker claims them: if Redis is down at commit, or loses the jobs, the
 * periodic sweep finds rows still pending after a grace period and enqueues them again. Rows
 * scheduled further ahead are released by the sweep as their moment comes. Nothing is lost, and
 * the hot path writes each row once.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  private readonly horizonMs: number;

  constructor(
    private readonly repo: OutboxRepository,
    private readonly renderer: TemplateRenderer,
    private readonly queue: MailQueue,
    private readonly composer: EmailComposer,
    config: AppConfig,
  ) {
    this.horizonMs = releaseHorizonMs(config.outboxSweepIntervalMs);
  }

  /**
   * `byWorker`: the send jobs of several rows due now are added by the worker (one release job,
   * MailQueue.release) rather than here — for the hot paths that write many rows at once (the
   * registration rush's admission batches).
   */
  async write(afterCommit: AfterCommit, emails: OutgoingEmail[], { byWorker = false } = {}): Promise<string[]> {
    if (!emails.length) return [];
    const rows = emails.map((e) => {
      const stored = LIVE_LINK_PARAMS.find((k) => e.params[k] !== undefined);
      // A programming error, never input: a link in the row would be a live token at rest.
      if (stored) throw new Error(`outbox rows name their links (links: '…'); "${stored}" must not be stored`);
      const params: TemplateParams = e.links ? { ...e.params, links: e.links } : e.params;
      return {
        kind: e.kind,
        recipient: e.to.trim(),
        language: e.language,
        // Only the subject now: the worker renders the body from the parameters when it sends.
        subject: this.renderer.subject(e.kind, e.language, params),
        html: null,
        text: null,
        attachments: e.attachments ?? [],
        headers: { ...(e.headers ?? {}) },
        params,
        idempotencyKey: e.idempotencyKey,
        dialogueId: e.dialogueId ?? null,
        registrationId: e.registrationId ?? null,
        invitationId: e.invitationId ?? null,
        batchId: e.batchId ?? null,
        sendAfter: e.sendAfter ?? null,
      };
    });
    const inserted = await this.repo.insert(rows);
    const due = this.dueSoon(inserted);
    if (due.length) afterCommit.add(() => this.enqueue(due, { byWorker }));
    return inserted.map((r) => r.id);
  }

  /** Which of these idempotency keys have been written already (writing them again would send nothing). */
  existingKeys(keys: string[]): Promise<Set<string>> {
    return this.repo.existingKeys(keys);
  }

  /** The rows whose moment is now or within the release horizon (the others wait for the sweep). */
  dueSoon<T extends EnqueueRow>(rows: T[], now = Date.now()): T[] {
    return rows.filter((r) => !r.sendAfter || r.sendAfter.getTime() <= now + this.horizonMs);
  }

  /** Enqueues rows now (delayed when they have a sendAfter); on failure leaves them to the sweep. */
  async enqueue(rows: EnqueueRow[], { byWorker = false } = {}): Promise<boolean> {
    try {
      // One row: its own job costs what a release would, and comes one hop sooner.
      if (byWorker && rows.length > 1) await this.queue.release(rows);
      else await this.queue.enqueue(rows);
      return true;
    } catch (error) {
      this.logger.warn(
        { count: rows.length, err: (error as Error).message },
        'enqueue failed; the outbox sweep will retry',
      );
      return false;
    }
  }

  /**
   * Cancels the unsent emails of a kind about some registrations (or a dialogue), in the
   * caller's transaction; their jobs go after commit (a job being processed meets the
   * cancelled row when it claims it). Returns how many were cancelled.
   */
  /**
   * Moves a dialogue's unsent scheduled emails of a kind (reminders of a dialogue that shifted)
   * by `byMs`; a job already delayed in the queue is claimed only once its row is due.
   */
  shiftUnsent(kind: EmailKind, dialogueId: string, byMs: number): Promise<number> {
    return this.repo.shiftUnsent(kind, dialogueId, byMs);
  }

  async cancelUnsent(afterCommit: AfterCommit, kind: EmailKind, where: UnsentFilter): Promise<number> {
    if (where.registrationIds && !where.registrationIds.length) return 0;
    const ids = await this.repo.cancelUnsent(kind, where);
    if (ids.length) afterCommit.add(() => this.queue.remove(ids).catch(() => undefined));
    return ids.length;
  }

  /**
   * Puts back, in the caller's transaction, the emails of a kind about a registration that were
   * cancelled at or after `since` (a decline undone gives back the reminder it cancelled); they
   * are enqueued after commit. Returns how many.
   */
  async reinstate(afterCommit: AfterCommit, kind: EmailKind, registrationId: string, since: Date): Promise<number> {
    const rows = await this.repo.reinstate(kind, [registrationId], since);
    const due = this.dueSoon(rows);
    if (due.length) afterCommit.add(() => this.enqueue(due));
    return rows.length;
  }

  /**
   * The email a row stands for, as the worker would send it (null for an unknown id): its links
   * are minted as when it is sent, so this is for tests and tools, never an HTTP route.
   */
  async contentOf(id: string): Promise<RenderedEmail | null> {
    const row = await this.repo.findById(id);
    return row ? (await this.composer.composeNow(row)).content : null;
  }

  /**
   * Locks, for rewriting, the newest unsent row of `kinds` of each registration (see
   * OutboxRepository.lockRewritable); `whileScheduled` kinds only while their moment is ahead.
   */
  lockRewritable(registrationIds: string[], kinds: EmailKind[], whileScheduled: EmailKind[]) {
    return this.repo.lockRewritable(registrationIds, kinds, whileScheduled);
  }

  /** Rewrites a row locked by lockRewritable with new parameters (no links: see `links`) and attachments. */
  async rewrite(
    id: string,
    email: Pick<OutgoingEmail, 'kind' | 'language' | 'params' | 'links' | 'attachments'>,
  ): Promise<void> {
    const params: TemplateParams = email.links ? { ...email.params, links: email.links } : email.params;
    await this.repo.rewrite(id, {
      subject: this.renderer.subject(email.kind, email.language, params),
      params,
      attachments: email.attachments ?? [],
    });
  }

  /** The emails to an address or about some registrations (data-subject export). */
  personEmails(emailNormalized: string, registrationIds: string[]): Promise<PersonEmailRecord[]> {
    return this.repo.personEmails(emailNormalized, registrationIds);
  }

  /** Erasure, in the caller's transaction: scrubs the person's rows, cancels the unsent ones. Returns how many. */
  async scrubPerson(emailNormalized: string, registrationIds: string[], invitationIds: string[]): Promise<number> {
    const ids = await this.repo.scrubPerson(emailNormalized, registrationIds, invitationIds);
    return ids.length;
  }

  /** Where the outbox (or a dialogue's, a kind's, a batch's share of it) stands: counts by status. */
  async summary(filter: { batchId?: string; dialogueId?: string; kind?: EmailKind }): Promise<DeliverySummary> {
    const n = await this.repo.summary(filter);
    const at = (s: EmailStatus) => n.get(s) ?? 0;
    const summary = {
      queued: at('pending') + at('queued'),
      sending: at('sending'),
      sent: at('sent'),
      failed: at('failed'),
      closed: at('cancelled'),
    };
    return { ...summary, total: Object.values(summary).reduce((a, b) => a + b, 0) };
  }

  /**
   * Retention of sent rows: deletes the rows sent more than `days` days before `now`, in batches
   * of `batch` (each its own statement, so no long lock), `maxBatches` at most per call; answers
   * how many. Unsent, failed and cancelled rows are kept whatever their age.
   */
  async pruneSent(now: Date, days: number, batch = 5000, maxBatches = 20): Promise<number> {
    const before = new Date(now.getTime() - days * 86_400_000);
    let deleted = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = await this.repo.deleteSentBefore(before, batch);
      deleted += n;
      if (n < batch) break;
    }
    return deleted;
  }

  /**
   * A page of the outbox, newest first: by `after` (keyset cursor, the previous page's
   * nextCursor), `before` (the next page's prevCursor) or page number; the total capped.
   */
  async list(query: OutboxListQuery): Promise<Page<OutboundEmail>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    if (query.after !== undefined && query.before !== undefined) throw bothCursors();
    const parts: CursorPart[] = ['timestamp', 'uuid'];
    const after = query.after === undefined ? undefined : decodeCursor(query.after, OUTBOX_CURSOR, parts);
    const before = query.before === undefined ? undefined : decodeCursor(query.before, OUTBOX_CURSOR, parts, 'before');
    const filter: OutboxListFilter = {
      status: query.status,
      kind: query.kind,
      dialogueId: query.dialogueId,
      skip: (page - 1) * pageSize,
      take: pageSize + 1, // one more: whether a page exists beyond this one (its cursor null at the end)
    };
    const found = await this.repo.list({
      ...filter,
      after: after && { createdAt: after[0], id: after[1] },
      before: before && { createdAt: before[0], id: before[1] },
    });
    const { total, totalIsEstimate } = found;
    const backwards = before !== undefined;
    // Backwards, the extra row is the first (the rows come newest first).
    const more = found.rows.length > pageSize;
    const rows = backwards && more ? found.rows.slice(1) : found.rows.slice(0, pageSize);
    const first = rows[0];
    const last = rows[rows.length - 1];
    const cursor = (r: OutboxRecord) => encodeCursor(OUTBOX_CURSOR, [r.createdAt.toISOString(), r.id]);
    return {
      items: rows.map(toOutboundEmail),
      total,
      page,
      pageSize,
      ...(totalIsEstimate ? { totalIsEstimate } : {}),
      nextCursor: last && (backwards || more) ? cursor(last) : null,
      prevCursor: first && (backwards ? more : after !== undefined || page > 1) ? cursor(first) : null,
    };
  }

  /** Sends a failed row again with a fresh attempt budget (202); other states answer 409. */
  async retry(id: string): Promise<OutboundEmail> {
    const row = await this.repo.findById(id);
    if (!row) throw notFound('Email');
    const reset = await this.repo.resetForRetry(id);
    if (!reset) throw new ProblemException(409, 'not-failed', msg('mail.notFailed', { status: row.status }));
    try {
      await this.queue.ensure([reset]);
      await this.repo.markQueued([id]);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'retry enqueue failed; the outbox sweep will retry');
    }
    return toOutboundEmail((await this.repo.findById(id)) ?? row);
  }
}
