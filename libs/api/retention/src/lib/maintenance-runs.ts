import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { RetentionRepository } from './retention.repository';

/**
 * The port other domains' periodic jobs use to run at most once per period across every worker
 * replica (`maintenance_runs`, owned by RetentionRepository): e.g. the certificate notices.
 */
@Injectable()
export class MaintenanceRuns {
  constructor(
    private readonly repo: RetentionRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** True for exactly one caller per `everyMs` under `name`. */
  claim(name: string, now: Date, everyMs: number): Promise<boolean> {
    return inTransaction(this.dataSource, () => this.repo.claimRun(name, now, everyMs));
  }
}
