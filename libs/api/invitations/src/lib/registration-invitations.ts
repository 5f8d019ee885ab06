import { Injectable } from '@nestjs/common';
import { hashToken } from '@gfmd/api-platform';
import type { EntityManager } from 'typeorm';
import { InvitationRef, InvitationsRepository } from './invitations.repository';

/**
 * What the registrations domain may do with invitations — the port through which it reads and
 * writes them, in its own transactions (`manager`). The invitations repository stays the only
 * code with SQL on the `invitations` table.
 */
@Injectable()
export class RegistrationInvitations {
  constructor(private readonly repo: InvitationsRepository) {}

  /** The invitation a personal token opens for a dialogue (any status: the caller decides), or null. */
  forToken(dialogueId: string, token: string): Promise<InvitationRef | null> {
    return this.repo.refByTokenHash(dialogueId, hashToken(token));
  }

  /** The invitations as they are now (read again under the admission lock). */
  byIds(manager: EntityManager | undefined, ids: string[]): Promise<InvitationRef[]> {
    return this.repo.refsByIds(manager, ids);
  }

  byEmail(manager: EntityManager | undefined, emailNormalized: string): Promise<InvitationRef[]> {
    return this.repo.refsByEmail(manager, emailNormalized);
  }

  /** Each invitation was used by its registration. */
  markRegistered(manager: EntityManager, pairs: { invitationId: string; registrationId: string }[]): Promise<void> {
    return this.repo.markRegistered(manager, pairs);
  }

  /** The registration was cancelled: its invitation may be used again. */
  release(manager: EntityManager, invitationId: string, registrationId: string): Promise<void> {
    return this.repo.release(manager, invitationId, registrationId);
  }

  /** Erasure of an address: its invitations are scrubbed and their tokens stop working. */
  scrub(manager: EntityManager, emailNormalized: string): Promise<number> {
    return this.repo.scrubByEmail(manager, emailNormalized);
  }
}
