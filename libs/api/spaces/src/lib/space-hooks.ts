import { Injectable } from '@nestjs/common';
import type { AfterCommit } from '@gfmd/api-platform';

export interface SpaceSeatsFreed {
  dialogueId: string;
  spaceId: string;
  afterCommit: AfterCommit;
}

/**
 * Lets the registrations domain react, inside the same transaction (the current one of the async
 * context) and under the same locks, when a space gains seats (capacity raised or lifted), so the
 * first waiting people are promoted — without the spaces domain depending on registrations.
 */
@Injectable()
export class SpaceHooks {
  private readonly listeners: ((event: SpaceSeatsFreed) => Promise<void>)[] = [];
  onSeatsFreed(listener: (event: SpaceSeatsFreed) => Promise<void>) {
    this.listeners.push(listener);
  }
  async emit(event: SpaceSeatsFreed) {
    for (const listener of this.listeners) await listener(event);
  }
}
