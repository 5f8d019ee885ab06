import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type DeliverySummary,
  type Invitation,
  type InvitationBatchResult,
  type InvitationDeclineView,
  type InvitationPrefill,
  type InvitationStatus,
  type Language,
  LANGUAGES,
  type Page,
} from '@gfmd/contracts';
import {
  AfterCommit,
  AppConfig,
  AuditService,
  domainRule,
  hashToken,
  inTransaction,
  normalizeEmail,
  notFound,
  ProblemException,
  msg,
} from '@gfmd/api-platform';
import { DialogueRecord, DialoguesService } from '@gfmd/api-dialogues';
import { dialogueParamsByLanguage, OutboxService, OutgoingEmail } from '@gfmd/api-mail';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreateInvitationsDto, ListInvitationsQuery } from './create-invitations.dto';
import { INVITATION_SPACES, type InvitationSpaces } from './invitation-spaces';
import { InvitationRecord, InvitationsRepository, NewInvitation } from './invitations.repository';

export interface Inviter {
  id: string;
}

export const toInvitation = (i: InvitationRecord): Invitation & Record<string, unknown> => ({
  id: i.id,
  dialogueId: i.dialogueId,
  email: i.email,
  name: i.name,
  stakeholderGroup: i.stakeholderGroup,
  preferredLanguage: i.preferredLanguage,
  status: i.status,
  sentAt: i.sentAt ? i.sentAt.toISOString() : null,
  lastError: i.lastError,
  registrationId: i.registrationId,
  spaceIds: i.spaceIds,
  createdAt: i.createdAt.toISOString(),
});

/** What a bulk invitation would do (`?dryRun=true`). */
export interface InvitationPreview {
  wouldSend: number;
  skipped: { duplicateInRequest: number; alreadyInvited: number };
}

/** Recipients per transaction of a bulk invitation. */
const COMMIT_CHUNK = 1000;

const isLanguage = (l: unknown): l is Language => (LANGUAGES as readonly string[]).includes(l as string);

