import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttendanceMode, StakeholderGroup } from '@gfmd/contracts';
import { DataSource } from 'typeorm';
import {
  DialogueRow,
  REG_COLUMNS,
  RegistrationRow,
  RegistrationSpaceRow,
  SPACE_COLUMNS,
  SpaceRow,
  sql,
} from './registration.rows';
import { onlineSeats } from './attendance.util';
import type { DialogueSeats } from './seat-rules.util';

/** Moves of the confirmed counters (SeatLedgerRepository.bumpCounts). */
export interface CountsDelta {
  dialogueId: string;
  dialogueDelta: number;
  spaceDeltas: Map<string, number>;
  onlineDelta?: number;
}

/**
 * The counters' update as two data-modifying CTEs (`bump_d`, `bump_s`) whose parameters are
 * numbered after the `before` ones, so that another statement of the capacity path can carry it
 * (the admission's INSERT of the registrations: one round trip less under the dialogue lock).
 * Null when nothing moves.
 */
export function countsBump(
  { dialogueId, dialogueDelta, spaceDeltas, onlineDelta = 0 }: CountsDelta,
  before: number,
): { ctes: string; params: unknown[] } | null {
  const spaceIds = [...spaceDeltas.keys()].filter((id) => spaceDeltas.get(id));
  if (!dialogueDelta && !onlineDelta && !spaceIds.length) return null;
  const $ = (i: number) => `$${before + i}`;
  return {
    ctes: `bump_d AS (
         UPDATE dialogues SET confirmed_count = GREATEST(0, confirmed_count + ${$(2)}::int),
                              online_confirmed_count = GREATEST(0, online_confirmed_count + ${$(5)}::int)
          WHERE id = ${$(1)}::uuid AND (${$(2)}::int <> 0 OR ${$(5)}::int <> 0) RETURNING id
       ), bump_s AS (
         UPDATE spaces SET confirmed_count = GREATEST(0, spaces.confirmed_count + x.delta)
           FROM unnest(${$(3)}::uuid[], ${$(4)}::int[]) AS x(id, delta) WHERE spaces.id = x.id RETURNING spaces.id
       )`,
    params: [dialogueId, dialogueDelta, spaceIds, spaceIds.map((id) => spaceDeltas.get(id) ?? 0), onlineDelta],
  };
}

/**
 * The seat ledger: the capacity rule's own reads and writes. The `dialogues` and `spaces` tables
 * belong to their domains, but their row locks and `confirmed_count` columns are the capacity
 * rule on the hot registration path, so they are read, locked (dialogue first, then spaces in id
 * order) and counted here, never through another domain's service. Runs in the transaction of
 * the async context (see registration.rows.ts); the caller holds the dialogue lock.
 */
