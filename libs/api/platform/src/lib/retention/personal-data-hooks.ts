import { Injectable } from '@nestjs/common';

/** Erases the personal data a domain holds about one dialogue; returns what it kept or did (counts, no personal data). */
export type DialogueEraser = (dialogueId: string) => Promise<Record<string, unknown>>;

/**
 * Lets every domain that holds personal data about a dialogue's people (registrations,
 * invitations, the outbox, contributions, delegations…) erase it when the retention period
 * ends, without the retention job depending on them. Erasers run one after the other in the
 * caller's transaction, in the order they were registered.
 */
@Injectable()
export class PersonalDataHooks {
  private readonly erasers: { name: string; erase: DialogueEraser }[] = [];

  onDialogueErasure(name: string, erase: DialogueEraser) {
    if (this.erasers.some((e) => e.name === name)) return;
    this.erasers.push({ name, erase });
  }

  /** The registered domains, in order (for tests and docs). */
  get names(): string[] {
    return this.erasers.map((e) => e.name);
  }

  async eraseDialogue(dialogueId: string): Promise<Record<string, Record<string, unknown>>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const { name, erase } of this.erasers) out[name] = await erase(dialogueId);
    return out;
  }
}
