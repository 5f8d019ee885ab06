import { Injectable } from '@nestjs/common';

/** What a domain holds about an email address, for the person's export and erasure. */
export interface PersonalDataContributor {
  /** The key of its part in the export and in the erasure's counts (e.g. `synthesisSubscriptions`). */
  key: string;
  /** Everything held about the (normalized) address. */
  exportFor(email: string): Promise<unknown>;
  /** Erases it in the caller's transaction (the current one of the async context); answers how many records. */
  erase(email: string): Promise<number>;
}

/**
 * Lets later domains add their personal data to GET /participants/export and DELETE /participants
 * (registrations owns those routes) without registrations depending on them.
 */
@Injectable()
export class PersonalDataHooks {
  private readonly contributors: PersonalDataContributor[] = [];

  register(contributor: PersonalDataContributor) {
    this.contributors.push(contributor);
  }

  async exportFor(email: string): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const c of this.contributors) out[c.key] = await c.exportFor(email);
    return out;
  }

  async erase(email: string): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const c of this.contributors) out[c.key] = await c.erase(email);
    return out;
  }
}