@Injectable()
export class SeatLedgerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Reads a dialogue; with `lock`, takes its row lock (SELECT … FOR UPDATE) for the transaction. */
  async dialogue(id: string, lock = false): Promise<DialogueRow | null> {
    const [row] = await sql<DialogueRow>(
      this.dataSource,
      `SELECT id, title, status, capacity, confirmed_count AS "confirmedCount", approval_required AS "approvalRequired",
              stakeholder_quotas AS "stakeholderQuotas", registration_opens_at AS "registrationOpensAt",
              registration_closes_at AS "registrationClosesAt", starts_at AS "startsAt", ends_at AS "endsAt",
              time_zone AS "timeZone", venue, format, online_url AS "onlineUrl",
              online_capacity AS "onlineCapacity", online_confirmed_count AS "onlineConfirmedCount",
              languages, translations
         FROM dialogues WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Reads spaces of a dialogue (all, or the given ids) in id order; with `lock`, locks them in
   * that fixed order (always after the dialogue row), so two transactions never deadlock.
   */
  spaces(dialogueId: string, ids?: string[], lock = false): Promise<SpaceRow[]> {
    if (ids && !ids.length) return Promise.resolve([]);
    return sql<SpaceRow>(
      this.dataSource,
      `SELECT ${SPACE_COLUMNS} FROM spaces s
        WHERE s.dialogue_id = $1 ${ids ? 'AND s.id = ANY($2::uuid[])' : ''}
        ORDER BY s.id${lock ? ' FOR UPDATE' : ''}`,
      ids ? [dialogueId, ids] : [dialogueId],
    );
  }

  /**
   * The dialogue's seats as the seat rules count them: its counters, and (only when it has
   * quotas) the confirmed seats per stakeholder group that count against them.
   */
  async dialogueSeats(d: DialogueRow, mode: AttendanceMode = 'in_person'): Promise<DialogueSeats> {
    if (mode === 'online' && d.format === 'hybrid') return onlineSeats(d);
    const quotas = d.stakeholderQuotas;
    return {
      capacity: d.capacity,
      confirmed: d.confirmedCount,
      quotas,
      groupConfirmed: quotas && Object.keys(quotas).length ? await this.groupConfirmed(d.id) : {},
    };
  }

  /**
   * Confirmed seats per stakeholder group that count against quotas (invited seats do not): the
   * registrations outside seat holds, and every seat a hold keeps for its group, used or not.
   */
  private async groupConfirmed(dialogueId: string): Promise<Partial<Record<StakeholderGroup, number>>> {
    const rows = await sql<{ g: StakeholderGroup; n: number }>(
      this.dataSource,
      `SELECT g, sum(n)::int AS n FROM (
         SELECT stakeholder_group AS g, count(*) AS n FROM registrations
          WHERE dialogue_id = $1 AND status = 'confirmed' AND invitation_id IS NULL AND hold_id IS NULL
            AND attendance IS DISTINCT FROM 'online' GROUP BY 1
         UNION ALL
         SELECT stakeholder_group, sum(seats) FROM seat_holds WHERE dialogue_id = $1 GROUP BY 1
       ) x GROUP BY g`,
      [dialogueId],
    );
    return Object.fromEntries(rows.map((r) => [r.g, r.n]));
  }

  /**
   * Adds to the confirmed counters of a dialogue (in person, and online for a hybrid dialogue)
   * and of spaces, in one statement.
   */
  async bumpCounts(
    dialogueId: string,
    dialogueDelta: number,
    spaceDeltas: Map<string, number>,
    onlineDelta = 0,
  ): Promise<void> {
    const bump = countsBump({ dialogueId, dialogueDelta, spaceDeltas, onlineDelta }, 0);
    if (!bump) return;
    await sql(
      this.dataSource,
      `WITH ${bump.ctes} SELECT (SELECT count(*) FROM bump_d) + (SELECT count(*) FROM bump_s) AS n`,
      bump.params,
    );
  }

  async setDialogueCountsToZero(dialogueId: string): Promise<void> {
    await sql(
      this.dataSource,
      `WITH d AS (UPDATE dialogues SET confirmed_count = 0, online_confirmed_count = 0 WHERE id = $1 RETURNING id),
            s AS (UPDATE spaces SET confirmed_count = 0 WHERE dialogue_id = $1 RETURNING id)
       SELECT 1`,
      [dialogueId],
    );
  }

  /** Addresses among `emails` that already hold an active registration in the dialogue. */
  async activeEmails(dialogueId: string, emails: string[]): Promise<Set<string>> {
    const rows = await sql<{ e: string }>(
      this.dataSource,
      `SELECT email_normalized AS e FROM registrations
        WHERE dialogue_id = $1 AND email_normalized = ANY($2::text[]) AND status IN ('pending','confirmed','waitlisted')`,
      [dialogueId, emails],
    );
    return new Set(rows.map((r) => r.e));
  }

  /**
   * In one statement (the caller holds the dialogue lock): the addresses among `emails` that
   * already hold an active registration in the dialogue and, when `countWaitlisted`, how many
   * registrations wait for a seat of it (else null). One round trip less under the lock.
   */
  async takenAndWaitlisted(
    dialogueId: string,
    emails: string[],
    countWaitlisted: boolean,
  ): Promise<{ taken: Set<string>; waitlisted: number | null }> {
    const [row] = await sql<{ taken: string[]; waitlisted: number | null }>(
      this.dataSource,
      `SELECT ARRAY(SELECT email_normalized FROM registrations
                     WHERE dialogue_id = $1 AND email_normalized = ANY($2::text[])
                       AND status IN ('pending','confirmed','waitlisted')) AS taken,
              CASE WHEN $3 THEN (SELECT count(*)::int FROM registrations
                                  WHERE dialogue_id = $1 AND status = 'waitlisted') END AS waitlisted`,
      [dialogueId, emails, countWaitlisted],
    );
    return { taken: new Set(row?.taken ?? []), waitlisted: row?.waitlisted ?? null };
  }

  /** How many registrations wait for a seat of the dialogue (the caller holds the dialogue lock). */
  async waitlistedCount(dialogueId: string): Promise<number> {
    const [row] = await sql<{ n: number }>(
      this.dataSource,
      `SELECT count(*)::int AS n FROM registrations WHERE dialogue_id = $1 AND status = 'waitlisted'`,
      [dialogueId],
    );
    return row?.n ?? 0;
  }

  /** Hybrid dialogues: how many wait in each attendance mode's list (a null mode is in person). */
  async waitlistedByMode(dialogueId: string): Promise<Record<AttendanceMode, number>> {
    const rows = await sql<{ online: boolean; n: number }>(
      this.dataSource,
      `SELECT attendance = 'online' AS online, count(*)::int AS n FROM registrations
        WHERE dialogue_id = $1 AND status = 'waitlisted' GROUP BY 1`,
      [dialogueId],
    );
    const out: Record<AttendanceMode, number> = { in_person: 0, online: 0 };
    for (const r of rows) out[r.online ? 'online' : 'in_person'] += r.n;
    return out;
  }

  /** Waiting registrations of a dialogue in arrival order. */
  waitlisted(dialogueId: string): Promise<RegistrationRow[]> {
    return sql<RegistrationRow>(
      this.dataSource,
      `SELECT ${REG_COLUMNS} FROM registrations r WHERE r.dialogue_id = $1 AND r.status = 'waitlisted' ORDER BY r.arrival`,
      [dialogueId],
    );
  }

  /** Seat requests waiting for a space, of registrations that hold a dialogue seat, in request order. */
  spaceWaitlist(spaceId: string, limit: number): Promise<RegistrationSpaceRow[]> {
    return sql<RegistrationSpaceRow>(
      this.dataSource,
      `SELECT rs.registration_id AS "registrationId", rs.space_id AS "spaceId", rs.status, rs.arrival, s.name
         FROM registration_spaces rs JOIN registrations r ON r.id = rs.registration_id JOIN spaces s ON s.id = rs.space_id
        WHERE rs.space_id = $1 AND rs.status = 'waitlisted' AND r.status = 'confirmed'
        ORDER BY rs.arrival LIMIT $2`,
      [spaceId, limit],
    );
  }

  /** Registrations holding or waiting for a seat in a space (pending, confirmed, waitlisted), for the spaces domain. */
  async activeSpaceSeats(spaceId: string): Promise<number> {
    const [row] = await sql<{ n: number }>(
      this.dataSource,
      `SELECT count(*)::int AS n FROM registration_spaces WHERE space_id = $1 AND status IN ('pending','confirmed','waitlisted')`,
      [spaceId],
    );
    return row?.n ?? 0;
  }
}
