import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DialogueFormat,
  DialogueStatus,
  Language,
  RegistrationStatus,
  SpaceAccess,
  StakeholderGroup,
  StakeholderQuotas,
} from '@gfmd/contracts';
import { DataSource, EntityManager } from 'typeorm';

/** The dialogue columns the seat rules and the emails need, read (and locked) by this domain. */
export interface DialogueRow {
  id: string;
  title: string;
  status: DialogueStatus;
  capacity: number;
  confirmedCount: number;
  approvalRequired: boolean;
  stakeholderQuotas: StakeholderQuotas | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue: string;
  format: DialogueFormat;
  onlineUrl: string | null;
}

export interface SpaceRow {
  id: string;
  dialogueId: string;
  name: string;
  capacity: number | null;
  confirmedCount: number;
  access: SpaceAccess;
  allowedGroups: StakeholderGroup[] | null;
  coordinatingGroup: StakeholderGroup | null;
  coordinatorUserIds: string[];
}

export interface RegistrationRow {
  id: string;
  dialogueId: string;
  arrival: string;
  email: string;
  emailNormalized: string;
  title: string | null;
  firstName: string;
  lastName: string;
  organization: string;
  jobTitle: string | null;
  stakeholderGroup: StakeholderGroup;
  country: string;
  preferredLanguage: Language;
  accessibilityNeeds: string | null;
  consentAt: Date | null;
  status: RegistrationStatus;
  invitationId: string | null;
  /** When the address was shown to be the registrant's (manage link used, or a valid invitation); null: not yet. */
  emailConfirmedAt: Date | null;
  checkedInAt: Date | null;
  cancelledAt: Date | null;
  erasedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RegistrationSpaceRow {
  registrationId: string;
  spaceId: string;
  status: RegistrationStatus;
  arrival: string;
  name: string;
}

/** Who an email about a registration goes to, and in which language. */
export interface ParticipantContact {
  id: string;
  email: string;
  title: string | null;
  firstName: string;
  lastName: string;
  preferredLanguage: Language;
}

export interface NewRegistration {
  id: string;
  dialogueId: string;
  email: string;
  emailNormalized: string;
  title: string | null;
  firstName: string;
  lastName: string;
  organization: string;
  jobTitle: string | null;
  stakeholderGroup: StakeholderGroup;
  country: string;
  preferredLanguage: Language;
  accessibilityNeeds: string | null;
  status: RegistrationStatus;
  invitationId: string | null;
}

export interface RegistrationFilter {
  dialogueId: string;
  status?: RegistrationStatus;
  stakeholderGroup?: StakeholderGroup;
  spaceId?: string;
  q?: string;
  /** Coordinators: only registrations with a seat request in one of these spaces. */
  onlySpaceIds?: string[];
  skip: number;
  take: number;
}

const REG_COLUMNS = `r.id, r.dialogue_id AS "dialogueId", r.arrival, r.email, r.email_normalized AS "emailNormalized",
  r.title, r.first_name AS "firstName", r.last_name AS "lastName", r.organization, r.job_title AS "jobTitle",
  r.stakeholder_group AS "stakeholderGroup", r.country, r.preferred_language AS "preferredLanguage",
  r.accessibility_needs AS "accessibilityNeeds", r.consent_at AS "consentAt", r.status, r.invitation_id AS "invitationId",
  r.email_confirmed_at AS "emailConfirmedAt", r.checked_in_at AS "checkedInAt", r.cancelled_at AS "cancelledAt", r.erased_at AS "erasedAt",
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

const SPACE_COLUMNS = `s.id, s.dialogue_id AS "dialogueId", s.name, s.capacity, s.confirmed_count AS "confirmedCount", s.access,
  s.allowed_groups::text[] AS "allowedGroups", s.coordinating_group AS "coordinatingGroup",
  s.coordinator_user_ids::text[] AS "coordinatorUserIds"`;

/** TypeORM's postgres driver answers UPDATE/DELETE with [rows, count]; everything else with rows. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/** Escapes LIKE wildcards in user text. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The only code of the registrations domain that talks to PostgreSQL. Seat-changing statements
 * take the caller's transaction (`m`); the caller holds the dialogue lock.
 */
@Injectable()
export class RegistrationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async q<T>(m: EntityManager | undefined, sql: string, params: unknown[] = []): Promise<T[]> {
    return rowsOf<T>(await (m ?? this.dataSource.manager).query(sql, params));
  }

  // ── dialogues and spaces ──────────────────────────────────────────────────────────────────

  /** Reads a dialogue; with `lock`, takes its row lock (SELECT … FOR UPDATE) for the transaction. */
  async dialogue(m: EntityManager | undefined, id: string, lock = false): Promise<DialogueRow | null> {
    const [row] = await this.q<DialogueRow>(
      m,
      `SELECT id, title, status, capacity, confirmed_count AS "confirmedCount", approval_required AS "approvalRequired",
              stakeholder_quotas AS "stakeholderQuotas", registration_opens_at AS "registrationOpensAt",
              registration_closes_at AS "registrationClosesAt", starts_at AS "startsAt", ends_at AS "endsAt",
              time_zone AS "timeZone", venue, format, online_url AS "onlineUrl"
         FROM dialogues WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Reads spaces of a dialogue (all, or the given ids) in id order; with `lock`, locks them in
   * that fixed order (always after the dialogue row), so two transactions never deadlock.
   */
  spaces(m: EntityManager | undefined, dialogueId: string, ids?: string[], lock = false): Promise<SpaceRow[]> {
    if (ids && !ids.length) return Promise.resolve([]);
    return this.q<SpaceRow>(
      m,
      `SELECT ${SPACE_COLUMNS} FROM spaces s
        WHERE s.dialogue_id = $1 ${ids ? 'AND s.id = ANY($2::uuid[])' : ''}
        ORDER BY s.id${lock ? ' FOR UPDATE' : ''}`,
      ids ? [dialogueId, ids] : [dialogueId],
    );
  }

