import type { EmailKind, EmailStatus, Language } from '@gfmd/contracts';
import type { TemplateParams } from '../templates/template-renderer';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface StoredAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text content (calendar files). */
  content: string;
}

/**
 * The outbox row: an email, written in the same transaction as its cause. It holds what the
 * email is made of — kind, language, template parameters, subject, attachments, headers, and
 * the personal link it needs by reference (minted when it is sent, see EmailComposer) — and
 * the worker renders the body from them when it sends (rows of earlier versions carry a rendered
 * body, which is sent as stored). Job payloads carry only the row id.
 */
@Entity('outbound_emails')
export class OutboundEmailEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: EmailKind;
  @Column({ type: 'text' }) recipient: string;
  @Column({ type: 'text', default: 'en' }) language: Language;
  @Column({ type: 'text' }) subject: string;
  /** A body rendered at write time (earlier versions); null: rendered from `params` when sent. */
  @Column({ type: 'text', nullable: true }) html: string | null;
  @Column({ type: 'text', nullable: true }) text: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) attachments: StoredAttachment[];
  @Column({ type: 'jsonb', default: () => "'{}'" }) headers: Record<string, string>;
  /** What the body is rendered from; never a personal link: `links` names the one the worker mints when it sends. */
  @Column({ type: 'jsonb', nullable: true }) params: TemplateParams | null;
  @Column({ type: 'text', default: 'pending' }) status: EmailStatus;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Column({ type: 'text', nullable: true }) providerMessageId: string | null;
  /** e.g. `confirmation:<registrationId>:<n>`; unique, so a cause never mails twice. */
  @Column({ type: 'text' }) idempotencyKey: string;
  @Column({ type: 'uuid', nullable: true }) dialogueId: string | null;
  @Column({ type: 'uuid', nullable: true }) registrationId: string | null;
  @Column({ type: 'uuid', nullable: true }) invitationId: string | null;
  /** The batch the email belongs to (a space message), for its delivery summary. */
  @Column({ type: 'uuid', nullable: true }) batchId: string | null;
  /** Not to be sent before this instant (reminders, coalesced agenda updates). */
  @Column({ type: 'timestamptz', nullable: true }) sendAfter: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
