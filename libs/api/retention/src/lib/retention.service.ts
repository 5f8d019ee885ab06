import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { StaffDirectory } from '@gfmd/api-auth';
import { DialoguesService } from '@gfmd/api-dialogues';
import { MailSweepHooks, OutboxService } from '@gfmd/api-mail';
import { AppConfig, AuditService, inTransaction, PersonalDataHooks } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { RetentionRepository } from './retention.repository';

const DAY = 86_400_000;
/** The organizers are told this many days before the erasure. */
export const WARNING_DAYS = 30;
/** How far back a run looks for dialogues it has not handled yet (a worker down for weeks catches up). */
const LOOKBACK_DAYS = 365;

export interface RetentionRunResult {
  ran: boolean;
  warned: string[];
  erased: string[];
}

/**
 * Erases the personal data of a dialogue's people RETENTION_DAYS after it ended (docs/operations.md,
 * "Retention"): every domain that holds some erases it through PersonalDataHooks in one
 * transaction per dialogue, and the counts by group, country, status and space are kept in
 * `dialogue_retention`. Thirty days before, the dialogue's creator and the admins are emailed.
 * Runs on the worker's outbox sweep, at most once a day across every replica (`maintenance_runs`).
 */
@Injectable()
export class RetentionService implements OnModuleInit {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly repo: RetentionRepository,
    private readonly dialogues: DialoguesService,
    private readonly hooks: PersonalDataHooks,
    private readonly staff: StaffDirectory,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly sweep: MailSweepHooks,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.sweep.onSweep('retention', async () => {
      const result = await this.runDaily();
      return result.warned.length;
    });
  }

  /** The daily run: nothing when another replica (or an earlier sweep today) has run it. */
  async runDaily(now = new Date()): Promise<RetentionRunResult> {
    const claimed = await inTransaction(this.dataSource, () => this.repo.claimRun('retention', now, DAY - 60_000));
    if (!claimed) return { ran: false, warned: [], erased: [] };
    return this.run(now);
  }

  /** One pass: warns the dialogues entering the warning window, erases those past the period. */
  async run(now = new Date()): Promise<RetentionRunResult> {
    const days = this.config.retentionDays;
    const eraseBefore = new Date(now.getTime() - days * DAY);
    const warnBefore = new Date(eraseBefore.getTime() + WARNING_DAYS * DAY);
    const candidates = await this.dialogues.endedBetween(
      new Date(eraseBefore.getTime() - LOOKBACK_DAYS * DAY),
      warnBefore,
    );
    const states = await this.repo.states(candidates.map((d) => d.id));
    const warned: string[] = [];
    const erased: string[] = [];
    for (const d of candidates) {
      const state = states.get(d.id);
      if (state?.erasedAt) continue;
      try {
        if (d.endsAt < eraseBefore) {
          if (await this.erase(d.id, now)) erased.push(d.id);
        } else if (!state?.warnedAt) {
          await this.warn(d, now);
          warned.push(d.id);
        }
      } catch (error) {
        // One dialogue must not stop the others; the next day's run tries again.
        this.logger.warn({ dialogueId: d.id, err: (error as Error).message }, 'retention step failed');
      }
    }
    if (warned.length || erased.length) {
      this.logger.log({ warned: warned.length, erased: erased.length, retentionDays: days }, 'retention run');
    }
    return { ran: true, warned, erased };
  }

  private async erase(dialogueId: string, now: Date): Promise<boolean> {
    return inTransaction(this.dataSource, async () => {
      const kept = await this.hooks.eraseDialogue(dialogueId);
      if (!(await this.repo.markErased(dialogueId, now, kept))) return false;
      const numbers: Record<string, number> = {};
      for (const [domain, result] of Object.entries(kept)) {
        for (const [key, value] of Object.entries(result)) {
          if (typeof value === 'number') numbers[`${domain}.${key}`] = value;
        }
      }
      await this.audit.record({
        actorUserId: null,
        action: 'dialogue.personal_data_erased',
        entityType: 'dialogue',
        entityId: dialogueId,
        dialogueId,
        details: { retentionDays: this.config.retentionDays, ...numbers },
      });
      return true;
    });
  }

  private async warn(d: { id: string; title: string; createdById: string | null }, now: Date): Promise<void> {
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const contacts = await this.staff.contacts(d.createdById ? [d.createdById] : [], ['admin']);
      await this.outbox.write(
        afterCommit,
        contacts.map((c) => ({
          kind: 'retention_notice' as const,
          to: c.email,
          language: c.language,
          idempotencyKey: `retention-notice:${d.id}:${c.id}`,
          params: { recipientName: c.name, dialogueTitle: d.title, daysBefore: WARNING_DAYS },
          dialogueId: d.id,
        })),
      );
      await this.repo.markWarned(d.id, now);
    });
  }
}
