import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttendanceMode, RegistrationStatus, StakeholderGroup } from '@gfmd/contracts';
import { DataSource } from 'typeorm';
import { sql } from './registration.rows';

/** How many registrations of a dialogue have one status, stakeholder group and attendance. */
export interface CountRow {
  status: RegistrationStatus;
  g: StakeholderGroup;
  a: AttendanceMode | null;
  n: number;
}

/** Compact a dialogue's deltas when they are more than this many rows beyond one per key. */
export const COMPACT_SLACK = 64;

/**
 * The registration counters of a dialogue (table `registration_counts`, migration
 * 1765500000601): append-only deltas per (status, group, attendance) written by triggers in the
 * transaction of every change of `registrations`, summed on read. A read that finds many more
 * deltas than keys folds them into one row per key (in its own short transaction; two
 * compactions at once cannot lose a delta: each row is deleted, and its sum re-added, by one).
 */
@Injectable()
export class RegistrationCountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The counts of a dialogue, each key with a count above zero. */
  async read(dialogueId: string): Promise<CountRow[]> {
    const rows = await sql<CountRow & { deltas: number }>(
      this.dataSource,
      `SELECT status, stakeholder_group AS g, attendance AS a, sum(n)::int AS n, count(*)::int AS deltas
         FROM registration_counts WHERE dialogue_id = $1 GROUP BY 1, 2, 3`,
      [dialogueId],
    );
    const deltas = rows.reduce((sum, r) => sum + r.deltas, 0);
    if (deltas > rows.length + COMPACT_SLACK) await this.compact(dialogueId);
    return rows.filter((r) => r.n !== 0).map(({ status, g, a, n }) => ({ status, g, a, n }));
  }

  /** Folds a dialogue's deltas into one row per key (none for a key whose sum is zero). */
  async compact(dialogueId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [{ locked }] = await m.query(
        `SELECT pg_try_advisory_xact_lock(hashtextextended('registration_counts:' || $1, 0)) AS locked`,
        [dialogueId],
      );
      if (!locked) return;
      await m.query(
        `WITH gone AS (DELETE FROM registration_counts WHERE dialogue_id = $1
                        RETURNING status, stakeholder_group, attendance, n)
         INSERT INTO registration_counts (dialogue_id, status, stakeholder_group, attendance, n)
         SELECT $1, status, stakeholder_group, attendance, sum(n) FROM gone GROUP BY 2, 3, 4 HAVING sum(n) <> 0`,
        [dialogueId],
      );
    });
  }
}
