import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { AppConfig, hashToken, newToken } from '@gfmd/api-platform';
import { MailLinkHooks, type MintedLinks } from '@gfmd/api-mail';
import { StaffLinksRepository } from './staff-links.repository';

/**
 * The set-password links of staff emails (invitation, password reset), made when the email is
 * sent: the worker asks for them through MailLinkHooks (`staff`, keyed by the link row's id),
 * and only the token's hash is stored. Sending again mints a new token and the older one stops
 * working; a link used, expired or of a deactivated account gets no token.
 */
@Injectable()
export class StaffLinks implements OnModuleInit {
  constructor(
    private readonly repo: StaffLinksRepository,
    private readonly config: AppConfig,
    private readonly hooks: MailLinkHooks,
  ) {}

  onModuleInit() {
    this.hooks.onMint('staff', (ids) => this.mint(ids));
  }

  async mint(linkIds: string[]): Promise<Map<string, MintedLinks>> {
    const tokens = linkIds.map((id) => ({ id, token: newToken() }));
    const open = await this.repo.setTokenHashes(tokens.map((t) => ({ id: t.id, tokenHash: hashToken(t.token) })));
    const out = new Map<string, MintedLinks>();
    for (const t of tokens) {
      if (open.has(t.id)) out.set(t.id, { passwordUrl: `${this.config.publicUrl}/set-password?token=${t.token}` });
    }
    return out;
  }
}

/** The staff links' table and minter, without HTTP: for the API's StaffModule and the worker. */
@Module({
  providers: [StaffLinksRepository, StaffLinks],
  exports: [StaffLinksRepository, StaffLinks],
})
export class StaffLinksModule {}
