import { Injectable, OnModuleInit } from '@nestjs/common';
import { withManager } from '@gfmd/api-platform';
import { SpaceHooks } from '@gfmd/api-spaces';
import { Notices, SeatKeeper } from './seat-keeper.service';

/**
 * When a space gains seats (capacity raised, access relaxed), the first waiting people that fit
 * are promoted in the same transaction, with `promoted` emails. The spaces domain calls after
 * locking the dialogue row and then the space row (the lock order used everywhere), and hands
 * its transaction over explicitly: it is made the current one.
 */
@Injectable()
export class SpaceSeatsListener implements OnModuleInit {
  constructor(
    private readonly hooks: SpaceHooks,
    private readonly seats: SeatKeeper,
  ) {}

  onModuleInit() {
    this.hooks.onSeatsFreed(({ manager, afterCommit, dialogueId, spaceId }) =>
      withManager(manager, async () => {
        const notices = new Notices();
        await this.seats.fillSpaces(dialogueId, [spaceId], notices);
        await this.seats.notify(afterCommit, dialogueId, notices);
      }),
    );
  }
}
