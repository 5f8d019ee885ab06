import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Answers, AttendanceMode, RegistrationStatus } from '@gfmd/contracts';
import { DataSource } from 'typeorm';
import { NewRegistration, sql } from './registration.rows';
import { countsBump, type CountsDelta } from './seat-ledger.repository';

/** A status change of one seat request. */
export interface SpaceStatusChange {
  registrationId: string;
  spaceId: string;
  status: RegistrationStatus;
}

/** What a staff decline changed, kept for its undo window (statuses only). */
export interface DeclineSnapshot {
  status: RegistrationStatus;
  spaces: { spaceId: string; status: RegistrationStatus }[];
  /** When the decline happened (read back with the snapshot). */
  declinedAt?: Date;
}

/**
 * Writes of `registrations` and `registration_spaces`: inserts, status changes, details,
 * check-in, erasure. Seat-changing statements run in the transaction of the async context,
 * whose dialogue lock the caller holds (see SeatLedgerRepository).
 */
@Injectable()
export class RegistrationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts registrations in the given order (their arrival numbers follow it). One made with an
   * invitation has its address confirmed at once (the invitation went to that address). `counts`:
   * the confirmed counters they move, in the same statement (the caller holds the dialogue lock).
   */
  async insertRegistrations(rows: NewRegistration[], counts?: CountsDelta): Promise<{ id: string; createdAt: Date }[]> {
    if (!rows.length) return [];
    const col = <K extends keyof NewRegistration>(k: K) => rows.map((r) => r[k]);
    const bump = counts ? countsBump(counts, 18) : null;
    return sql<{ id: string; createdAt: Date }>(
      this.dataSource,
      `${bump ? `WITH ${bump.ctes}` : ''}
       INSERT INTO registrations (id, dialogue_id, email, email_normalized, title, first_name, last_name, organization,
         job_title, stakeholder_group, country, preferred_language, accessibility_needs, status,
         invitation_id, attendance, consent_at, email_confirmed_at, answers)
       SELECT x.id, x.dialogue_id, x.email, x.email_normalized, x.title, x.first_name, x.last_name, x.organization,
              x.job_title, x.stakeholder_group, x.country, x.preferred_language, x.accessibility_needs, x.status,
              x.invitation_id, x.attendance, CASE WHEN x.by_staff THEN NULL ELSE now() END, CASE WHEN x.invitation_id IS NOT NULL THEN now() END,
              x.answers
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::uuid[], $16::text[], $17::boolean[],
                     $18::jsonb[])
              WITH ORDINALITY AS x(id, dialogue_id, email, email_normalized, title, first_name, last_name, organization,
                job_title, stakeholder_group, country, preferred_language, accessibility_needs, status,
                invitation_id, attendance, by_staff, answers, ord)
        ORDER BY x.ord
       RETURNING id, created_at AS "createdAt"`,
      [
        col('id'),
        col('dialogueId'),
        col('email'),
        col('emailNormalized'),
        col('title'),
        col('firstName'),
        col('lastName'),
        col('organization'),
        col('jobTitle'),
        col('stakeholderGroup'),
        col('country'),
        col('preferredLanguage'),
        col('accessibilityNeeds'),
        col('status'),
        col('invitationId'),
        rows.map((r) => r.attendance ?? null),
        rows.map((r) => !!r.byStaff),
        rows.map((r) => (r.answers ? JSON.stringify(r.answers) : null)),
        ...(bump?.params ?? []),
      ],
    );
  }

  /** Moves a registration to another attendance mode (hybrid dialogues; the caller moves its seat). */
  async setAttendance(id: string, attendance: AttendanceMode): Promise<void> {
    await sql(this.dataSource, `UPDATE registrations SET attendance = $2, updated_at = now() WHERE id = $1`, [
      id,
      attendance,
    ]);
  }

  /** Stores registrants' answers to the dialogue's questions (just inserted, in this transaction). */
  async setAnswers(rows: { id: string; answers: Answers }[]): Promise<void> {
    if (!rows.length) return;
    await sql(
      this.dataSource,
      `UPDATE registrations r SET answers = x.a FROM unnest($1::uuid[], $2::jsonb[]) AS x(id, a) WHERE r.id = x.id`,
      [rows.map((r) => r.id), rows.map((r) => JSON.stringify(r.answers))],
    );
  }

  /** Inserts seat requests, or revives a cancelled one (a new place at the end of that space's queue). */
  async upsertRegistrationSpaces(rows: (SpaceStatusChange & { dialogueId: string })[]): Promise<void> {
    if (!rows.length) return;
    await sql(
      this.dataSource,
      `INSERT INTO registration_spaces (registration_id, space_id, dialogue_id, status)
       SELECT x.rid, x.sid, x.did, x.st FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) WITH ORDINALITY AS x(rid, sid, did, st, ord)
       ORDER BY x.ord
       ON CONFLICT (registration_id, space_id) DO UPDATE
         SET status = EXCLUDED.status, arrival = nextval('registration_spaces_arrival_seq'), updated_at = now()`,
      [
        rows.map((r) => r.registrationId),
        rows.map((r) => r.spaceId),
        rows.map((r) => r.dialogueId),
        rows.map((r) => r.status),
      ],
    );
  }

  /** Sets registrations' status; `clearToken` revokes their manage links (registrations.manage_revoked_at). */
  async setStatus(
    ids: string[],
    status: RegistrationStatus,
    opts: { cancelled?: boolean; clearToken?: boolean } = {},
  ): Promise<void> {
    if (!ids.length) return;
    await sql(
      this.dataSource,
      `UPDATE registrations SET status = $2, updated_at = now()
         ${opts.cancelled ? ', cancelled_at = now()' : ''}${opts.clearToken ? ', manage_revoked_at = now()' : ''}
        WHERE id = ANY($1::uuid[])`,
      [ids, status],
    );
  }

  async setSpaceStatuses(changes: SpaceStatusChange[]): Promise<void> {
    if (!changes.length) return;
    await sql(
      this.dataSource,
      `UPDATE registration_spaces rs SET status = x.st, updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(rid, sid, st)
        WHERE rs.registration_id = x.rid AND rs.space_id = x.sid`,
      [changes.map((c) => c.registrationId), changes.map((c) => c.spaceId), changes.map((c) => c.status)],
    );
  }

  async cancelAllInDialogue(dialogueId: string): Promise<void> {
    await sql(
      this.dataSource,
      `WITH r AS (
         UPDATE registrations SET status = 'cancelled', cancelled_at = now(), updated_at = now()
          WHERE dialogue_id = $1 AND status IN ('pending','confirmed','waitlisted') RETURNING id
       ) UPDATE registration_spaces SET status = 'cancelled', updated_at = now()
          WHERE registration_id IN (SELECT id FROM r) AND status IN ('pending','confirmed','waitlisted')`,
      [dialogueId],
    );
  }

  /** The manage link was used: the address is the registrant's (first use only; later calls change nothing). */
  async confirmEmail(id: string): Promise<void> {
    await sql(
      this.dataSource,
      'UPDATE registrations SET email_confirmed_at = now() WHERE id = $1 AND email_confirmed_at IS NULL',
      [id],
    );
  }

  async updateDetails(id: string, patch: Partial<Record<string, string | null>>): Promise<void> {
    const columns: Record<string, string> = {
      title: 'title',
      firstName: 'first_name',
      lastName: 'last_name',
      organization: 'organization',
      jobTitle: 'job_title',
      country: 'country',
      preferredLanguage: 'preferred_language',
      accessibilityNeeds: 'accessibility_needs',
    };
    const params: unknown[] = [id];
    const sets = Object.entries(patch)
      .filter(([k, v]) => columns[k] && v !== undefined)
      .map(([k, v]) => `${columns[k]} = $${params.push(v)}`);
    if (!sets.length) return;
    await sql(this.dataSource, `UPDATE registrations SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
  }

  /**
   * Sets the check-in time once (a second check-in keeps the first time): true when this call set
   * it. `at` (an offline scan's time) defaults to now.
   */
  async checkIn(id: string, at?: Date): Promise<boolean> {
    const rows = await sql<{ id: string }>(
      this.dataSource,
      `UPDATE registrations SET checked_in_at = COALESCE($2::timestamptz, now()), updated_at = now()
        WHERE id = $1 AND checked_in_at IS NULL RETURNING id`,
      [id, at ?? null],
    );
    return rows.length > 0;
  }

  /** Undoes a check-in: true when the person was checked in. */
  async clearCheckIn(id: string): Promise<boolean> {
    const rows = await sql<{ id: string }>(
      this.dataSource,
      `UPDATE registrations SET checked_in_at = NULL, updated_at = now() WHERE id = $1 AND checked_in_at IS NOT NULL RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** Records a staff decline and what it changed; answers when it happened (the start of the undo window). */
  async markDeclined(id: string, before: DeclineSnapshot): Promise<Date> {
    const [row] = await sql<{ declinedAt: Date }>(
      this.dataSource,
      `UPDATE registrations SET declined_at = now(), decline_undo = $2::jsonb, updated_at = now()
        WHERE id = $1 RETURNING declined_at AS "declinedAt"`,
      [id, JSON.stringify(before)],
    );
    return row.declinedAt;
  }

  /**
   * The snapshot of a decline made less than `windowMs` ago (by the database clock), or null
   * when there is none or the window has passed. The caller holds the dialogue lock.
   */
  async recentDecline(id: string, windowMs: number): Promise<DeclineSnapshot | null> {
    const [row] = await sql<{ undo: DeclineSnapshot | null; declinedAt: Date }>(
      this.dataSource,
      `SELECT decline_undo AS undo, declined_at AS "declinedAt" FROM registrations
        WHERE id = $1 AND status = 'declined' AND decline_undo IS NOT NULL AND erased_at IS NULL
          AND declined_at > now() - $2 * interval '1 millisecond'`,
      [id, windowMs],
    );
    return row?.undo ? { ...row.undo, declinedAt: row.declinedAt } : null;
  }

  /** Forgets a decline (undone). */
  async clearDecline(id: string): Promise<void> {
    await sql(
      this.dataSource,
      `UPDATE registrations SET declined_at = NULL, decline_undo = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  /** Records a decline of one seat request and its status before; answers when it happened. */
  async markSpaceDeclined(id: string, spaceId: string, before: RegistrationStatus): Promise<Date> {
    const [row] = await sql<{ declinedAt: Date }>(
      this.dataSource,
      `UPDATE registration_spaces SET declined_at = now(), decline_undo_status = $3, updated_at = now()
        WHERE registration_id = $1 AND space_id = $2 RETURNING declined_at AS "declinedAt"`,
      [id, spaceId, before],
    );
    return row.declinedAt;
  }

  /** The status before a seat request's decline made less than `windowMs` ago, or null. The caller holds the dialogue lock. */
  async recentSpaceDecline(
    id: string,
    spaceId: string,
    windowMs: number,
  ): Promise<{ before: RegistrationStatus; declinedAt: Date } | null> {
    const [row] = await sql<{ before: RegistrationStatus; declinedAt: Date }>(
      this.dataSource,
      `SELECT decline_undo_status AS before, declined_at AS "declinedAt" FROM registration_spaces
        WHERE registration_id = $1 AND space_id = $2 AND status = 'declined' AND decline_undo_status IS NOT NULL
          AND declined_at > now() - $3 * interval '1 millisecond'`,
      [id, spaceId, windowMs],
    );
    return row ?? null;
  }

  /** Forgets a seat request's decline (undone). */
  async clearSpaceDecline(id: string, spaceId: string): Promise<void> {
    await sql(
      this.dataSource,
      `UPDATE registration_spaces SET declined_at = NULL, decline_undo_status = NULL, updated_at = now()
        WHERE registration_id = $1 AND space_id = $2`,
      [id, spaceId],
    );
  }

  /** Replaces a person's data in their registrations by placeholders, and revokes their links. */
  async anonymise(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await sql(
      this.dataSource,
      `UPDATE registrations SET
         email = 'erased-' || id || '@invalid', email_normalized = 'erased-' || id || '@invalid',
         title = NULL, first_name = 'Erased', last_name = 'Erased', organization = 'Erased', job_title = NULL,
         country = 'ZZ', accessibility_needs = NULL, answers = NULL, consent_at = NULL, manage_token_hash = NULL, manage_revoked_at = now(),
         erased_at = now(), updated_at = now()
       WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
