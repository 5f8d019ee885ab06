import { Injectable, OnModuleInit } from '@nestjs/common';
import { SpaceHooks } from '@gfmd/api-spaces';
import { RegistrationsService } from './registrations.service';

/** When a space gains seats, the first waiting people that fit are promoted in the same transaction. */
@Injectable()
export class SpaceSeatsListener implements OnModuleInit {
  constructor(
    private readonly hooks: SpaceHooks,
    private readonly registrations: RegistrationsService,
  ) {}

  onModuleInit() {
    this.hooks.onSeatsFreed(({ manager, afterCommit, dialogueId, spaceId }) =>
      this.registrations.fillSpace(manager, afterCommit, dialogueId, spaceId),
    );
  }
}
