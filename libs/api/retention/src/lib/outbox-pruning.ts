import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { MailSweepHooks, OutboxService } from '@gfmd/api-mail';
import { AppConfig } from '@gfmd/api-platform';
import { MaintenanceRuns } from './maintenance-runs';

const HOUR = 3_600_000;

/**
 * Retention of sent emails (docs/operations.md, "Outbox retention"): on the worker's outbox
 * sweep, at most once an hour across every replica (`maintenance_runs`, name `outbox-retention`),
 * deletes the rows sent more than OUTBOX_SENT_RETENTION_DAYS ago, in batches (at most 100,000 a
 * run, so a backlog drains over a few hours without holding the sweep). Unsent, failed and
 * cancelled rows stay. 0 days: nothing is deleted.
 */
@Injectable()
export class OutboxPruning implements OnModuleInit {
  private readonly logger = new Logger(OutboxPruning.name);

  constructor(
    private readonly config: AppConfig,
    private readonly runs: MaintenanceRuns,
    private readonly outbox: OutboxService,
    private readonly sweep: MailSweepHooks,
  ) {}

  onModuleInit() {
    this.sweep.onSweep('outbox-retention', () => this.runPeriodic());
  }

  /** The periodic run: 0 when disabled, or when another replica (or an earlier sweep this hour) has run it. */
  async runPeriodic(now = new Date()): Promise<number> {
    const days = this.config.outboxSentRetentionDays;
    if (!days) return 0;
    if (!(await this.runs.claim('outbox-retention', now, HOUR - 60_000))) return 0;
    const deleted = await this.outbox.pruneSent(now, days);
    if (deleted) this.logger.log({ deleted, days }, 'sent emails past retention deleted');
    return deleted;
  }
}
