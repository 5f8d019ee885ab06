import { Injectable } from '@nestjs/common';
import type { AfterCommit } from '@gfmd/api-platform';
import type { ReaderLanguage } from '@gfmd/contracts';
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

  private readonly translationChecks: ((dialogue: DialogueRecord) => Promise<ReaderLanguage[]>)[] = [];
  /** Lets the domains inside a dialogue (spaces, agenda) say which listed languages their content lacks. */
  onMissingTranslations(check: (dialogue: DialogueRecord) => Promise<ReaderLanguage[]>) {
    this.translationChecks.push(check);
  }
  /** The listed languages that some content inside the dialogue lacks (publishing warns about them). */
  async missingTranslations(dialogue: DialogueRecord): Promise<ReaderLanguage[]> {
    const out = new Set<ReaderLanguage>();
    for (const check of this.translationChecks) for (const l of await check(dialogue)) out.add(l);
    return [...out];
  }
}
