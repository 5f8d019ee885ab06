import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig, hashToken, newToken } from '@gfmd/api-platform';
import { MailLinkHooks, type MintedLinks } from '@gfmd/api-mail';
import { DelegationRow, DelegationsRepository } from './delegations.repository';

/** A focal point's token is URL-safe base64; anything else names no delegation. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,128}$/;

/**
 * A focal point's private link to their delegation (PUBLIC_URL/delegations/<token>): made when
 * its email is sent (the worker asks through MailLinkHooks), stored only as a sha256 hash. Every
 * link of the current focal point works; naming another focal point (or erasing the address)
 * ends them all.
 */
@Injectable()
export class DelegationLinks implements OnModuleInit {
  constructor(
    private readonly repo: DelegationsRepository,
    private readonly config: AppConfig,
    private readonly hooks: MailLinkHooks,
  ) {}

  onModuleInit() {
    this.hooks.onMint('delegation', (ids) => this.mint(ids));
  }

  async resolve(token: string): Promise<DelegationRow | null> {
    return TOKEN_SHAPE.test(token) ? this.repo.byTokenHash(hashToken(token)) : null;
  }

  async mint(delegationIds: string[]): Promise<Map<string, MintedLinks>> {
    const tokens = delegationIds.map((delegationId) => ({ delegationId, token: newToken() }));
    const issued = await this.repo.addTokens(
      tokens.map((t) => ({ delegationId: t.delegationId, tokenHash: hashToken(t.token) })),
    );
    return new Map(
      tokens
        .filter((t) => issued.has(t.delegationId))
        .map((t) => [t.delegationId, { delegationUrl: `${this.config.publicUrl}/delegations/${t.token}` }]),
    );
  }
}
