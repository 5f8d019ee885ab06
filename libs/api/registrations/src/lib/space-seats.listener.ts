import { Injectable, OnModuleInit } from '@nestjs/common';
import { SpaceHooks, SpaceUsage } from '@gfmd/api-spaces';
import { SeatLedgerRepository } from './seat-ledger.repository';
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
    private readonly usage: SpaceUsage,
    private readonly ledger: SeatLedgerRepository,
  ) {}

  onModuleInit() {
    this.hooks.onSeatsFreed(async ({ afterCommit, dialogueId, spaceId }) => {
      const notices = new Notices();
      await this.seats.fillSpaces(dialogueId, [spaceId], notices);
      await this.seats.notify(afterCommit, dialogueId, notices);
    });
    // A space with people holding or awaiting seats cannot be deleted: the spaces domain asks here.
    this.usage.register({ activeSeats: (spaceId) => this.ledger.activeSpaceSeats(spaceId) });
  }
}
