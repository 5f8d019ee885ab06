import { Injectable } from '@nestjs/common';
import { hashToken } from '@gfmd/api-platform';
import { InvitationRef, InvitationsRepository } from './invitations.repository';

/**
 * What the registrations domain may do with invitations — the port through which it reads and
 * writes them, in its own transactions (the current one of the async context). The invitations repository stays the only
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
  byIds(ids: string[]): Promise<InvitationRef[]> {
    return this.repo.refsByIds(ids);
  }

  byEmail(emailNormalized: string): Promise<InvitationRef[]> {
    return this.repo.refsByEmail(emailNormalized);
  }

  /** Each invitation was used by its registration. */
  markRegistered(pairs: { invitationId: string; registrationId: string }[]): Promise<void> {
    return this.repo.markRegistered(pairs);
  }

  /** The registration was cancelled: its invitation may be used again. */
  release(invitationId: string, registrationId: string): Promise<void> {
    return this.repo.release(invitationId, registrationId);
  }

  /** Erasure of an address: its invitations are scrubbed and their tokens stop working. */
  scrub(emailNormalized: string): Promise<number> {
    return this.repo.scrubByEmail(emailNormalized);
  }
}
