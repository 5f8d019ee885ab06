import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataHooks } from '@gfmd/api-platform';
import { DelegationsRepository } from './delegations.repository';

/**
 * Retention: a dialogue's focal point addresses are erased and their links end (the delegations,
 * their names, groups and seats stay; the delegates are registrations, erased by that domain).
 */
@Injectable()
export class DelegationsRetention implements OnModuleInit {
  constructor(
    private readonly hooks: PersonalDataHooks,
    private readonly repo: DelegationsRepository,
  ) {}

  onModuleInit() {
    this.hooks.onDialogueErasure('delegations', async (dialogueId) => ({
      focalPoints: await this.repo.eraseFocalPointsOf(dialogueId),
    }));
  }
}
