import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { currentManager } from '@gfmd/api-platform';
import type { FieldTranslations } from '@gfmd/contracts';
import { DataSource } from 'typeorm';
import { MilestoneEntity, PhaseEntity, ProcessEntity } from './process.entity';

export type ProcessRecord = ProcessEntity;
export type PhaseRecord = PhaseEntity;
export type MilestoneRecord = MilestoneEntity;

/** The slug of the process today's data (the GCM sessions of 2017) was migrated into. */
export const GCM_PROCESS_SLUG = 'gcm-2017-2018';

/** The only place that queries processes, phases and milestones. */
@Injectable()
export class ProcessesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get m() {
    return currentManager(this.dataSource);
  }

  list(): Promise<ProcessRecord[]> {
    return this.m.getRepository(ProcessEntity).find({ order: { startsAt: 'ASC', slug: 'ASC' } });
  }
  find(id: string): Promise<ProcessRecord | null> {
    return this.m.getRepository(ProcessEntity).findOne({ where: { id } });
  }
  /** Locks the process row for the rest of the caller's transaction (phases and milestones are checked against it). */
  lock(id: string): Promise<ProcessRecord | null> {
    return this.m.getRepository(ProcessEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }
  /**
   * Seeded translations of a process, its phases (by kind) and milestones (by kind), written only
   * where a row has none yet, so that translations edited since are kept.
   */
  async seedTranslations(
    processId: string,
    process: FieldTranslations,
    phases: Partial<Record<string, FieldTranslations>>,
    milestones: Partial<Record<string, FieldTranslations>>,
  ): Promise<void> {
    await this.m.query(`UPDATE processes SET translations = $2::jsonb WHERE id = $1 AND translations = '{}'::jsonb`, [
      processId,
      JSON.stringify(process),
    ]);
    for (const table of ['phases', 'milestones'] as const) {
      await this.m.query(
        `UPDATE ${table} SET translations = $2::jsonb -> kind
          WHERE process_id = $1 AND translations = '{}'::jsonb AND $2::jsonb ? kind`,
        [processId, JSON.stringify(table === 'phases' ? phases : milestones)],
      );
    }
  }
  findBySlug(slug: string): Promise<ProcessRecord | null> {
    return this.m.getRepository(ProcessEntity).findOne({ where: { slug } });
  }
  findByCode(code: string): Promise<ProcessRecord | null> {
    return this.m.getRepository(ProcessEntity).findOne({ where: { code } });
  }
  save(data: Partial<ProcessEntity>): Promise<ProcessRecord> {
    const repo = this.m.getRepository(ProcessEntity);
    return repo.save(repo.create(data));
  }

  phases(processIds: string[]): Promise<PhaseRecord[]> {
    if (!processIds.length) return Promise.resolve([]);
    return this.m
      .getRepository(PhaseEntity)
      .createQueryBuilder('p')
      .where('p.process_id = ANY(:ids)', { ids: processIds })
      .orderBy('p.starts_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
  }
  findPhase(id: string): Promise<PhaseRecord | null> {
    return this.m.getRepository(PhaseEntity).findOne({ where: { id } });
  }
  savePhase(data: Partial<PhaseEntity>): Promise<PhaseRecord> {
    const repo = this.m.getRepository(PhaseEntity);
    return repo.save(repo.create(data));
  }
  async deletePhase(id: string): Promise<void> {
    await this.m.getRepository(PhaseEntity).delete({ id });
  }

  milestones(processIds: string[]): Promise<MilestoneRecord[]> {
    if (!processIds.length) return Promise.resolve([]);
    return this.m
      .getRepository(MilestoneEntity)
      .createQueryBuilder('m')
      .where('m.process_id = ANY(:ids)', { ids: processIds })
      .orderBy('m.starts_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
  }
  findMilestone(id: string): Promise<MilestoneRecord | null> {
    return this.m.getRepository(MilestoneEntity).findOne({ where: { id } });
  }
  saveMilestone(data: Partial<MilestoneEntity>): Promise<MilestoneRecord> {
    const repo = this.m.getRepository(MilestoneEntity);
    return repo.save(repo.create(data));
  }
  async deleteMilestone(id: string): Promise<void> {
    await this.m.getRepository(MilestoneEntity).delete({ id });
  }

  /** How many phases and milestones of a process fall outside [startsAt, endsAt]. */
  async countOutside(processId: string, startsAt: Date, endsAt: Date): Promise<number> {
    const [row] = await this.m.query(
      `SELECT (SELECT count(*) FROM phases WHERE process_id = $1 AND (starts_at < $2 OR ends_at > $3))
            + (SELECT count(*) FROM milestones WHERE process_id = $1 AND (starts_at < $2 OR COALESCE(ends_at, starts_at) > $3)) AS n`,
      [processId, startsAt, endsAt],
    );
    return Number(row.n);
  }
}
