import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig, hashToken, newToken } from '@gfmd/api-platform';
import { MailLinkHooks, type MintedLinks } from '@gfmd/api-mail';
import { ManageTokensRepository } from './manage-tokens.repository';
import type { RegistrationRow } from './registration.rows';

/** A manage token is URL-safe base64 (43 characters today); anything else names no registration. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,128}$/;

/**
 * Manage links: the one place that makes and resolves them (the registration routes and the
 * personal agenda both resolve through here). A link's token is random, stored only as a sha256
 * hash (`registration_manage_tokens`; registrations older than minting at send time also have a
 * first one in `registrations.manage_token_hash`), and made when its email is sent: the worker
 * asks for it through MailLinkHooks, so no token is ever at rest in clear. Every token of a
 * registration works until its links are revoked (cancelled through the link, erased).
 */
@Injectable()
export class ManageLinks implements OnModuleInit {
  constructor(
    private readonly tokens: ManageTokensRepository,
    private readonly config: AppConfig,
    private readonly hooks: MailLinkHooks,
  ) {}

  onModuleInit() {
    this.hooks.onMint('manage', (ids) => this.mint(ids));
  }

  url(token: string): string {
    return `${this.config.publicUrl}/manage/${token}`;
  }

  /** The registration a manage token opens, or null (malformed, unknown, revoked, erased). */
  async resolve(token: string): Promise<RegistrationRow | null> {
    return TOKEN_SHAPE.test(token) ? this.tokens.registrationOf(hashToken(token)) : null;
  }

  /**
   * A fresh link for each registration whose links may still be given (active, not revoked, not
   * erased), in the caller's transaction (one statement; the current one of the async context); the
   * others get none.
   */
  async mint(registrationIds: string[]): Promise<Map<string, MintedLinks>> {
    const tokens = registrationIds.map((registrationId) => ({ registrationId, token: newToken() }));
    const issued = await this.tokens.add(
      tokens.map((t) => ({ registrationId: t.registrationId, tokenHash: hashToken(t.token) })),
    );
    return new Map(
      tokens
        .filter((t) => issued.has(t.registrationId))
        .map((t) => [
          t.registrationId,
          {
            manageUrl: this.url(t.token),
            // Registrants' documents listed in the email open through the same token (no sign-in).
            manageDocumentsUrl: `${this.config.publicUrl}/api/v1/registrations/manage/${t.token}/documents`,
          },
        ]),
    );
  }
}
