import { Injectable, Logger } from '@nestjs/common';

/** Writes the emails that have come due (through OutboxService); returns how many it wrote. */
type Producer = () => Promise<number>;

/**
 * Lets other domains write emails that come due with time — the reminders of dialogues that
 * come within REMINDER_DAYS_BEFORE days — on the outbox sweep's clock (one run per sweep slot
 * across every worker replica), without the mail domain depending on them. A producer that
 * fails is logged and tried again at the next sweep; it never stops the sweep.
 */
@Injectable()
export class MailSweepHooks {
  private readonly logger = new Logger(MailSweepHooks.name);
  private readonly producers: { name: string; produce: Producer }[] = [];

  onSweep(name: string, produce: Producer) {
    this.producers.push({ name, produce });
  }

  /** Runs every producer, one after the other; returns what each wrote. */
  async run(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const { name, produce } of this.producers) {
      try {
        out[name] = await produce();
      } catch (error) {
        this.logger.warn(
          { producer: name, err: (error as Error).message },
          'scheduled mail producer failed; next sweep tries again',
        );
        out[name] = 0;
      }
    }
    return out;
  }
}
