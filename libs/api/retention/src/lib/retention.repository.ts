import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { currentManager } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';

export interface RetentionState {
  dialogueId: string;
  warnedAt: Date | null;
  erasedAt: Date | null;
}

/** `maintenance_runs` and `dialogue_retention`, this repository's alone. */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get m() {
    return currentManager(this.dataSource);
  }

  /**
   * Claims the run of a daily job: true for exactly one caller per `everyMs` across every
   * replica (the row moves forward in one statement; a concurrent caller finds it moved).
   */
  async claimRun(name: string, now: Date, everyMs: number): Promise<boolean> {
    const rows: unknown[] = await this.m.query(
      `INSERT INTO maintenance_runs (name, last_run_at) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET last_run_at = EXCLUDED.last_run_at
        WHERE maintenance_runs.last_run_at <= $2::timestamptz - $3 * interval '1 millisecond'
       RETURNING name`,
      [name, now, everyMs],
    );
    return rows.length > 0;
  }

  async states(dialogueIds: string[]): Promise<Map<string, RetentionState>> {
    if (!dialogueIds.length) return new Map();
    const rows: { dialogue_id: string; warned_at: Date | null; erased_at: Date | null }[] = await this.m.query(
      'SELECT dialogue_id, warned_at, erased_at FROM dialogue_retention WHERE dialogue_id = ANY($1::uuid[])',
      [dialogueIds],
    );
    return new Map(
      rows.map((r) => [r.dialogue_id, { dialogueId: r.dialogue_id, warnedAt: r.warned_at, erasedAt: r.erased_at }]),
    );
  }

  async markWarned(dialogueId: string, at: Date): Promise<void> {
    await this.m.query(
      `INSERT INTO dialogue_retention (dialogue_id, warned_at) VALUES ($1, $2)
       ON CONFLICT (dialogue_id) DO UPDATE SET warned_at = COALESCE(dialogue_retention.warned_at, EXCLUDED.warned_at)`,
      [dialogueId, at],
    );
  }

  /** Records the erasure and what was kept; false if another run erased it first. */
  async markErased(dialogueId: string, at: Date, counts: Record<string, unknown>): Promise<boolean> {
    const rows: unknown[] = await this.m.query(
      `INSERT INTO dialogue_retention (dialogue_id, erased_at, counts) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (dialogue_id) DO UPDATE SET erased_at = EXCLUDED.erased_at, counts = EXCLUDED.counts
        WHERE dialogue_retention.erased_at IS NULL
       RETURNING dialogue_id`,
      [dialogueId, at, JSON.stringify(counts)],
    );
    return rows.length > 0;
  }

  /** What was kept of an erased dialogue (counts), or null. */
  async kept(dialogueId: string): Promise<{ erasedAt: Date; counts: Record<string, unknown> } | null> {
    const [row]: { erased_at: Date | null; counts: Record<string, unknown> }[] = await this.m.query(
      'SELECT erased_at, counts FROM dialogue_retention WHERE dialogue_id = $1',
      [dialogueId],
    );
    return row?.erased_at ? { erasedAt: row.erased_at, counts: row.counts } : null;
  }

  /** The erased among these dialogues, with what was kept of each (per domain). */
  async keptMany(dialogueIds: string[]): Promise<Map<string, Record<string, unknown>>> {
    if (!dialogueIds.length) return new Map();
    const rows: { dialogue_id: string; counts: Record<string, unknown> }[] = await this.m.query(
      'SELECT dialogue_id, counts FROM dialogue_retention WHERE dialogue_id = ANY($1::uuid[]) AND erased_at IS NOT NULL',
      [dialogueIds],
    );
    return new Map(rows.map((r) => [r.dialogue_id, r.counts]));
  }
}
