import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataHooks } from '@gfmd/api-platform';
import { ManageTokensRepository } from './manage-tokens.repository';
import { RegistrationReadsRepository } from './registration-reads.repository';
import { RegistrationsRepository } from './registrations.repository';

/**
 * Retention: a dialogue's registrations are anonymised as a person's erasure does it (names,
 * address, organization, country, needs; manage links revoked and their tokens deleted), after
 * their counts are taken. The dialogue has ended long ago, so no seat moves and nobody is emailed.
 */
@Injectable()
export class RegistrationsRetention implements OnModuleInit {
  constructor(
    private readonly hooks: PersonalDataHooks,
    private readonly reads: RegistrationReadsRepository,
    private readonly writes: RegistrationsRepository,
    private readonly tokens: ManageTokensRepository,
  ) {}

  onModuleInit() {
    this.hooks.onDialogueErasure('registrations', async (dialogueId) => {
      const { ids, counts } = await this.reads.retentionCounts(dialogueId);
      await this.writes.anonymise(ids);
      await this.tokens.deleteFor(ids);
      return { erased: ids.length, counts };
    });
  }
}
