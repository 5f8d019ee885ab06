import { Injectable } from '@nestjs/common';
import { DialoguesService } from '@gfmd/api-dialogues';
import { RegistrationInvitations } from '@gfmd/api-invitations';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxService } from '@gfmd/api-mail';
import { AuditService, inTransaction, normalizeEmail, PersonalDataHooks } from '@gfmd/api-platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RegistrationView } from './registration.mapper';
import { toRegistration } from './registration.mapper';
import { ManageTokensRepository } from './manage-tokens.repository';
import { RegistrationReadsRepository } from './registration-reads.repository';
import { RegistrationsRepository } from './registrations.repository';
import { Notices, SeatKeeper } from './seat-keeper.service';
import { ACTIVE_STATUSES } from './seat-rules.util';

export interface ParticipantExport {
  email: string;
  exportedAt: string;
  registrations: (RegistrationView & { dialogueTitle: string | null; consentAt: string | null })[];
  invitations: {
    id: string;
    dialogueId: string;
    dialogueTitle: string | null;
    email: string;
    name: string | null;
    status: string;
    spaceIds: string[];
    createdAt: string;
    sentAt: string | null;
  }[];
  emails: { id: string; kind: string; subject: string; status: string; createdAt: string; sentAt: string | null }[];
  /** What other domains hold (PersonalDataHooks), by their key: e.g. `synthesisSubscriptions`. */
  [key: string]: unknown;
}

export interface ErasureResult {
  registrations: number;
  invitations: number;
  emails: number;
  /** Registrations that held or waited for a seat and were cancelled (their seats went to the next in line). */
  cancelled: number;
  /** What other domains erased (PersonalDataHooks), by their key: e.g. `synthesisSubscriptions`. */
  [key: string]: number;
}

/** Everything held about an email address (GDPR access) and its erasure. Admin only. */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reads: RegistrationReadsRepository,
    private readonly writes: RegistrationsRepository,
    private readonly tokens: ManageTokensRepository,
    private readonly seats: SeatKeeper,
    private readonly outbox: OutboxService,
    private readonly invitationsPort: RegistrationInvitations,
    private readonly audit: AuditService,
    private readonly dialogues: DialoguesService,
    private readonly personalData: PersonalDataHooks,
  ) {}

  async export(email: string): Promise<ParticipantExport> {
    const e = normalizeEmail(email);
    const regs = await this.reads.byEmail(e);
    const invitations = await this.invitationsPort.byEmail(e);
    const spaces = await this.reads.spacesOf(regs.map((r) => r.id));
    const titles = new Map(
      (await this.dialogues.titles([...new Set([...regs, ...invitations].map((x) => x.dialogueId))])).map((d) => [
        d.id,
        d.title,
      ]),
    );
    const emails = await this.outbox.personEmails(
      e,
      regs.map((r) => r.id),
    );
    return {
      email: e,
      exportedAt: new Date().toISOString(),
      registrations: regs.map((r) => ({
        ...toRegistration(r, spaces.get(r.id)),
        dialogueTitle: titles.get(r.dialogueId) ?? null,
        consentAt: r.consentAt ? r.consentAt.toISOString() : null,
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        dialogueId: i.dialogueId,
        dialogueTitle: titles.get(i.dialogueId) ?? null,
        email: i.email,
        name: i.name,
        status: i.status,
        spaceIds: i.spaceIds,
        createdAt: i.createdAt.toISOString(),
        sentAt: i.sentAt ? i.sentAt.toISOString() : null,
      })),
      emails: emails.map((m) => ({
        id: m.id,
        kind: m.kind,
        subject: m.subject,
        status: m.status,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt ? m.sentAt.toISOString() : null,
      })),
      ...(await this.personalData.exportFor(e)),
    };
  }

  /**
   * Erases a person everywhere, in one transaction: their active registrations are cancelled
   * first (seats freed and given to the next in line, with the usual emails to those people;
   * none to the erased address), then every registration is anonymised, invitations and
   * outbox rows to the address are scrubbed (unsent ones cancelled). Dialogues are locked in
   * id order.
   */
  async erase(email: string, actorUserId: string | null = null): Promise<ErasureResult> {
    const e = normalizeEmail(email);
    return inTransaction(this.dataSource, async (_m, afterCommit) => {
      const regs = await this.reads.byEmail(e);
      let cancelled = 0;
      for (const dialogueId of [...new Set(regs.map((r) => r.dialogueId))].sort()) {
        await this.seats.lockDialogue(dialogueId);
        const notices = new Notices();
        for (const r of regs.filter((x) => x.dialogueId === dialogueId)) {
          const fresh = await this.reads.byId(r.id);
          if (!fresh || !ACTIVE_STATUSES.includes(fresh.status)) continue;
          await this.seats.release(fresh, 'cancelled', notices, { notify: false, clearToken: true });
          cancelled++;
        }
        for (const r of regs) notices.drop(r.id);
        await this.seats.notify(afterCommit, dialogueId, notices);
      }
      const ids = regs.map((r) => r.id);
      const invitationIds = (await this.invitationsPort.byEmail(e)).map((i) => i.id);
      await this.writes.anonymise(ids);
      await this.tokens.deleteFor(ids);
      const invitations = await this.invitationsPort.scrub(e);
      const emails = await this.outbox.scrubPerson(e, ids, invitationIds);
      const others = await this.personalData.erase(e);
      // One audit line per dialogue the person was in (or one without a dialogue), all with the
      // erasure's own id: ids and counts only, never the address.
      const erasureId = randomUUID();
      const dialogueIds = [...new Set(regs.map((r) => r.dialogueId))].sort();
      await this.audit.record(
        (dialogueIds.length ? dialogueIds : [null]).map((dialogueId) => ({
          actorUserId,
          action: 'participant.erased' as const,
          entityType: 'participant' as const,
          entityId: erasureId,
          dialogueId,
          details: {
            registrationIds: regs.filter((r) => r.dialogueId === dialogueId).map((r) => r.id),
            invitations,
            emails,
            ...others,
          },
        })),
      );
      return { ...others, registrations: ids.length, invitations, emails, cancelled };
    });
  }
}