  /** Confirmed participants holding a confirmed seat in a space (recipients of a space message). */
  /** Confirmed participants of a space, with whether their address is confirmed (only those are mailed). */
  confirmedInSpace(spaceId: string): Promise<(ParticipantContact & { emailConfirmed: boolean })[]> {
    return this.q(
      undefined,
      `SELECT r.id, r.email, r.title, r.first_name AS "firstName", r.last_name AS "lastName",
              r.preferred_language AS "preferredLanguage", r.email_confirmed_at IS NOT NULL AS "emailConfirmed"
         FROM registration_spaces rs JOIN registrations r ON r.id = rs.registration_id
        WHERE rs.space_id = $1 AND rs.status = 'confirmed' AND r.status = 'confirmed' AND r.erased_at IS NULL
        ORDER BY r.arrival`,
      [spaceId],
    );
  }

  // ── space messages (counted per space and day; the text is not kept) ─────────────────────

  /** Serialises the messages of one space for the rest of the transaction. */
  async lockSpaceMessages(m: EntityManager, spaceId: string): Promise<void> {
    await this.q(m, `SELECT pg_advisory_xact_lock(hashtext('space_messages:' || $1::text))`, [spaceId]);
  }

  async spaceMessagesSince(m: EntityManager | undefined, spaceId: string, withinMs: number): Promise<number> {
    const [row] = await this.q<{ n: number }>(
      m,
      `SELECT count(*)::int AS n FROM space_messages
        WHERE space_id = $1 AND created_at > now() - $2 * interval '1 millisecond'`,
      [spaceId, withinMs],
    );
    return row?.n ?? 0;
  }

  async recordSpaceMessage(m: EntityManager, spaceId: string, senderId: string, recipients: number): Promise<void> {
    await this.q(m, 'INSERT INTO space_messages (space_id, sender_id, recipients) VALUES ($1, $2, $3)', [
      spaceId,
      senderId,
      recipients,
    ]);
  }

  /** Ids of the spaces of a dialogue that a user coordinates. */
  async coordinatedSpaceIds(dialogueId: string, userId: string): Promise<string[]> {
    const rows = await this.q<{ id: string }>(
      undefined,
      'SELECT id FROM spaces WHERE dialogue_id = $1 AND $2::uuid = ANY(coordinator_user_ids) ORDER BY id',
      [dialogueId, userId],
    );
    return rows.map((r) => r.id);
  }

  /** Confirmed seats per stakeholder group that count against quotas (invited seats do not). */
  async groupConfirmed(m: EntityManager, dialogueId: string): Promise<Partial<Record<StakeholderGroup, number>>> {
    const rows = await this.q<{ g: StakeholderGroup; n: number }>(
      m,
      `SELECT stakeholder_group AS g, count(*)::int AS n FROM registrations
        WHERE dialogue_id = $1 AND status = 'confirmed' AND invitation_id IS NULL GROUP BY 1`,
      [dialogueId],
    );
    return Object.fromEntries(rows.map((r) => [r.g, r.n]));
  }

