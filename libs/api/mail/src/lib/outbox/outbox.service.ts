import { Injectable, Logger } from '@nestjs/common';
import type { EmailKind, Language, OutboundEmail, Page } from '@gfmd/contracts';
import { type AfterCommit, AppConfig, notFound, ProblemException } from '@gfmd/api-platform';
import type { EntityManager } from 'typeorm';
import { EnqueueRow, MailQueue } from '../queue/mail-queue';
import { releaseHorizonMs } from '../queue/queue.constants';
import { RenderedEmail, TemplateParams, TemplateRenderer } from '../templates/template-renderer';
import { emailContent } from './email-content.util';
import { safeUrl } from '../templates/text.util';
import type { StoredAttachment } from './outbound-email.entity';
import { OutboxListFilter, OutboxRecord, OutboxRepository } from './outbox.repository';

export interface OutgoingEmail {
  kind: EmailKind;
  to: string;
  language: Language;
  /** Unique per cause, e.g. `confirmation:<registrationId>`; a repeat is skipped. */
  idempotencyKey: string;
  params: TemplateParams;
  attachments?: StoredAttachment[];
  headers?: Record<string, string>;
  dialogueId?: string | null;
  registrationId?: string | null;
  invitationId?: string | null;
  /** Not before this instant (reminders, coalesced updates). */
  sendAfter?: Date | null;
}

export interface OutboxListQuery {
  status?: OutboundEmail['status'];
  kind?: EmailKind;
  dialogueId?: string;
  page?: number;
  pageSize?: number;
}

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
    config: AppConfig,
  ) {
    this.horizonMs = releaseHorizonMs(config.outboxSweepIntervalMs);
  }

  async write(manager: EntityManager, afterCommit: AfterCommit, emails: OutgoingEmail[]): Promise<string[]> {
    if (!emails.length) return [];
    const rows = emails.map((e) => {
      // Only the subject now: the worker renders the body from the parameters when it sends.
      const subject = this.renderer.subject(e.kind, e.language, e.params);
      const headers = { ...(e.headers ?? {}) };
      const declineUrl = e.kind === 'invitation' ? safeUrl(e.params.declineUrl) : undefined;
      if (declineUrl) {
        // RFC 2369 + RFC 8058: mail clients show "unsubscribe", which declines the invitation in one click.
        headers['List-Unsubscribe'] = `<${declineUrl}>`;
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }
      return {
        kind: e.kind,
        recipient: e.to.trim(),
        language: e.language,
        subject,
        html: null,
        text: null,
        attachments: e.attachments ?? [],
        headers,
        params: e.params,
        idempotencyKey: e.idempotencyKey,
        dialogueId: e.dialogueId ?? null,
        registrationId: e.registrationId ?? null,
        invitationId: e.invitationId ?? null,
        sendAfter: e.sendAfter ?? null,
      };
    });
    const inserted = await this.repo.insert(manager, rows);
    const due = this.dueSoon(inserted);
    if (due.length) afterCommit.add(() => this.enqueue(due));
    return inserted.map((r) => r.id);
  }

  /** Which of these idempotency keys have been written already (writing them again would send nothing). */
  existingKeys(manager: EntityManager | undefined, keys: string[]): Promise<Set<string>> {
    return this.repo.existingKeys(manager, keys);
  }

  /** The rows whose moment is now or within the release horizon (the others wait for the sweep). */
  dueSoon<T extends EnqueueRow>(rows: T[], now = Date.now()): T[] {
    return rows.filter((r) => !r.sendAfter || r.sendAfter.getTime() <= now + this.horizonMs);
  }

  /** Enqueues rows now (delayed when they have a sendAfter); on failure leaves them to the sweep. */
  async enqueue(rows: EnqueueRow[]): Promise<boolean> {
    try {
      await this.queue.enqueue(rows);
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
  async cancelUnsent(
    manager: EntityManager,
    afterCommit: AfterCommit,
    kind: EmailKind,
    where: { registrationIds?: string[]; dialogueId?: string },
  ): Promise<number> {
    if (where.registrationIds && !where.registrationIds.length) return 0;
    const ids = await this.repo.cancelUnsent(manager, kind, where);
    if (ids.length) afterCommit.add(() => this.queue.remove(ids).catch(() => undefined));
    return ids.length;
  }

  /** The email a row stands for, as the worker would send it (null for an unknown id). */
  async contentOf(id: string): Promise<RenderedEmail | null> {
    const row = await this.repo.findById(id);
    return row ? emailContent(this.renderer, row) : null;
  }

  async list(query: OutboxListQuery): Promise<Page<OutboundEmail>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const filter: OutboxListFilter = {
      status: query.status,
      kind: query.kind,
      dialogueId: query.dialogueId,
      skip: (page - 1) * pageSize,
      take: pageSize,
    };
    const [rows, total] = await this.repo.list(filter);
    return { items: rows.map(toOutboundEmail), total, page, pageSize };
  }

  /** Sends a failed row again with a fresh attempt budget (202); other states answer 409. */
  async retry(id: string): Promise<OutboundEmail> {
    const row = await this.repo.findById(id);
    if (!row) throw notFound('Email');
    const reset = await this.repo.resetForRetry(id);
    if (!reset)
      throw new ProblemException(409, 'not-failed', `Only a failed email can be retried; this one is ${row.status}.`);
    try {
      await this.queue.ensure([reset]);
      await this.repo.markQueued([id]);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'retry enqueue failed; the outbox sweep will retry');
    }
    return toOutboundEmail((await this.repo.findById(id)) ?? row);
  }
}
