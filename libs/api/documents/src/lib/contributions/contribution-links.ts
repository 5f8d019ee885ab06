import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailLinkHooks, type MintedLinks } from '@gfmd/api-mail';
import { AppConfig, hashToken, newToken } from '@gfmd/api-platform';
import { ContributionsRepository } from './contributions.repository';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,128}$/;

/**
 * The address check of a written contribution: a random token minted when its email is sent
 * (the worker asks through MailLinkHooks), only its sha256 stored, usable once. Registered in the
 * worker too (ContributionsCoreModule), since the worker mints it.
 */
@Injectable()
export class ContributionLinks implements OnModuleInit {
  constructor(
    private readonly repo: ContributionsRepository,
    private readonly config: AppConfig,
    private readonly hooks: MailLinkHooks,
  ) {}

  onModuleInit() {
    this.hooks.onMint('contribution', (ids) => this.mint(ids));
  }

  async mint(ids: string[]): Promise<Map<string, MintedLinks>> {
    const tokens = ids.map((id) => ({ id, token: newToken() }));
    const issued = await this.repo.setTokenHashes(tokens.map((t) => ({ id: t.id, hash: hashToken(t.token) })));
    return new Map(
      tokens
        .filter((t) => issued.has(t.id))
        .map((t) => [t.id, { confirmUrl: `${this.config.publicUrl}/contributions/confirm/${t.token}` }]),
    );
  }

  /** The hash a presented token is looked up by, or null when it cannot be one. */
  hashOf(token: string): string | null {
    return TOKEN_SHAPE.test(token) ? hashToken(token) : null;
  }
}
