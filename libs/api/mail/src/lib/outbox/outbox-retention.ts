import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataHooks } from '@gfmd/api-platform';
import { OutboxRepository } from './outbox.repository';

/** Retention: the emails about a dialogue lose their recipients, subjects and parameters (kinds, statuses and dates kept). */
@Injectable()
export class OutboxRetention implements OnModuleInit {
  constructor(
    private readonly hooks: PersonalDataHooks,
    private readonly repo: OutboxRepository,
  ) {}

  onModuleInit() {
    this.hooks.onDialogueErasure('emails', async (dialogueId) => ({
      scrubbed: await this.repo.scrubDialogue(dialogueId),
    }));
  }
}
