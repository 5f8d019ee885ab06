import { Injectable, OnModuleInit } from '@nestjs/common';
import { MailDeliveryHooks } from '@gfmd/api-mail';
import { InvitationsRepository } from './invitations.repository';

/** Invitation status follows the delivery of its email: queued → sent, or failed with the reason. */
@Injectable()
export class InvitationDeliveryListener implements OnModuleInit {
  constructor(
    private readonly hooks: MailDeliveryHooks,
    private readonly repo: InvitationsRepository,
  ) {}

  onModuleInit() {
    this.hooks.onSent(async ({ kind, invitationId, manager }) => {
      if (kind === 'invitation' && invitationId) await this.repo.markSent(manager, invitationId);
    });
    this.hooks.onFailed(async ({ kind, invitationId, manager, error }) => {
      if (kind === 'invitation' && invitationId) await this.repo.markFailed(manager, invitationId, error ?? 'failed');
    });
  }
}
