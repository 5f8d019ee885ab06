import { Injectable } from '@nestjs/common';
import { AppConfig, hashToken, newToken } from '@gfmd/api-platform';
import type { EntityManager } from 'typeorm';
import { RegistrationsRepository } from './registrations.repository';

/**
 * Manage links for emails sent after the first one: a further random token per email, stored
 * only as a hash, working until the registration ends (cancel, decline, erasure).
 */
@Injectable()
export class ManageLinks {
  constructor(
    private readonly repo: RegistrationsRepository,
    private readonly config: AppConfig,
  ) {}

  url(token: string): string {
    return `${this.config.publicUrl}/manage/${token}`;
  }

  /** A new token for each active registration (in one statement); ended registrations get none. */
  async issueMany(m: EntityManager, registrationIds: string[]): Promise<Map<string, string>> {
    const tokens = registrationIds.map((registrationId) => ({ registrationId, token: newToken() }));
    const issued = await this.repo.addManageTokens(
      m,
      tokens.map((t) => ({ registrationId: t.registrationId, tokenHash: hashToken(t.token) })),
    );
    return new Map(tokens.filter((t) => issued.has(t.registrationId)).map((t) => [t.registrationId, t.token]));
  }

  /** A new token for an active registration, in the caller's transaction; null when it has ended. */
  async issue(m: EntityManager, registrationId: string): Promise<string | null> {
    const token = newToken();
    return (await this.repo.addManageToken(m, registrationId, hashToken(token))) ? token : null;
  }
}
