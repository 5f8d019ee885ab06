import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig, hashToken, newToken } from '@gfmd/api-platform';
import { MailLinkHooks, type MintedLinks } from '@gfmd/api-mail';
import { InvitationsRepository } from './invitations.repository';

/**
 * The links of an invitation email (register, decline), made when the email is sent: the worker
 * asks for them through MailLinkHooks, and only the token's hash is stored (`invitation_tokens`).
 * Every email of an invitation (first, resend, reminder) has a token of its own, and every one of
 * them works until the invitation is used, declined or erased, so an older email's link still
 * opens the invitation after a reminder.
 */
@Injectable()
export class InvitationLinks implements OnModuleInit {
  constructor(
    private readonly repo: InvitationsRepository,
    private readonly config: AppConfig,
    private readonly hooks: MailLinkHooks,
  ) {}

  onModuleInit() {
    this.hooks.onMint('invitation', (ids) => this.mint(ids));
  }

  /** Fresh links for invitations still open (queued, sent or failed), in the caller's transaction; the others get none. */
  async mint(invitationIds: string[]): Promise<Map<string, MintedLinks>> {
    const tokens = invitationIds.map((invitationId) => ({ invitationId, token: newToken() }));
    const open = await this.repo.addTokens(
      tokens.map((t) => ({ invitationId: t.invitationId, tokenHash: hashToken(t.token) })),
    );
    const out = new Map<string, MintedLinks>();
    for (const t of tokens) {
      const dialogueId = open.get(t.invitationId);
      if (dialogueId) out.set(t.invitationId, this.links(dialogueId, t.token));
    }
    return out;
  }

  private links(dialogueId: string, token: string): MintedLinks {
    const base = this.config.publicUrl;
    return {
      registerUrl: `${base}/dialogues/${dialogueId}/register?invitation=${token}`,
      // The email's link opens the web app's page (it asks before declining); mail clients'
      // "unsubscribe" (List-Unsubscribe, RFC 8058 one-click) posts to the API directly.
      declineUrl: `${base}/invitations/decline/${token}`,
      unsubscribeUrl: `${base}/api/v1/invitations/decline/${token}`,
    };
  }
}