  /** Adds to the confirmed counters of a dialogue and of spaces, in one statement. */
  async bumpCounts(
    m: EntityManager,
    dialogueId: string,
    dialogueDelta: number,
    spaceDeltas: Map<string, number>,
  ): Promise<void> {
    const spaceIds = [...spaceDeltas.keys()].filter((id) => spaceDeltas.get(id));
    if (!dialogueDelta && !spaceIds.length) return;
    await this.q(
      m,
      `WITH d AS (
         UPDATE dialogues SET confirmed_count = GREATEST(0, confirmed_count + $2) WHERE id = $1 AND $2 <> 0 RETURNING id
       ), s AS (
         UPDATE spaces SET confirmed_count = GREATEST(0, spaces.confirmed_count + x.delta)
           FROM unnest($3::uuid[], $4::int[]) AS x(id, delta) WHERE spaces.id = x.id RETURNING spaces.id
       ) SELECT (SELECT count(*) FROM d) + (SELECT count(*) FROM s) AS n`,
      [dialogueId, dialogueDelta, spaceIds, spaceIds.map((id) => spaceDeltas.get(id) ?? 0)],
    );
  }

  async setDialogueCountsToZero(m: EntityManager, dialogueId: string): Promise<void> {
    await this.q(
      m,
      `WITH d AS (UPDATE dialogues SET confirmed_count = 0 WHERE id = $1 RETURNING id),
            s AS (UPDATE spaces SET confirmed_count = 0 WHERE dialogue_id = $1 RETURNING id)
       SELECT 1`,
      [dialogueId],
    );
  }

  // ── registrations: seat changes (caller holds the dialogue lock) ──────────────────────────

  /** Addresses among `emails` that already hold an active registration in the dialogue. */
  async activeEmails(m: EntityManager, dialogueId: string, emails: string[]): Promise<Set<string>> {
    const rows = await this.q<{ e: string }>(
      m,
      `SELECT email_normalized AS e FROM registrations
        WHERE dialogue_id = $1 AND email_normalized = ANY($2::text[]) AND status IN ('pending','confirmed','waitlisted')`,
      [dialogueId, emails],
    );
    return new Set(rows.map((r) => r.e));
  }

