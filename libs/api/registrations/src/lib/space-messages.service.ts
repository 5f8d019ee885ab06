import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gfmd/api-auth';
import type { DeliverySummary } from '@gfmd/contracts';
import { dialogueTemplateParams, OutboxService } from '@gfmd/api-mail';
import {
  AppConfig,
  domainRule,
  inTransaction,
  localizeContent,
  notFound,
  ProblemException,
  msg,
} from '@gfmd/api-platform';
import { SpacesService } from '@gfmd/api-spaces';
import { DataSource } from 'typeorm';
import { RegistrationReadsRepository } from './registration-reads.repository';
import { SeatLedgerRepository } from './seat-ledger.repository';
import { SpaceMessagesRepository } from './space-messages.repository';

/** What a message would do (dry run): who it would reach, who it would skip and why. */
export interface SpaceMessagePreview {
  wouldSend: number;
  skipped: { addressNotConfirmed: number };
  /** Messages this space may still send within 24 hours. */
  remainingToday: number;
}

export interface SpaceMessageResult {
  /** The message, whose delivery GET /spaces/:id/messages/:messageId/summary follows (null: nobody to write to). */
  messageId: string | null;
  queued: number;
  skipped: number;
  skippedBy: { addressNotConfirmed: number };
}

/**
 * A coordinator (or an organizer) writes to the confirmed participants of one space. Each
 * recipient gets an outbox row in their language; nobody outside the space is reached, nor a
 * participant whose address is not confirmed yet. A space sends SPACE_MESSAGES_PER_DAY
 * messages in 24 hours at most (docs/decisions.md, "Sending limits").
 */
@Injectable()
export class SpaceMessagesService {
  constructor(
    private readonly spaces: SpacesService,
    private readonly reads: RegistrationReadsRepository,
    private readonly ledger: SeatLedgerRepository,
    private readonly messages: SpaceMessagesRepository,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Who a message would reach, without writing anything. */
  async preview(spaceId: string, sender: AuthUser): Promise<SpaceMessagePreview> {
    const { space } = await this.openSpace(spaceId, sender);
    const recipients = await this.reads.confirmedInSpace(space.id);
    const sentToday = await this.messages.countSince(space.id, DAY);
    return {
      wouldSend: recipients.filter((r) => r.emailConfirmed).length,
      skipped: { addressNotConfirmed: recipients.filter((r) => !r.emailConfirmed).length },
      remainingToday: Math.max(0, this.config.sendingLimits.spaceMessagesPerDay - sentToday),
    };
  }

  async send(spaceId: string, message: string, sender: AuthUser): Promise<SpaceMessageResult> {
    const { space, dialogue } = await this.openSpace(spaceId, sender);
    const all = await this.reads.confirmedInSpace(spaceId);
    const recipients = all.filter((r) => r.emailConfirmed);
    const skippedBy = { addressNotConfirmed: all.length - recipients.length };
    if (!recipients.length) return { messageId: null, queued: 0, skipped: all.length, skippedBy };
    const limit = this.config.sendingLimits.spaceMessagesPerDay;
    let messageId = '';
    const ids = await inTransaction(this.dataSource, async (_m, afterCommit) => {
      // One space's messages are counted under a lock of their own, so two at once cannot both pass.
      await this.messages.lock(spaceId);
      if ((await this.messages.countSince(spaceId, DAY)) >= limit) {
        throw new ProblemException(429, 'space-message-limit', msg('registrations.spaceMessageLimit', { limit }));
      }
      messageId = await this.messages.record(spaceId, sender.id, recipients.length);
      return this.outbox.write(
        afterCommit,
        recipients.map((r) => ({
          kind: 'space_message' as const,
          to: r.email,
          language: r.preferredLanguage,
          idempotencyKey: `space_message:${messageId}:${r.id}`,
          batchId: messageId,
          registrationId: r.id,
          dialogueId: dialogue.id,
          // A manage link of their own, minted when the email is sent (the template's button).
          links: 'manage' as const,
          params: {
            recipientName: [r.title, r.firstName, r.lastName].filter(Boolean).join(' '),
            ...dialogueTemplateParams(dialogue, r.preferredLanguage),
            dialogueTitle: `${dialogueTemplateParams(dialogue, r.preferredLanguage).dialogueTitle} — ${
              localizeContent(space, ['name'], dialogue.languages?.[0] ?? 'en', r.preferredLanguage).name ?? space.name
            }`,
            senderName: sender.name,
            message,
            dialogueUrl: `${this.config.publicUrl}/dialogues/${dialogue.id}`,
          },
        })),
      );
    });
    return { messageId, queued: ids.length, skipped: all.length - ids.length, skippedBy };
  }

  /** Where one message's emails stand (coordinators: own spaces; an unknown message: 404). */
  async summary(spaceId: string, messageId: string, viewer: AuthUser): Promise<DeliverySummary> {
    await this.spaces.assertCoordinatorOf(viewer, spaceId);
    if (!(await this.messages.exists(spaceId, messageId))) throw notFound('Message');
    return this.outbox.summary({ batchId: messageId });
  }

  private async openSpace(spaceId: string, sender: AuthUser) {
    const space = await this.spaces.assertCoordinatorOf(sender, spaceId);
    const dialogue = await this.ledger.dialogue(space.dialogueId);
    if (!dialogue) throw notFound('Dialogue');
    if (dialogue.status === 'cancelled' || dialogue.status === 'draft') {
      throw domainRule('dialogue-not-open', msg('registrations.messagesNotOpen', { status: dialogue.status }));
    }
    return { space, dialogue };
  }
}

const DAY = 86_400_000;
