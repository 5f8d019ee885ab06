import { Injectable, OnModuleInit } from '@nestjs/common';
import { SpaceHooks } from '@gfmd/api-spaces';
import { Notices, SeatKeeper } from './seat-keeper.service';

/**
 * When a space gains seats (capacity raised, access relaxed), the first waiting people that fit
 * are promoted in the same transaction, with `promoted` emails. The spaces domain calls after
 * locking the dialogue row and then the space row (the lock order used everywhere), inside its
 * transaction, which is the current one of the async context.
 */
@Injectable()
export class SpaceSeatsListener implements OnModuleInit {
  constructor(
    private readonly hooks: SpaceHooks,
    private readonly seats: SeatKeeper,
  ) {}

  onModuleInit() {
    this.hooks.onSeatsFreed(async ({ afterCommit, dialogueId, spaceId }) => {
      const notices = new Notices();
      await this.seats.fillSpaces(dialogueId, [spaceId], notices);
      await this.seats.notify(afterCommit, dialogueId, notices);
    });
  }
}
