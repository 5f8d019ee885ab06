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
    this.hooks.onSent(async (events) => {
      const ids = events.flatMap((e) => (e.kind === 'invitation' && e.invitationId ? [e.invitationId] : []));
      await this.repo.markSent(ids);
    });
    this.hooks.onFailed(async (events) => {
      const failures = events.flatMap((e) =>
        e.kind === 'invitation' && e.invitationId ? [{ id: e.invitationId, error: e.error ?? 'failed' }] : [],
      );
      await this.repo.markFailed(failures);
    });
  }
}
