import { Injectable, Logger } from '@nestjs/common';
import type { EmailKind, Language } from '@gfmd/contracts';
import type { AfterCommit } from '@gfmd/api-platform';
import type { EntityManager } from 'typeorm';
import { MailQueue } from '../queue/mail-queue';
import { TemplateParams, TemplateRenderer } from '../templates/template-renderer';
import type { StoredAttachment } from './outbound-email.entity';
import { OutboxRepository } from './outbox.repository';

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

/**
 * Writes emails into the outbox inside the caller's transaction and, once that transaction has
 * committed, enqueues their send jobs. If Redis is down at that moment the rows stay `pending`
 * and the periodic sweep enqueues them later: nothing is lost.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    private readonly repo: OutboxRepository,
    private readonly renderer: TemplateRenderer,
    private readonly queue: MailQueue,
  ) {}

  async write(manager: EntityManager, afterCommit: AfterCommit, emails: OutgoingEmail[]): Promise<string[]> {
    const rows = emails.map((e) => {
      const rendered = this.renderer.render(e.kind, e.language, e.params);
      return {
        kind: e.kind,
        recipient: e.to,
        language: e.language,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        attachments: e.attachments ?? [],
        headers: e.headers ?? {},
        idempotencyKey: e.idempotencyKey,
        dialogueId: e.dialogueId ?? null,
        registrationId: e.registrationId ?? null,
        invitationId: e.invitationId ?? null,
        sendAfter: e.sendAfter ?? null,
      };
    });
    const inserted = await this.repo.insert(manager, rows);
    if (inserted.length) afterCommit.add(() => this.enqueue(inserted));
    return inserted.map((r) => r.id);
  }

  /** Enqueues rows now (delayed when they have a sendAfter); on failure leaves them to the sweep. */
  async enqueue(rows: { id: string; sendAfter?: Date | null }[]): Promise<boolean> {
    try {
      const now = Date.now();
      await this.queue.enqueue(rows.map((r) => ({ id: r.id, delayMs: r.sendAfter ? r.sendAfter.getTime() - now : 0 })));
      await this.repo.markQueued(rows.map((r) => r.id));
      return true;
    } catch (error) {
      this.logger.warn({ count: rows.length, err: (error as Error).message }, 'enqueue failed; the outbox sweep will retry');
      return false;
    }
  }
}