/**
 * Invitations: bulk invite (committed 1,000 recipients at a time: one statement for their
 * invitations, one for their emails, one addBulk for their jobs), list, resend, remind, and the
 * holder's decline. Each email of an invitation carries personal links (a random token, stored
 * hashed) minted when the worker sends it (InvitationLinks); they live only in the email.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly repo: InvitationsRepository,
    private readonly dialogues: DialoguesService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(INVITATION_SPACES) private readonly spaces: InvitationSpaces,
  ) {}

  /** What `invite` would do, writing nothing: how many it would email, how many it would skip and why. */
  async preview(dialogueId: string, dto: CreateInvitationsDto): Promise<InvitationPreview> {
    await this.openDialogue(dialogueId);
    await this.checkSpaces(dialogueId, [...new Set(dto.spaceIds ?? [])]);
    const unique = [...new Set(dto.recipients.map((r) => normalizeEmail(r.email)))];
    const invited = await this.repo.invitedAmong(dialogueId, unique);
    return {
      wouldSend: unique.length - invited.size,
      skipped: { duplicateInRequest: dto.recipients.length - unique.length, alreadyInvited: invited.size },
    };
  }

  async invite(dialogueId: string, dto: CreateInvitationsDto, inviter: Inviter): Promise<InvitationBatchResult> {
    const dialogue = await this.openDialogue(dialogueId);
    const spaceIds = [...new Set(dto.spaceIds ?? [])];
    await this.checkSpaces(dialogueId, spaceIds);

    // Duplicates in the same batch collapse onto their first occurrence.
    const seen = new Set<string>();
    const fallback: Language = dialogue.languages.find(isLanguage) ?? 'en';
    const rows: NewInvitation[] = [];
    const byEmail = new Map<string, NewInvitation>();
    for (const r of dto.recipients) {
      const emailNormalized = normalizeEmail(r.email);
      if (seen.has(emailNormalized)) continue;
      seen.add(emailNormalized);
      const row: NewInvitation = {
        email: r.email.trim(),
        emailNormalized,
        name: r.name?.trim() || null,
        stakeholderGroup: r.stakeholderGroup ?? null,
        preferredLanguage: r.preferredLanguage ?? fallback,
      };
      rows.push(row);
      byEmail.set(emailNormalized, row);
    }
    const message = dto.message?.trim() || null;
    const dialogueParams = dialogueParamsByLanguage(dialogue);

    // Committed chunk by chunk, each chunk's invitations with their emails: the first emails go
    // out while later chunks are written, and no transaction holds 10,000 rows. A chunk's jobs are
    // enqueued while the next chunk is written. If the call fails part-way, what was committed
    // stays invited and repeating the call skips it.
    let queued = 0;
    const enqueuing: Promise<void>[] = [];
    for (let i = 0; i < rows.length; i += COMMIT_CHUNK) {
      const chunk = rows.slice(i, i + COMMIT_CHUNK);
      // The chunk's own after-commit work, run without waiting for it (a retried attempt starts afresh).
      let afterCommit!: AfterCommit;
      queued += await inTransaction(this.dataSource, async () => {
        afterCommit = new AfterCommit();
        const inserted = await this.repo.insertMany(dialogueId, chunk, {
          spaceIds,
          message,
          createdById: inviter.id,
        });
        const emails: OutgoingEmail[] = inserted.flatMap(({ id, emailNormalized }) => {
          const row = byEmail.get(emailNormalized);
          if (!row) return [];
          return {
            kind: 'invitation',
            to: row.email,
            language: row.preferredLanguage,
            idempotencyKey: `invitation:${id}`,
            dialogueId,
            invitationId: id,
            links: 'invitation' as const,
            params: {
              ...dialogueParams(row.preferredLanguage),
              recipientName: row.name ?? undefined,
              message: message ?? undefined,
            },
          };
        });
        await this.outbox.write(afterCommit, emails);
        if (inserted.length) {
          await this.audit.record({
            actorUserId: inviter.id,
            action: 'invitations.sent',
            entityType: 'dialogue',
            entityId: dialogueId,
            dialogueId,
            details: { count: inserted.length, spaceIds },
          });
        }
        return inserted.length;
      });
      enqueuing.push(afterCommit.run());
    }
    await Promise.all(enqueuing);
    return { queued, skipped: dto.recipients.length - queued };
  }

  async list(dialogueId: string, query: ListInvitationsQuery): Promise<Page<Invitation>> {
    await this.dialogues.findRecord(dialogueId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const [rows, total] = await this.repo.list({
      dialogueId,
      status: query.status,
      q: query.q,
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toInvitation), total, page, pageSize };
  }

  /**
   * Where a dialogue's invitations stand, for a page that follows delivery: queued, sent, failed,
   * and closed (registered or declined). `sending` is always 0: an invitation stays queued until
   * its email has gone (the outbox summary shows the emails themselves).
   */
  async summary(dialogueId: string): Promise<DeliverySummary> {
    await this.dialogues.findRecord(dialogueId);
    const n = await this.repo.countByStatus(dialogueId);
    const at = (s: InvitationStatus) => n.get(s) ?? 0;
    const summary = {
      queued: at('queued'),
      sending: 0,
      sent: at('sent'),
      failed: at('failed'),
      closed: at('registered') + at('declined'),
    };
    return { ...summary, total: Object.values(summary).reduce((a, b) => a + b, 0) };
  }

  /**
   * Sends one invitation again (202), with a link of its own; earlier links keep working.
   * Registered or declined: 409; sent again INVITATION_RESENDS_MAX times already: 422 `resend-limit`.
   */
  async resend(id: string, actorUserId: string | null = null): Promise<Invitation> {
    const invitation = await this.repo.findById(id);
    if (!invitation) throw notFound('Invitation');
    const dialogue = await this.openDialogue(invitation.dialogueId);
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const locked = await this.repo.lockById(id);
      if (!locked || locked.status === 'registered' || locked.status === 'declined') {
        throw new ProblemException(
          409,
          'invitation-closed',
          msg('invitations.closed', { status: locked?.status ?? 'gone' }),
        );
      }
      const max = this.config.sendingLimits.invitationResendsMax;
      if (locked.resends >= max) {
        throw domainRule('resend-limit', msg('invitations.resendLimit', { resends: locked.resends }));
      }
      await this.sendAgain(afterCommit, dialogue, [locked], 'resend');
      await this.recordSent(actorUserId, dialogue.id, 1, 'resend');
    });
    return toInvitation((await this.repo.findById(id)) ?? invitation);
  }

  /** Sends every failed invitation of a dialogue again (those at the resend limit are skipped). */
  async resendFailed(dialogueId: string, actorUserId: string | null = null): Promise<InvitationBatchResult> {
    const dialogue = await this.openDialogue(dialogueId);
    const max = this.config.sendingLimits.invitationResendsMax;
    return inTransaction(this.dataSource, async (_m, afterCommit) => {
      const failed = await this.repo.lockByStatus(dialogueId, ['failed']);
      const allowed = failed.filter((i) => i.resends < max);
      const queued = await this.sendAgain(afterCommit, dialogue, allowed, 'resend');
      await this.recordSent(actorUserId, dialogueId, queued, 'resend');
      return { queued, skipped: failed.length - queued };
    });
  }

  /** Reminds those invited (and reached) who have not registered or declined: at most once a day each. */
  async remind(dialogueId: string, actorUserId: string | null = null): Promise<InvitationBatchResult> {
    const dialogue = await this.openDialogue(dialogueId);
    return inTransaction(this.dataSource, async (_m, afterCommit) => {
      const open = await this.repo.lockByStatus(dialogueId, ['sent']);
      const queued = await this.sendAgain(afterCommit, dialogue, open, 'remind');
      await this.recordSent(actorUserId, dialogueId, queued, 'remind');
      return { queued, skipped: open.length - queued };
    });
  }

  /** The holder of the link declines (List-Unsubscribe one-click or the link in the email). */
  async decline(token: string): Promise<{ status: 'declined' }> {
    const before = await this.repo.decline(hashToken(token));
    if (!before) throw notFound('Invitation');
    if (before.status === 'registered') {
      throw new ProblemException(409, 'already-registered', msg('invitations.alreadyRegistered'));
    }
    return { status: 'declined' };
  }

  /**
   * What a usable invitation link fills in on the registration form: only what the invitation
   * holds. Unknown and used (registered) invitations are not found.
   */
  async prefill(token: string): Promise<InvitationPrefill> {
    const invitation = await this.repo.findByTokenHash(hashToken(token));
    if (!invitation || invitation.status === 'registered') throw notFound('Invitation');
    return {
      dialogueId: invitation.dialogueId,
      email: invitation.email,
      name: invitation.name,
      stakeholderGroup: invitation.stakeholderGroup,
      preferredLanguage: invitation.preferredLanguage,
    };
  }

  /** What the decline page shows before the holder confirms (never changes anything: link scanners fetch GETs). */
  async declinePreview(token: string): Promise<InvitationDeclineView> {
    const invitation = await this.repo.findByTokenHash(hashToken(token));
    if (!invitation) throw notFound('Invitation');
    const dialogue = await this.dialogues.findRecord(invitation.dialogueId);
    return {
      dialogueId: dialogue.id,
      dialogueTitle: dialogue.title,
      language: invitation.preferredLanguage,
      status: invitation.status,
    };
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────

  /** Invitations go out only for a dialogue people can register for (not a draft, cancelled or concluded one). */
  private async openDialogue(dialogueId: string): Promise<DialogueRecord> {
    const dialogue = await this.dialogues.findRecord(dialogueId);
    if (dialogue.status === 'draft') {
      throw domainRule('dialogue-not-published', msg('invitations.draftDialogue'));
    }
    if (dialogue.status === 'cancelled' || dialogue.status === 'concluded') {
      throw domainRule('dialogue-closed', msg('invitations.dialogueClosed', { status: dialogue.status }));
    }
    return dialogue;
  }

  private async checkSpaces(dialogueId: string, spaceIds: string[]): Promise<void> {
    const known = await this.spaces.spaceIdsInDialogue(dialogueId, spaceIds);
    if (known.length !== spaceIds.length) {
      const unknown = spaceIds.filter((s) => !known.includes(s));
      throw domainRule('unknown-space', msg('invitations.unknownSpaces'), [
        { field: 'spaceIds', message: msg('invitations.unknownSpaces.field', { ids: unknown.join(', ') }) },
      ]);
    }
  }

  /**
   * Writes the invitation email again with today's dialogue details; its link is minted when it
   * is sent (InvitationLinks), and the links of earlier emails keep working. A resend gets a
   * fresh key each time; a reminder at most one per day.
   */
  /** The audit line of invitation emails sent again (in the caller's transaction); none when nothing was sent. */
  private async recordSent(actorUserId: string | null, dialogueId: string, count: number, mode: 'resend' | 'remind') {
    if (!count) return;
    await this.audit.record({
      actorUserId,
      action: 'invitations.sent',
      entityType: 'dialogue',
      entityId: dialogueId,
      dialogueId,
      details: { count, mode },
    });
  }

  private async sendAgain(
    afterCommit: AfterCommit,
    dialogue: DialogueRecord,
    invitations: InvitationRecord[],
    mode: 'resend' | 'remind',
  ): Promise<number> {
    if (!invitations.length) return 0;
    const day = new Date().toISOString().slice(0, 10);
    const dialogueParams = dialogueParamsByLanguage(dialogue);
    const emails: OutgoingEmail[] = [];
    for (const inv of invitations) {
      emails.push({
        kind: 'invitation',
        to: inv.email,
        language: inv.preferredLanguage,
        idempotencyKey:
          mode === 'remind' ? `invitation:${inv.id}:remind:${day}` : `invitation:${inv.id}:resend:${randomUUID()}`,
        dialogueId: inv.dialogueId,
        invitationId: inv.id,
        links: 'invitation',
        params: {
          ...dialogueParams(inv.preferredLanguage),
          recipientName: inv.name ?? undefined,
          message: inv.message ?? undefined,
          isReminder: mode === 'remind',
        },
      });
    }
    const ids = await this.outbox.write(afterCommit, emails);
    if (mode === 'resend') await this.repo.markResent(invitations.map((i) => i.id));
    return ids.length;
  }
}
