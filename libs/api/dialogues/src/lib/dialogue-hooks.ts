import { Injectable } from '@nestjs/common';
import type { AfterCommit } from '@gfmd/api-platform';
import type { DialogueRecord } from './dialogues.repository';

export interface DialogueChange {
  before: DialogueRecord;
  after: DialogueRecord;
  afterCommit: AfterCommit;
}

/**
 * Lets later domains react inside the same transaction (the current one of the async context) when a dialogue changes (capacity or
 * quotas raised → promote waiting people; cancelled → tell registrants; moved → reschedule
 * reminders) without the dialogues domain depending on them.
 */
@Injectable()
export class DialogueHooks {
  private readonly listeners: ((change: DialogueChange) => Promise<void>)[] = [];
  onChange(listener: (change: DialogueChange) => Promise<void>) {
    this.listeners.push(listener);
  }
  async emit(change: DialogueChange) {
    for (const listener of this.listeners) await listener(change);
  }
}
