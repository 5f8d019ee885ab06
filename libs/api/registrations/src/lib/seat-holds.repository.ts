import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StakeholderGroup } from '@gfmd/contracts';
import { DataSource } from 'typeorm';
import { REG_COLUMNS, RegistrationRow, sql } from './registration.rows';

/** A block of a dialogue's seats held for one delegation (see SeatHolds). */
export interface SeatHoldRow {
  id: string;
  dialogueId: string;
  stakeholderGroup: StakeholderGroup;
  seats: number;
  label: string;
}

const HOLD_COLUMNS = `h.id, h.dialogue_id AS "dialogueId", h.stakeholder_group AS "stakeholderGroup", h.seats, h.label`;

/**
 * `seat_holds`, and which registrations sit in a hold (`registrations.hold_id`). Runs in the
 * transaction of the async context; seat-changing callers hold the dialogue lock.
 */
@Injectable()
export class SeatHoldsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(h: SeatHoldRow): Promise<void> {
    await sql(
      this.dataSource,
      `INSERT INTO seat_holds (id, dialogue_id, stakeholder_group, seats, label) VALUES ($1, $2, $3, $4, $5)`,
      [h.id, h.dialogueId, h.stakeholderGroup, h.seats, h.label],
    );
  }

  /** A hold; with `lock`, its row lock (always taken after the dialogue's). */
  async byId(id: string, lock = false): Promise<SeatHoldRow | null> {
    const [row] = await sql<SeatHoldRow>(
      this.dataSource,
      `SELECT ${HOLD_COLUMNS} FROM seat_holds h WHERE h.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async setSeats(id: string, seats: number): Promise<void> {
    await sql(this.dataSource, 'UPDATE seat_holds SET seats = $2, updated_at = now() WHERE id = $1', [id, seats]);
  }

  async relabel(id: string, label: string): Promise<void> {
    await sql(this.dataSource, 'UPDATE seat_holds SET label = $2, updated_at = now() WHERE id = $1', [id, label]);
  }

  /** Seats in use per hold: its confirmed registrations. */
  async used(ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await sql<{ id: string; n: number }>(
      this.dataSource,
      `SELECT hold_id AS id, count(*)::int AS n FROM registrations
        WHERE hold_id = ANY($1::uuid[]) AND status = 'confirmed' GROUP BY 1`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** A dialogue's holds in all: how many, their seats, the seats used, and the seats per group (staff stats). */
  async summary(
    dialogueId: string,
  ): Promise<{ count: number; seats: number; used: number; byGroup: Partial<Record<StakeholderGroup, number>> }> {
    const rows = await sql<{ g: StakeholderGroup; count: number; seats: number; used: number }>(
      this.dataSource,
      `SELECT h.stakeholder_group AS g, count(*)::int AS count, sum(h.seats)::int AS seats,
              sum((SELECT count(*) FROM registrations r WHERE r.hold_id = h.id AND r.status = 'confirmed'))::int AS used
         FROM seat_holds h WHERE h.dialogue_id = $1 GROUP BY 1`,
      [dialogueId],
    );
    return {
      count: rows.reduce((n, r) => n + r.count, 0),
      seats: rows.reduce((n, r) => n + r.seats, 0),
      used: rows.reduce((n, r) => n + r.used, 0),
      byGroup: Object.fromEntries(rows.map((r) => [r.g, r.seats])),
    };
  }

  /** Puts a registration (just inserted, in this transaction) inside a hold. */
  async attach(registrationId: string, holdId: string): Promise<void> {
    await sql(this.dataSource, 'UPDATE registrations SET hold_id = $2 WHERE id = $1', [registrationId, holdId]);
  }

  /** Every registration made inside a hold, in arrival order. */
  members(holdId: string): Promise<RegistrationRow[]> {
    return sql<RegistrationRow>(
      this.dataSource,
      `SELECT ${REG_COLUMNS} FROM registrations r WHERE r.hold_id = $1 ORDER BY r.arrival`,
      [holdId],
    );
  }
}
