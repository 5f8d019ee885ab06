import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataHooks } from '@gfmd/api-platform';
import { InvitationsRepository } from './invitations.repository';

/** Retention: a dialogue's invitations lose their addresses, names and messages (statuses kept). */
@Injectable()
export class InvitationsRetention implements OnModuleInit {
  constructor(
    private readonly hooks: PersonalDataHooks,
    private readonly repo: InvitationsRepository,
  ) {}

  onModuleInit() {
    this.hooks.onDialogueErasure('invitations', async (dialogueId) => ({
      scrubbed: await this.repo.scrubDialogue(dialogueId),
    }));
  }
}
