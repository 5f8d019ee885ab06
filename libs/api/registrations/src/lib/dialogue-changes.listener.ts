import { Injectable, OnModuleInit } from '@nestjs/common';
import { DialogueChange, DialogueHooks } from '@gfmd/api-dialogues';
import { RegistrationReadsRepository } from './registration-reads.repository';
import { RegistrationsRepository } from './registrations.repository';
import { Notices, SeatKeeper } from './seat-keeper.service';
import { SeatLedgerRepository } from './seat-ledger.repository';

/**
 * Reacts to dialogue changes inside the dialogue's transaction, under its lock: a cancelled
 * dialogue cancels every active registration (with emails); a published one, a raised capacity
 * or changed quotas fill seats from the waiting list.
 */
@Injectable()
export class DialogueChangesListener implements OnModuleInit {
  constructor(
    private readonly hooks: DialogueHooks,
    private readonly reads: RegistrationReadsRepository,
    private readonly writes: RegistrationsRepository,
    private readonly ledger: SeatLedgerRepository,
    private readonly seats: SeatKeeper,
  ) {}

  onModuleInit() {
    // The dialogues domain hands its transaction over explicitly: make it the current one.
    this.hooks.onChange((change) => this.onChange(change));
  }

  private async onChange({ before, after, afterCommit }: DialogueChange): Promise<void> {
    const notices = new Notices();
    if (after.status === 'cancelled' && before.status !== 'cancelled') {
      const active = await this.reads.activeInDialogue(after.id);
      await this.writes.cancelAllInDialogue(after.id);
      await this.ledger.setDialogueCountsToZero(after.id);
      notices.reason = 'dialogue_cancelled';
      for (const r of active) notices.forRegistration(r.id, 'cancelled');
    } else if (
      after.capacity > before.capacity ||
      (after.onlineCapacity ?? Infinity) > (before.onlineCapacity ?? Infinity) ||
      after.format !== before.format ||
      JSON.stringify(after.stakeholderQuotas ?? null) !== JSON.stringify(before.stakeholderQuotas ?? null) ||
      (after.status === 'published' && before.status !== 'published')
    ) {
      await this.seats.fillDialogue(after.id, notices);
    }
    await this.seats.notify(afterCommit, after.id, notices);
  }
}