  /**
   * Inserts registrations in the given order (their arrival numbers follow it). One made with an
   * invitation has its address confirmed at once (the invitation went to that address).
   */
  async insertRegistrations(m: EntityManager, rows: NewRegistration[]): Promise<{ id: string; createdAt: Date }[]> {
    if (!rows.length) return [];
    const col = <K extends keyof NewRegistration>(k: K) => rows.map((r) => r[k]);
    return this.q<{ id: string; createdAt: Date }>(
      m,
      `INSERT INTO registrations (id, dialogue_id, email, email_normalized, title, first_name, last_name, organization,
         job_title, stakeholder_group, country, preferred_language, accessibility_needs, status,
         invitation_id, consent_at, email_confirmed_at)
       SELECT x.id, x.dialogue_id, x.email, x.email_normalized, x.title, x.first_name, x.last_name, x.organization,
              x.job_title, x.stakeholder_group, x.country, x.preferred_language, x.accessibility_needs, x.status,
              x.invitation_id, now(), CASE WHEN x.invitation_id IS NOT NULL THEN now() END
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::uuid[])
              WITH ORDINALITY AS x(id, dialogue_id, email, email_normalized, title, first_name, last_name, organization,
                job_title, stakeholder_group, country, preferred_language, accessibility_needs, status,
                invitation_id, ord)
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
      ],
    );
  }

  /** Inserts seat requests, or revives a cancelled one (a new place at the end of that space's queue). */
  async upsertRegistrationSpaces(
    m: EntityManager,
    rows: { registrationId: string; spaceId: string; dialogueId: string; status: RegistrationStatus }[],
  ): Promise<void> {
    if (!rows.length) return;
    await this.q(
      m,
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

  async setStatus(
    m: EntityManager,
    ids: string[],
    status: RegistrationStatus,
    opts: { cancelled?: boolean; clearToken?: boolean } = {},
  ): Promise<void> {
    if (!ids.length) return;
    await this.q(
      m,
      `UPDATE registrations SET status = $2, updated_at = now()
         ${opts.cancelled ? ', cancelled_at = now()' : ''}${opts.clearToken ? ', manage_revoked_at = now()' : ''}
        WHERE id = ANY($1::uuid[])`,
      [ids, status],
    );
  }

  async setSpaceStatuses(
    m: EntityManager,
    changes: { registrationId: string; spaceId: string; status: RegistrationStatus }[],
  ): Promise<void> {
    if (!changes.length) return;
    await this.q(
      m,
      `UPDATE registration_spaces rs SET status = x.st, updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(rid, sid, st)
        WHERE rs.registration_id = x.rid AND rs.space_id = x.sid`,
      [changes.map((c) => c.registrationId), changes.map((c) => c.spaceId), changes.map((c) => c.status)],
    );
  }

  /** Waiting registrations of a dialogue in arrival order. */
  waitlisted(m: EntityManager, dialogueId: string): Promise<RegistrationRow[]> {
    return this.q<RegistrationRow>(
      m,
      `SELECT ${REG_COLUMNS} FROM registrations r WHERE r.dialogue_id = $1 AND r.status = 'waitlisted' ORDER BY r.arrival`,
      [dialogueId],
    );
  }

  /** Seat requests waiting for a space, of registrations that hold a dialogue seat, in request order. */
  spaceWaitlist(m: EntityManager, spaceId: string, limit: number): Promise<RegistrationSpaceRow[]> {
    return this.q<RegistrationSpaceRow>(
      m,
      `SELECT rs.registration_id AS "registrationId", rs.space_id AS "spaceId", rs.status, rs.arrival, s.name
         FROM registration_spaces rs JOIN registrations r ON r.id = rs.registration_id JOIN spaces s ON s.id = rs.space_id
        WHERE rs.space_id = $1 AND rs.status = 'waitlisted' AND r.status = 'confirmed'
        ORDER BY rs.arrival LIMIT $2`,
      [spaceId, limit],
    );
  }

  activeInDialogue(m: EntityManager, dialogueId: string): Promise<RegistrationRow[]> {
    return this.q<RegistrationRow>(
      m,
      `SELECT ${REG_COLUMNS} FROM registrations r
        WHERE r.dialogue_id = $1 AND r.status IN ('pending','confirmed','waitlisted') ORDER BY r.arrival`,
      [dialogueId],
    );
  }

  async cancelAllInDialogue(m: EntityManager, dialogueId: string): Promise<void> {
    await this.q(
      m,
      `WITH r AS (
         UPDATE registrations SET status = 'cancelled', cancelled_at = now(), updated_at = now()
          WHERE dialogue_id = $1 AND status IN ('pending','confirmed','waitlisted') RETURNING id
       ) UPDATE registration_spaces SET status = 'cancelled', updated_at = now()
          WHERE registration_id IN (SELECT id FROM r) AND status IN ('pending','confirmed','waitlisted')`,
      [dialogueId],
    );
  }

  // ── registrations: reads ──────────────────────────────────────────────────────────────────

  async byId(m: EntityManager | undefined, id: string): Promise<RegistrationRow | null> {
    const [row] = await this.q<RegistrationRow>(m, `SELECT ${REG_COLUMNS} FROM registrations r WHERE r.id = $1`, [id]);
    return row ?? null;
  }

  /**
   * Adds manage-link token hashes (one per pair) to registrations whose links may still be given
   * (active, not revoked, not erased), in one statement; returns the registrations that got theirs.
   */
  async addManageTokens(
    m: EntityManager,
    pairs: { registrationId: string; tokenHash: string }[],
  ): Promise<Set<string>> {
    if (!pairs.length) return new Set();
    const rows = await this.q<{ registration_id: string }>(
      m,
      `INSERT INTO registration_manage_tokens (token_hash, registration_id)
       SELECT x.hash, r.id FROM unnest($1::text[], $2::uuid[]) AS x(hash, rid) JOIN registrations r ON r.id = x.rid
        WHERE r.manage_revoked_at IS NULL AND r.erased_at IS NULL AND r.status IN ('pending', 'confirmed', 'waitlisted')
       RETURNING registration_id`,
      [pairs.map((p) => p.tokenHash), pairs.map((p) => p.registrationId)],
    );
    return new Set(rows.map((r) => r.registration_id));
  }

  // ── reminders ─────────────────────────────────────────────────────────────────────────────

  /**
   * Published dialogues that start within `daysBefore` days (and have not started) whose
   * reminder round for their current start time has not run, soonest first.
   */
  dialoguesDueForReminders(daysBefore: number, limit: number): Promise<{ id: string; startsAt: Date }[]> {
    return this.q(
      undefined,
      `SELECT d.id, d.starts_at AS "startsAt" FROM dialogues d
        WHERE d.status IN ('published', 'registration_closed') AND d.starts_at > now()
          AND d.starts_at <= now() + make_interval(days => $1)
          AND NOT EXISTS (SELECT 1 FROM reminder_rounds rr WHERE rr.dialogue_id = d.id AND rr.starts_at = d.starts_at)
        ORDER BY d.starts_at LIMIT $2`,
      [daysBefore, limit],
    );
  }

  /** Confirmed participants of a dialogue after an arrival number, in arrival order. */
  confirmedAfter(m: EntityManager, dialogueId: string, afterArrival: string, limit: number) {
    return this.q<ParticipantContact & { arrival: string }>(
      m,
      `SELECT r.id, r.email, r.title, r.first_name AS "firstName", r.last_name AS "lastName",
              r.preferred_language AS "preferredLanguage", r.arrival
         FROM registrations r
        WHERE r.dialogue_id = $1 AND r.status = 'confirmed' AND r.erased_at IS NULL AND r.email_confirmed_at IS NOT NULL
          AND r.arrival > $2
        ORDER BY r.arrival LIMIT $3`,
      [dialogueId, afterArrival, limit],
    );
  }

  /** Records a dialogue's reminder round for a start time as done (a second record is ignored). */
  async recordReminderRound(m: EntityManager, dialogueId: string, startsAt: Date, reminders: number): Promise<void> {
    await this.q(
      m,
      `INSERT INTO reminder_rounds (dialogue_id, starts_at, reminders) VALUES ($1, $2, $3)
       ON CONFLICT (dialogue_id, starts_at) DO NOTHING`,
      [dialogueId, startsAt, reminders],
    );
  }

  /** Current status of each registration, in one query. */
  async statusesOf(m: EntityManager, ids: string[]): Promise<Map<string, RegistrationStatus>> {
    const rows = await this.q<{ id: string; status: RegistrationStatus }>(
      m,
      'SELECT id, status FROM registrations WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  /** The manage link was used: the address is the registrant's (first use only; later calls change nothing). */
  async confirmEmail(id: string): Promise<void> {
    await this.q(
      undefined,
      'UPDATE registrations SET email_confirmed_at = now() WHERE id = $1 AND email_confirmed_at IS NULL',
      [id],
    );
  }

  /**
   * The registration a manage-token hash opens: its first token (registrations before tokens were
   * minted at send time) or any further one, while its links are not revoked (cancelled through
   * the link, erased).
   */
  async byTokenHash(tokenHash: string): Promise<RegistrationRow | null> {
    const [row] = await this.q<RegistrationRow>(
      undefined,
      `SELECT ${REG_COLUMNS} FROM registrations r
        WHERE (r.manage_token_hash = $1
               OR r.id = (SELECT t.registration_id FROM registration_manage_tokens t WHERE t.token_hash = $1))
          AND r.manage_revoked_at IS NULL AND r.erased_at IS NULL`,
      [tokenHash],
    );
    return row ?? null;
  }

  async spacesOf(
    m: EntityManager | undefined,
    registrationIds: string[],
  ): Promise<Map<string, RegistrationSpaceRow[]>> {
    const out = new Map<string, RegistrationSpaceRow[]>();
    if (!registrationIds.length) return out;
    const rows = await this.q<RegistrationSpaceRow>(
      m,
      `SELECT rs.registration_id AS "registrationId", rs.space_id AS "spaceId", rs.status, rs.arrival, s.name
         FROM registration_spaces rs JOIN spaces s ON s.id = rs.space_id
        WHERE rs.registration_id = ANY($1::uuid[]) ORDER BY s.name, rs.space_id`,
      [registrationIds],
    );
    for (const row of rows) {
      const list = out.get(row.registrationId) ?? [];
      list.push(row);
      out.set(row.registrationId, list);
    }
    return out;
  }

  private where(f: Omit<RegistrationFilter, 'skip' | 'take'>): { sql: string; params: unknown[] } {
    const params: unknown[] = [f.dialogueId];
    const parts = ['r.dialogue_id = $1'];
    if (f.status) parts.push(`r.status = $${params.push(f.status)}`);
    if (f.stakeholderGroup) parts.push(`r.stakeholder_group = $${params.push(f.stakeholderGroup)}`);
    if (f.spaceId) {
      parts.push(
        `EXISTS (SELECT 1 FROM registration_spaces x WHERE x.registration_id = r.id AND x.space_id = $${params.push(f.spaceId)})`,
      );
    }
    if (f.onlySpaceIds) {
      parts.push(
        `EXISTS (SELECT 1 FROM registration_spaces y WHERE y.registration_id = r.id AND y.space_id = ANY($${params.push(f.onlySpaceIds)}::uuid[]))`,
      );
    }
    if (f.q) {
      const p = `$${params.push(likePattern(f.q))}`;
      parts.push(
        `(r.email_normalized ILIKE ${p} OR r.first_name ILIKE ${p} OR r.last_name ILIKE ${p} OR r.organization ILIKE ${p}
          OR (r.first_name || ' ' || r.last_name) ILIKE ${p})`,
      );
    }
    return { sql: parts.join(' AND '), params };
  }

  async list(f: RegistrationFilter): Promise<[RegistrationRow[], number]> {
    const { sql, params } = this.where(f);
    const [rows, [{ n }]] = await Promise.all([
      this.q<RegistrationRow>(
        undefined,
        `SELECT ${REG_COLUMNS} FROM registrations r WHERE ${sql} ORDER BY r.arrival LIMIT ${Number(f.take)} OFFSET ${Number(f.skip)}`,
        params,
      ),
      this.q<{ n: number }>(undefined, `SELECT count(*)::int AS n FROM registrations r WHERE ${sql}`, params),
    ]);
    return [rows, n];
  }

  async stats(
    dialogueId: string,
    onlySpaceIds?: string[],
  ): Promise<{
    byStatusGroup: { status: RegistrationStatus; g: StakeholderGroup; n: number }[];
    bySpace: { spaceId: string; status: RegistrationStatus; n: number }[];
  }> {
    const filter = onlySpaceIds
      ? 'AND EXISTS (SELECT 1 FROM registration_spaces y WHERE y.registration_id = r.id AND y.space_id = ANY($2::uuid[]))'
      : '';
    const params = onlySpaceIds ? [dialogueId, onlySpaceIds] : [dialogueId];
    const [byStatusGroup, bySpace] = await Promise.all([
      this.q<{ status: RegistrationStatus; g: StakeholderGroup; n: number }>(
        undefined,
        `SELECT r.status, r.stakeholder_group AS g, count(*)::int AS n FROM registrations r
          WHERE r.dialogue_id = $1 ${filter} GROUP BY 1, 2`,
        params,
      ),
      this.q<{ spaceId: string; status: RegistrationStatus; n: number }>(
        undefined,
        `SELECT rs.space_id AS "spaceId", rs.status, count(*)::int AS n FROM registration_spaces rs
          WHERE rs.dialogue_id = $1 ${onlySpaceIds ? 'AND rs.space_id = ANY($2::uuid[])' : ''} GROUP BY 1, 2`,
        params,
      ),
    ]);
    return { byStatusGroup, bySpace };
  }

  async updateDetails(m: EntityManager, id: string, patch: Partial<Record<string, string | null>>): Promise<void> {
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
    await this.q(m, `UPDATE registrations SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
  }

  /** Sets the check-in time once; answers the registration's check-in time. */
  async checkIn(id: string): Promise<void> {
    await this.q(
      undefined,
      `UPDATE registrations SET checked_in_at = COALESCE(checked_in_at, now()), updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  // ── participants (export and erasure) ─────────────────────────────────────────────────────

  byEmail(m: EntityManager | undefined, emailNormalized: string): Promise<RegistrationRow[]> {
    return this.q<RegistrationRow>(
      m,
      `SELECT ${REG_COLUMNS} FROM registrations r WHERE r.email_normalized = $1 ORDER BY r.created_at`,
      [emailNormalized],
    );
  }

  dialogueTitles(ids: string[]): Promise<{ id: string; title: string }[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.q(undefined, 'SELECT id, title FROM dialogues WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** Replaces a person's data in their registrations by placeholders. */
  async anonymise(m: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.q(
      m,
      `UPDATE registrations SET
         email = 'erased-' || id || '@invalid', email_normalized = 'erased-' || id || '@invalid',
         title = NULL, first_name = 'Erased', last_name = 'Erased', organization = 'Erased', job_title = NULL,
         country = 'ZZ', accessibility_needs = NULL, consent_at = NULL, manage_token_hash = NULL, manage_revoked_at = now(),
         erased_at = now(), updated_at = now()
       WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    await this.q(m, 'DELETE FROM registration_manage_tokens WHERE registration_id = ANY($1::uuid[])', [ids]);
  }
}
