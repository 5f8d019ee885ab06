import { Injectable } from '@nestjs/common';
import type { EmailKind, RegistrationStatus } from '@gfmd/contracts';
import { type AfterCommit, localizeContent } from '@gfmd/api-platform';
import {
  dialogueParamsByLanguage,
  OutboxService,
  type OutgoingEmail,
  type StoredAttachment,
  type TemplateParams,
} from '@gfmd/api-mail';
import type { DialogueRow, ParticipantContact, SpaceTranslations } from './registration.rows';

export type Recipient = ParticipantContact;

export interface RegistrationEmail {
  kind: EmailKind;
  /** Unique per cause; see Notices for the scheme. */
  idempotencyKey: string;
  recipient: Recipient;
  /** The spaces it tells of: named in the recipient's language when the space has it (`translations`). */
  spaces?: { name: string; status: RegistrationStatus; translations?: SpaceTranslations | null }[];
  reason?: string;
  /** Reminders: days left until the dialogue. */
  daysBefore?: number;
  /** Held back until then (a decline's undo window). */
  sendAfter?: Date;
  /** Confirmations: the spaces with a confirmed seat (for the personal agenda the email carries). */
  confirmedSpaceIds?: string[];
}

/** Who a confirmation goes to, for their personal agenda. */
export interface ConfirmationReader {
  registrationId: string;
  language: OutgoingEmail['language'];
  confirmedSpaceIds: string[];
}

/** What a confirmation adds when the dialogue has an agenda: its items (in the body) and the personal .ics. */
export interface ConfirmationAgenda {
  params: Pick<TemplateParams, 'agenda' | 'dialogueUrl' | 'timeZone' | 'documents' | 'documentsUrl'>;
  attachments: StoredAttachment[];
}

/** Each confirmation's personal agenda, from an agenda already read (no query). */
export type ConfirmationAgendas = (readers: ConfirmationReader[]) => Map<string, ConfirmationAgenda>;

/**
 * Reads a dialogue's agenda for its confirmations (null when it has none); provided by the
 * agenda domain (which depends on this one), absent when it is not loaded.
 */
export type ConfirmationAgendaSource = (dialogueId: string) => Promise<ConfirmationAgendas | null>;

/**
 * Kinds that go to confirmed participants only: the only ones that carry the online link (in a
 * hybrid dialogue, to those who attend online only).
 */
const WITH_ONLINE_LINK: readonly EmailKind[] = [
  'confirmation',
  'promoted',
  'approved',
  'reminder',
  'agenda',
  'agenda_update',
];

/** Kinds sent when a registration has ended: they carry no manage link. */
const WITHOUT_LINK: readonly EmailKind[] = ['cancelled', 'declined'];

function withOnlineLinkIf<T extends { onlineUrl?: string }>(keep: boolean, params: T): T {
  if (keep) return params;
  const { onlineUrl: _hidden, ...rest } = params;
  return rest as T;
}

/**
 * The spaces as an email lists them: each name in the reader's language when the space has it,
 * else in the dialogue's source language (as the dialogue's title, `dialogueTemplateParams`).
 */
function spacesIn(
  d: Pick<DialogueRow, 'languages'>,
  spaces: NonNullable<RegistrationEmail['spaces']>,
  language: OutgoingEmail['language'],
): NonNullable<TemplateParams['spaces']> {
  const source = d.languages?.[0] ?? 'en';
  return spaces.map((s) => ({ name: localizeContent(s, ['name'], source, language).name ?? s.name, status: s.status }));
}

/**
 * Writes the participant emails of registrations into the outbox, in the current transaction.
 * Every other email about a registration carries a manage link of its own, minted by the worker
 * when it sends the email (ManageLinks): the row names the link, never holds it, and an email
 * sent once the registration has ended goes without one.
 */
@Injectable()
export class RegistrationMailer {
  constructor(private readonly outbox: OutboxService) {}

  private agendaSource?: ConfirmationAgendaSource;

  /** The agenda domain registers how a confirmation gets the agenda and its .ics. */
  provideConfirmationAgenda(source: ConfirmationAgendaSource): void {
    this.agendaSource = source;
  }

  /**
   * What the dialogue's confirmations will carry of its agenda, read now: an admission batch reads
   * it before it takes the dialogue lock and hands it to `write`. Null when there is no agenda.
   */
  async confirmationAgendas(dialogueId: string): Promise<ConfirmationAgendas | null> {
    return this.agendaSource ? this.agendaSource(dialogueId) : null;
  }

  /**
   * `byWorker`: see OutboxService.write (admission batches: their send jobs are added by the
   * worker). `agendas`: from `confirmationAgendas`, read ahead; else read here when a
   * confirmation needs it.
   */
  async write(
    afterCommit: AfterCommit,
    d: DialogueRow,
    emails: RegistrationEmail[],
    { byWorker = false, agendas: readAhead }: { byWorker?: boolean; agendas?: ConfirmationAgendas | null } = {},
  ): Promise<void> {
    if (!emails.length) return;
    const dialogueParams = dialogueParamsByLanguage(d);
    const confirmations = emails.filter((e) => e.kind === 'confirmation');
    const source = !confirmations.length
      ? null
      : readAhead !== undefined
        ? readAhead
        : await this.confirmationAgendas(d.id);
    const agendas = source
      ? source(
          confirmations.map((e) => ({
            registrationId: e.recipient.id,
            language: e.recipient.preferredLanguage,
            confirmedSpaceIds: e.confirmedSpaceIds ?? [],
          })),
        )
      : new Map<string, ConfirmationAgenda>();
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
        ...withOnlineLinkIf(
          WITH_ONLINE_LINK.includes(e.kind) && (d.format !== 'hybrid' || e.recipient.attendance === 'online'),
          dialogueParams(e.recipient.preferredLanguage),
        ),
        ...(e.spaces?.length ? { spaces: spacesIn(d, e.spaces, e.recipient.preferredLanguage) } : {}),
        ...(e.reason ? { reason: e.reason } : {}),
        ...(e.daysBefore ? { daysBefore: e.daysBefore } : {}),
        ...(e.kind === 'confirmation' ? agendas.get(e.recipient.id)?.params : {}),
      },
      ...(e.kind === 'confirmation' && agendas.get(e.recipient.id)?.attachments.length
        ? { attachments: agendas.get(e.recipient.id)?.attachments }
        : {}),
    }));
    await this.outbox.write(afterCommit, out, { byWorker });
    await this.dropReminders(afterCommit, emails);
  }

  /**
   * Cancels the unsent emails of a kind about a registration (an undone decline), in the current
   * transaction; answers how many. Zero means it has gone out (or is going out) already.
   */
  withdraw(
    afterCommit: AfterCommit,
    kind: EmailKind,
    registrationId: string,
    idempotencyKey?: string,
  ): Promise<number> {
    return this.outbox.cancelUnsent(afterCommit, kind, {
      registrationIds: [registrationId],
      ...(idempotencyKey ? { idempotencyKeys: [idempotencyKey] } : {}),
    });
  }

  /** Gives back the reminder a decline cancelled (cancelled at or after `declinedAt`), when the decline is undone. */
  restoreReminder(afterCommit: AfterCommit, registrationId: string, declinedAt: Date): Promise<number> {
    return this.outbox.reinstate(afterCommit, 'reminder', registrationId, declinedAt);
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
      await this.outbox.cancelUnsent(afterCommit, 'reminder', {
        registrationIds: ended,
      });
  }
}
