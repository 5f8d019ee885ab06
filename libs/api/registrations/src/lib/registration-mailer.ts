import { Injectable } from '@nestjs/common';
import type { EmailKind, RegistrationStatus } from '@gfmd/contracts';
import { type AfterCommit, currentManager } from '@gfmd/api-platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { dialogueParamsByLanguage, OutboxService, type OutgoingEmail } from '@gfmd/api-mail';
import { DataSource } from 'typeorm';
import type { DialogueRow, ParticipantContact } from './registration.rows';

export type Recipient = ParticipantContact;

export interface RegistrationEmail {
  kind: EmailKind;
  /** Unique per cause; see Notices for the scheme. */
  idempotencyKey: string;
  recipient: Recipient;
  spaces?: { name: string; status: RegistrationStatus }[];
  reason?: string;
  /** Reminders: days left until the dialogue. */
  daysBefore?: number;
  /** Held back until then (a decline's undo window). */
  sendAfter?: Date;
}

/** Kinds sent when a registration has ended: they carry no manage link. */
const WITHOUT_LINK: readonly EmailKind[] = ['cancelled', 'declined'];

/**
 * Writes the participant emails of registrations into the outbox, in the current transaction.
 * Every other email about a registration carries a manage link of its own, minted by the worker
 * when it sends the email (ManageLinks): the row names the link, never holds it, and an email
 * sent once the registration has ended goes without one.
 */
@Injectable()
export class RegistrationMailer {
  constructor(
    private readonly outbox: OutboxService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async write(afterCommit: AfterCommit, d: DialogueRow, emails: RegistrationEmail[]): Promise<void> {
    if (!emails.length) return;
    const m = currentManager(this.dataSource);
    const dialogueParams = dialogueParamsByLanguage(d);
    const out: OutgoingEmail[] = emails.map((e) => ({
      kind: e.kind,
      to: e.recipient.email,
      language: e.recipient.preferredLanguage,
      idempotencyKey: e.idempotencyKey,
      registrationId: e.recipient.id,
      dialogueId: d.id,
      ...(WITHOUT_LINK.includes(e.kind) ? {} : { links: 'manage' as const }),
      ...(e.sendAfter ? { sendAfter: e.sendAfter } : {}),
      params: {
        recipientName: [e.recipient.title, e.recipient.firstName, e.recipient.lastName].filter(Boolean).join(' '),
        ...dialogueParams(e.recipient.preferredLanguage),
        ...(e.spaces?.length ? { spaces: e.spaces } : {}),
        ...(e.reason ? { reason: e.reason } : {}),
        ...(e.daysBefore ? { daysBefore: e.daysBefore } : {}),
      },
    }));
    await this.outbox.write(m, afterCommit, out);
    await this.dropReminders(afterCommit, emails);
  }

  /**
   * Cancels the unsent emails of a kind about a registration (an undone decline), in the current
   * transaction; answers how many. Zero means it has gone out (or is going out) already.
   */
  withdraw(afterCommit: AfterCommit, kind: EmailKind, registrationId: string): Promise<number> {
    return this.outbox.cancelUnsent(currentManager(this.dataSource), afterCommit, kind, {
      registrationIds: [registrationId],
    });
  }

  /**
   * A registration that has ended (cancelled, declined) loses its reminder if it has not gone out
   * yet. Reminders are written by the reminder round when due (see ReminderRound), not here.
   */
  private async dropReminders(afterCommit: AfterCommit, emails: RegistrationEmail[]) {
    const ended = [
      ...new Set(emails.filter((e) => e.kind === 'cancelled' || e.kind === 'declined').map((e) => e.recipient.id)),
    ];
    if (ended.length)
      await this.outbox.cancelUnsent(currentManager(this.dataSource), afterCommit, 'reminder', {
        registrationIds: ended,
      });
  }
}
