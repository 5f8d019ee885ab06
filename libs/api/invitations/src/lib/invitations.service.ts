import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Invitation, type InvitationBatchResult, type InvitationPrefill, type Language, LANGUAGES, type Page } from '@gfmd/contracts';
import {
  AfterCommit,
  AppConfig,
  domainRule,
  hashToken,
  inTransaction,
  newToken,
  normalizeEmail,
  notFound,
  ProblemException,
} from '@gfmd/api-platform';
import { DialogueRecord, DialoguesService } from '@gfmd/api-dialogues';
import {
  dialogueParamsByLanguage,
  OutboxRepository,
  OutboxService,
  OutgoingEmail,
  safeUrl,
  TemplateParams,
} from '@gfmd/api-mail';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CreateInvitationsDto, ListInvitationsQuery } from './create-invitations.dto';
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

/** Recipients per transaction of a bulk invitation. */
const COMMIT_CHUNK = 1000;

const isLanguage = (l: unknown): l is Language => (LANGUAGES as readonly string[]).includes(l as string);

/**
 * Invitations: bulk invite (committed 1,000 recipients at a time: one statement for their
 * invitations, one for their emails, one addBulk for their jobs), list, resend, remind, and the holder's decline. Each invitation has a
 * personal token (32 random bytes, base64url) stored hashed; the link lives only in the email.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly repo: InvitationsRepository,
    private readonly dialogues: DialoguesService,
    private readonly outbox: OutboxService,
    private readonly outboxRepo: OutboxRepository,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async invite(dialogueId: string, dto: CreateInvitationsDto, inviter: Inviter): Promise<InvitationBatchResult> {
    const dialogue = await this.openDialogue(dialogueId);
    const spaceIds = [...new Set(dto.spaceIds ?? [])];
    const known = await this.repo.spacesOfDialogue(dialogueId, spaceIds);
    if (known.length !== spaceIds.length) {
      const unknown = spaceIds.filter((s) => !known.includes(s));
      throw domainRule('unknown-space', 'Some spaces are not part of this dialogue.', [
        { field: 'spaceIds', message: `unknown: ${unknown.join(', ')}` },
      ]);
    }

    // Duplicates in the same batch collapse onto their first occurrence.
    const seen = new Set<string>();
    const fallback: Language = dialogue.languages.find(isLanguage) ?? 'en';
    const rows: NewInvitation[] = [];
    const byEmail = new Map<string, { row: NewInvitation; token: string }>();
    for (const r of dto.recipients) {
      const emailNormalized = normalizeEmail(r.email);
      if (seen.has(emailNormalized)) continue;
      seen.add(emailNormalized);
      const token = newToken();
      const row: NewInvitation = {
        email: r.email.trim(),
        emailNormalized,
        name: r.name?.trim() || null,
        stakeholderGroup: r.stakeholderGroup ?? null,
        preferredLanguage: r.preferredLanguage ?? fallback,
        tokenHash: hashToken(token),
      };
      rows.push(row);
      byEmail.set(emailNormalized, { row, token });
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
      queued += await inTransaction(this.dataSource, async (manager) => {
        afterCommit = new AfterCommit();
        const inserted = await this.repo.insertMany(manager, dialogueId, chunk, {
          spaceIds,
          message,
          createdById: inviter.id,
        });
        const emails: OutgoingEmail[] = inserted.flatMap(({ id, emailNormalized }) => {
          const entry = byEmail.get(emailNormalized);
          if (!entry) return [];
          const { row, token } = entry;
          return {
            kind: 'invitation',
            to: row.email,
            language: row.preferredLanguage,
            idempotencyKey: `invitation:${id}`,
            dialogueId,
            invitationId: id,
            params: {
              ...this.links(dialogueId, token),
              ...dialogueParams(row.preferredLanguage),
              recipientName: row.name ?? undefined,
              message: message ?? undefined,
            },
          };
        });
        await this.outbox.write(manager, afterCommit, emails);
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

  /** Sends one invitation again, with the same personal link (202). Registered or declined: 409. */
  async resend(id: string): Promise<Invitation> {
    const invitation = await this.repo.findById(id);
    if (!invitation) throw notFound('Invitation');
    const dialogue = await this.openDialogue(invitation.dialogueId);
    await inTransaction(this.dataSource, async (manager, afterCommit) => {
      const locked = await this.repo.lockById(manager, id);
      if (!locked || locked.status === 'registered' || locked.status === 'declined') {
        throw new ProblemException(
          409,
          'invitation-closed',
          `This invitation is ${locked?.status ?? 'gone'}; it cannot be sent again.`,
        );
      }
      await this.sendAgain(manager, afterCommit, dialogue, [locked], 'resend');
    });
    return toInvitation((await this.repo.findById(id)) ?? invitation);
  }

  /** Sends every failed invitation of a dialogue again. */
  async resendFailed(dialogueId: string): Promise<InvitationBatchResult> {
    const dialogue = await this.openDialogue(dialogueId);
    return inTransaction(this.dataSource, async (manager, afterCommit) => {
      const failed = await this.repo.lockByStatus(manager, dialogueId, ['failed']);
      const queued = await this.sendAgain(manager, afterCommit, dialogue, failed, 'resend');
      return { queued, skipped: failed.length - queued };
    });
  }

  /** Reminds those invited (and reached) who have not registered or declined: at most once a day each. */
  async remind(dialogueId: string): Promise<InvitationBatchResult> {
    const dialogue = await this.openDialogue(dialogueId);
    return inTransaction(this.dataSource, async (manager, afterCommit) => {
      const open = await this.repo.lockByStatus(manager, dialogueId, ['sent']);
      const queued = await this.sendAgain(manager, afterCommit, dialogue, open, 'remind');
      return { queued, skipped: open.length - queued };
    });
  }

  /** The holder of the link declines (List-Unsubscribe one-click or the link in the email). */
  async decline(token: string): Promise<{ status: 'declined' }> {
    const before = await this.repo.decline(hashToken(token));
    if (!before) throw notFound('Invitation');
    if (before.status === 'registered') {
      throw new ProblemException(
        409,
        'already-registered',
        'You have registered with this invitation; cancel the registration with your manage link instead.',
      );
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
  async declinePreview(token: string): Promise<{ language: Language; dialogueTitle: string; status: string }> {
    const invitation = await this.repo.findByTokenHash(hashToken(token));
    if (!invitation) throw notFound('Invitation');
    const dialogue = await this.dialogues.findRecord(invitation.dialogueId);
    return { language: invitation.preferredLanguage, dialogueTitle: dialogue.title, status: invitation.status };
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────

  private async openDialogue(dialogueId: string): Promise<DialogueRecord> {
    const dialogue = await this.dialogues.findRecord(dialogueId);
    if (dialogue.status === 'cancelled' || dialogue.status === 'concluded') {
      throw domainRule('dialogue-closed', `Invitations cannot be sent for a ${dialogue.status} dialogue.`);
    }
    return dialogue;
  }

  /**
   * Re-renders the latest invitation email of each invitation with today's dialogue details and
   * the same link. A resend gets a fresh key each time; a reminder at most one per day.
   */
  private async sendAgain(
    manager: EntityManager,
    afterCommit: AfterCommit,
    dialogue: DialogueRecord,
    invitations: InvitationRecord[],
    mode: 'resend' | 'remind',
  ): Promise<number> {
    if (!invitations.length) return 0;
    const latest = await this.outboxRepo.latestInvitationParams(invitations.map((i) => i.id));
    const day = new Date().toISOString().slice(0, 10);
    const dialogueParams = dialogueParamsByLanguage(dialogue);
    const emails: OutgoingEmail[] = [];
    for (const inv of invitations) {
      const previous = latest.get(inv.id)?.params;
      let links: Pick<TemplateParams, 'registerUrl' | 'declineUrl'>;
      if (previous && safeUrl(previous.registerUrl) && safeUrl(previous.declineUrl)) {
        links = { registerUrl: previous.registerUrl, declineUrl: previous.declineUrl };
      } else {
        // No earlier email to take the link from (erased, or never written): a new token replaces the old one.
        const token = newToken();
        await this.repo.setTokenHash(manager, inv.id, hashToken(token));
        links = this.links(inv.dialogueId, token);
      }
      emails.push({
        kind: 'invitation',
        to: inv.email,
        language: inv.preferredLanguage,
        idempotencyKey:
          mode === 'remind' ? `invitation:${inv.id}:remind:${day}` : `invitation:${inv.id}:resend:${randomUUID()}`,
        dialogueId: inv.dialogueId,
        invitationId: inv.id,
        params: {
          ...links,
          ...dialogueParams(inv.preferredLanguage),
          recipientName: inv.name ?? undefined,
          message: inv.message ?? undefined,
          isReminder: mode === 'remind',
        },
      });
    }
    const ids = await this.outbox.write(manager, afterCommit, emails);
    if (mode === 'resend')
      await this.repo.setQueued(
        manager,
        invitations.map((i) => i.id),
      );
    return ids.length;
  }

  private links(dialogueId: string, token: string): Pick<TemplateParams, 'registerUrl' | 'declineUrl'> {
    const base = this.config.publicUrl;
    return {
      registerUrl: `${base}/dialogues/${dialogueId}/register?invitation=${token}`,
      declineUrl: `${base}/api/v1/invitations/decline/${token}`,
    };
  }
}
