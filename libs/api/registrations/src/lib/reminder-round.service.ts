import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, inTransaction } from '@gfmd/api-platform';
import { MailSweepHooks, OutboxService } from '@gfmd/api-mail';
import { DataSource } from 'typeorm';
import { RegistrationMailer } from './registration-mailer';
import { RegistrationReadsRepository } from './registration-reads.repository';
import { ReminderRoundsRepository } from './reminder-rounds.repository';
import { SeatLedgerRepository } from './seat-ledger.repository';

const DAY = 86_400_000;
/** Reminders written per transaction. */
const CHUNK = 1000;
/** Dialogues looked at per sweep. */
const DIALOGUES_PER_SWEEP = 20;

/** The idempotency key of a registration's reminder: one per registration, ever. */
export const reminderKey = (registrationId: string) => `reminder:${registrationId}`;

/**
 * Reminders to confirmed participants REMINDER_DAYS_BEFORE days before their dialogue.
 * Nothing is written when people register: on the outbox sweep's clock (in the worker, one run
 * per sweep slot across replicas), each published dialogue that has come within the window gets
 * one round for its start time, which writes a reminder for everyone confirmed at that moment
 * whose address is confirmed (docs/decisions.md, "Sending limits")
 * — with a manage link of their own and their spaces as they are then — through the outbox.
 *
 * So a restart or a Redis loss changes nothing (the rounds done are rows in PostgreSQL), a
 * moved dialogue is reminded for its new date (a round per start time), a cancelled dialogue
 * or registration is not reminded at all, and each participant gets at most one reminder (the
 * key is per registration). Someone confirmed after their dialogue's round has just had their
 * confirmation and gets no reminder. REMINDER_DAYS_BEFORE=0 turns reminders off.
 */
@Injectable()
export class ReminderRound implements OnModuleInit {
  private readonly logger = new Logger(ReminderRound.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: ReminderRoundsRepository,
    private readonly reads: RegistrationReadsRepository,
    private readonly ledger: SeatLedgerRepository,
    private readonly outbox: OutboxService,
    private readonly mailer: RegistrationMailer,
    private readonly config: AppConfig,
    private readonly sweep: MailSweepHooks,
  ) {}

  onModuleInit() {
    this.sweep.onSweep('reminders', () => this.run());
  }

  /**
   * A dialogue shifted by `byMs` (inside the caller's transaction): its round done for the old
   * start is recorded for the new one, and reminders written but not yet sent move with it.
   */
  async followShift(
    dialogueId: string,
    oldStartsAt: Date,
    byMs: number,
  ): Promise<{ rounds: number; reminders: number }> {
    const rounds = await this.rounds.shift(dialogueId, oldStartsAt, new Date(oldStartsAt.getTime() + byMs));
    const reminders = await this.outbox.shiftUnsent('reminder', dialogueId, byMs);
    return { rounds, reminders };
  }

  /** Runs the rounds that are due; returns how many reminders were written. */
  async run(): Promise<number> {
    const days = this.config.reminderDaysBefore;
    if (days <= 0) return 0;
    let written = 0;
    for (const due of await this.rounds.dialoguesDue(days, DIALOGUES_PER_SWEEP)) {
      const n = await this.remind(due.id, due.startsAt);
      if (n) this.logger.log({ dialogueId: due.id, reminders: n }, 'reminder round done');
      written += n;
    }
    return written;
  }

  /**
   * One dialogue's round, CHUNK participants per transaction in arrival order; recorded as done
   * with the last one. Someone with a reminder already (an earlier, interrupted run) is skipped.
   */
  async remind(dialogueId: string, startsAt: Date): Promise<number> {
    let total = 0;
    let cursor = '0';
    for (;;) {
      const step = await inTransaction(this.dataSource, async (_m, afterCommit) => {
        const d = await this.ledger.dialogue(dialogueId);
        // Moved or cancelled since it was found due: the next sweep sees it as it is now.
        if (
          !d ||
          d.startsAt.getTime() !== startsAt.getTime() ||
          !['published', 'registration_closed'].includes(d.status)
        ) {
          return null;
        }
        const people = await this.rounds.confirmedAfter(dialogueId, cursor, CHUNK);
        const reminded = await this.outbox.existingKeys(people.map((p) => reminderKey(p.id)));
        const due = people.filter((p) => !reminded.has(reminderKey(p.id)));
        if (due.length) {
          const spaces = await this.reads.spacesOf(due.map((p) => p.id));
          const daysBefore = Math.max(1, Math.round((d.startsAt.getTime() - Date.now()) / DAY));
          await this.mailer.write(
            afterCommit,
            d,
            due.map((p) => ({
              kind: 'reminder',
              idempotencyKey: reminderKey(p.id),
              recipient: p,
              spaces: spaces.get(p.id)?.map((s) => ({ name: s.name, status: s.status, translations: s.translations })),
              daysBefore,
            })),
          );
        }
        if (people.length < CHUNK) await this.rounds.record(dialogueId, startsAt, total + due.length);
        return { seen: people.length, written: due.length, last: people.at(-1)?.arrival ?? cursor };
      });
      if (step === null) return total;
      total += step.written;
      if (step.seen < CHUNK) return total;
      cursor = step.last;
    }
  }
}
