import { Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DialoguesModule, DialoguesService } from '@gfmd/api-dialogues';
import { dialogueParamsByLanguage, MailSweepHooks, OutboxService } from '@gfmd/api-mail';
import { AppConfig, inTransaction } from '@gfmd/api-platform';
import { ParticipantDirectory, RegistrationsCoreModule } from '@gfmd/api-registrations';
import { MaintenanceRuns, RetentionModule } from '@gfmd/api-retention';
import { DataSource } from 'typeorm';
import { CertificateNoticesRepository } from './certificate-notices.repository';

const HOUR = 3_600_000;
/** Dialogues that ended within this many days are looked at (a worker down for a while catches up). */
const LOOKBACK_DAYS = 30;

/**
 * Tells the checked-in participants of a dialogue that has ended that their certificate of
 * attendance is on their manage page (email kind `certificate_available`, EN/FR/ES, a manage link
 * minted at send time). On the worker's outbox sweep, at most once an hour across every replica
 * (`maintenance_runs`, through MaintenanceRuns); each person once (`certificate_notices`, claimed
 * in the transaction that writes the email; the outbox's idempotency key as a second guard).
 */
@Injectable()
export class CertificateNotices implements OnModuleInit {
  private readonly logger = new Logger(CertificateNotices.name);

  constructor(
    private readonly config: AppConfig,
    private readonly runs: MaintenanceRuns,
    private readonly dialogues: DialoguesService,
    private readonly participants: ParticipantDirectory,
    private readonly notices: CertificateNoticesRepository,
    private readonly outbox: OutboxService,
    private readonly sweep: MailSweepHooks,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.sweep.onSweep('certificate-notices', () => this.runPeriodic());
  }

  /** The periodic run: 0 when another replica (or an earlier sweep this hour) has run it. */
  async runPeriodic(now = new Date()): Promise<number> {
    if (!(await this.runs.claim('certificate-notices', now, HOUR - 60_000))) return 0;
    return this.run(now);
  }

  /** One pass over the dialogues that ended in the last 30 days; answers how many emails it wrote. */
  async run(now = new Date()): Promise<number> {
    const ended = await this.dialogues.endedBetween(new Date(now.getTime() - LOOKBACK_DAYS * 24 * HOUR), now);
    let written = 0;
    for (const { id } of ended) {
      try {
        written += await this.notify(id);
      } catch (error) {
        // One dialogue must not stop the others; the next run tries again.
        this.logger.warn({ dialogueId: id, err: (error as Error).message }, 'certificate notices failed');
      }
    }
    if (written) this.logger.log({ written }, 'certificate notices written');
    return written;
  }

  private async notify(dialogueId: string): Promise<number> {
    const d = await this.dialogues.findRecord(dialogueId);
    if (d.status === 'cancelled') return 0;
    const people = await this.participants.checkedInIn(dialogueId);
    if (!people.length) return 0;
    const params = dialogueParamsByLanguage(d);
    return inTransaction(this.dataSource, async (_m, afterCommit) => {
      const fresh = new Set(
        await this.notices.claim(
          dialogueId,
          people.map((p) => p.registrationId),
        ),
      );
      const ids = await this.outbox.write(
        afterCommit,
        people
          .filter((p) => fresh.has(p.registrationId))
          .map((p) => ({
            kind: 'certificate_available' as const,
            to: p.email,
            language: p.preferredLanguage,
            idempotencyKey: `certificate_available:${p.registrationId}`,
            registrationId: p.registrationId,
            dialogueId,
            links: 'manage' as const,
            params: {
              recipientName: [p.title, p.firstName, p.lastName].filter(Boolean).join(' '),
              ...params(p.preferredLanguage),
              dialogueUrl: `${this.config.publicUrl}/dialogues/${dialogueId}`,
            },
          })),
      );
      return ids.length;
    });
  }
}

/** The certificate notices job (no routes): imported by the worker only. */
@Module({
  imports: [RegistrationsCoreModule, DialoguesModule, RetentionModule],
  providers: [CertificateNoticesRepository, CertificateNotices],
  exports: [CertificateNotices],
})
export class CertificateNoticesModule {}
