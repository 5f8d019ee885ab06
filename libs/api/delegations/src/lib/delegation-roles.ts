import { Injectable } from '@nestjs/common';
import type { DelegateRole } from '@gfmd/contracts';
import { DelegationsRepository } from './delegations.repository';

/** A registration's place in a delegation, as a badge prints it. */
export interface DelegationMembership {
  role: DelegateRole;
  delegation: string;
}

/**
 * The port through which other domains (the badges of libs/api/check-in) read who is head of
 * delegation, delegate or adviser; `delegation_members` stays the delegations domain's table.
 */
@Injectable()
export class DelegationRoles {
  constructor(private readonly repo: DelegationsRepository) {}

  async of(registrationIds: string[]): Promise<Map<string, DelegationMembership>> {
    const rows = await this.repo.membershipsOf(registrationIds);
    return new Map(rows.map((r) => [r.id, { role: r.role, delegation: r.delegation }]));
  }
}
