import { Injectable } from '@nestjs/common';
import type { EmailKind, RegistrationStatus } from '@gfmd/contracts';
import type { AfterCommit } from '@gfmd/api-platform';
import { dialogueParamsByLanguage, OutboxService, type OutgoingEmail } from '@gfmd/api-mail';
import type { EntityManager } from 'typeorm';
import { ManageLinks } from './manage-links';
import type { DialogueRow, ParticipantContact } from './registrations.repository';

export type Recipient = ParticipantContact;

export interface RegistrationEmail {
  kind: EmailKind;
  /** Unique per cause; see Notices for the scheme. */
  idempotencyKey: string;
  recipient: Recipient;
  spaces?: { name: string; status: RegistrationStatus }[];
  /** Only right after registering: the manage token exists in clear nowhere else. */
  manageToken?: string;
  reason?: string;
  /** Reminders: days left until the dialogue. */
  daysBefore?: number;
}

/** Writes the participant emails of registrations into the outbox, in the caller's transaction. */
@Injectable()
export class RegistrationMailer {
  constructor(
    private readonly outbox: OutboxService,
    private readonly links: ManageLinks,
  ) {}

  manageUrl(token: string): string {
    return this.links.url(token);
  }

  async write(m: EntityManager, afterCommit: AfterCommit, d: DialogueRow, emails: RegistrationEmail[]): Promise<void> {
    if (!emails.length) return;
    emails = await this.withManageLinks(m, emails);
    const dialogueParams = dialogueParamsByLanguage(d);
    const out: OutgoingEmail[] = emails.map((e) => ({
      kind: e.kind,
      to: e.recipient.email,
      language: e.recipient.preferredLanguage,
      idempotencyKey: e.idempotencyKey,
      registrationId: e.recipient.id,
      dialogueId: d.id,
      params: {
        recipientName: [e.recipient.title, e.recipient.firstName, e.recipient.lastName].filter(Boolean).join(' '),
        ...dialogueParams(e.recipient.preferredLanguage),
        ...(e.manageToken ? { manageUrl: this.manageUrl(e.manageToken) } : {}),
        ...(e.spaces?.length ? { spaces: e.spaces } : {}),
        ...(e.reason ? { reason: e.reason } : {}),
        ...(e.daysBefore ? { daysBefore: e.daysBefore } : {}),
      },
    }));
    await this.outbox.write(m, afterCommit, out);
    await this.dropReminders(m, afterCommit, emails);
  }

  /**
   * Every email about a registration that is still active carries a manage link: the first one
   * has the token made at registration; later ones (promoted, approved, a space decision…) get a
   * further token, stored as a hash like the first, that works until the registration ends.
   */
  private async withManageLinks(m: EntityManager, emails: RegistrationEmail[]): Promise<RegistrationEmail[]> {
    const issued = new Map<string, string | null>();
    const out: RegistrationEmail[] = [];
    for (const e of emails) {
      if (e.manageToken || e.kind === 'cancelled') {
        out.push(e);
        continue;
      }
      if (!issued.has(e.recipient.id)) issued.set(e.recipient.id, await this.links.issue(m, e.recipient.id));
      const token = issued.get(e.recipient.id);
      out.push(token ? { ...e, manageToken: token } : e);
    }
    return out;
  }

  /**
   * A registration that has ended (cancelled, declined) loses its reminder if it has not gone out
   * yet. Reminders are written by the reminder round when due (see ReminderRound), not here.
   */
  private async dropReminders(m: EntityManager, afterCommit: AfterCommit, emails: RegistrationEmail[]) {
    const ended = [
      ...new Set(emails.filter((e) => e.kind === 'cancelled' || e.kind === 'declined').map((e) => e.recipient.id)),
    ];
    if (ended.length) await this.outbox.cancelUnsent(m, afterCommit, 'reminder', { registrationIds: ended });
  }
}
