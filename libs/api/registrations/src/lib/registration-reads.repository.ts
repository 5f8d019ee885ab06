import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RegistrationStatus, StakeholderGroup } from '@gfmd/contracts';
import { cappedCount, rowsByCallback, type CappedCount } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { byName } from '@gfmd/api-platform';
import {
  CONTACT_COLUMNS,
  ParticipantContact,
  REG_COLUMNS,
  RegistrationFilter,
  RegistrationRow,
  RegistrationSpaceRow,
  sql,
} from './registration.rows';
import { organizationKey } from './participation-aggregates';
import { RegistrationView, toRegistration } from './registration.mapper';
import { CountRow, RegistrationCountsRepository } from './registration-counts.repository';
import type { CsvRow } from './registrations-csv.util';

/**
 * What the free-text filter searches: the address, the name (first then last) and the
 * organization, in one expression — the one registrations_search_trgm_idx indexes (migration
 * 1765400000501), character for character, or the index is not used.
 */
export const REGISTRATION_SEARCH_TEXT = `(r.email_normalized || ' ' || r.first_name || ' ' || r.last_name || ' ' || r.organization)`;

/** Escapes LIKE wildcards in user text. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Reads of `registrations` and `registration_spaces`: by id, email, lists with filters, stats,
 * and the views staff and participants see. In the transaction of the async context, if any.
 */
@Injectable()
export class RegistrationReadsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly counts: RegistrationCountsRepository,
  ) {}

  async byId(id: string): Promise<RegistrationRow | null> {
    const [row] = await sql<RegistrationRow>(
      this.dataSource,
      `SELECT ${REG_COLUMNS} FROM registrations r WHERE r.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** A dialogue's registrations (not erased) whose id lies in [from, to]: the desk codes' lookup, on the primary key. */
  byIdRange(dialogueId: string, from: string, to: string): Promise<RegistrationRow[]> {
    return sql<RegistrationRow>(
      this.dataSource,
      `SELECT ${REG_COLUMNS} FROM registrations r
        WHERE r.id BETWEEN $2::uuid AND $3::uuid AND r.dialogue_id = $1 AND r.erased_at IS NULL LIMIT 20`,
      [dialogueId, from, to],
    );
  }

  byEmail(emailNormalized: string): Promise<RegistrationRow[]> {
    return sql<RegistrationRow>(
      this.dataSource,
      `SELECT ${REG_COLUMNS} FROM registrations r WHERE r.email_normalized = $1 ORDER BY r.created_at`,
      [emailNormalized],
    );
  }

  /**
   * The place of a waitlisted registration in its dialogue's waiting list (1 = next to be
   * promoted), or null when it is not waitlisted. One count on the (dialogue_id, status, arrival)
   * index: the waitlisted registrations that arrived no later than this one (of a hybrid
   * dialogue: in the waiting list of the registration's attendance mode).
   */
  async waitlistPosition(id: string): Promise<number | null> {
    const [row] = await sql<{ position: number | null }>(
      this.dataSource,
      `SELECT (SELECT count(*)::int FROM registrations w
                WHERE w.dialogue_id = r.dialogue_id AND w.status = 'waitlisted' AND w.arrival <= r.arrival
                  AND w.attendance IS NOT DISTINCT FROM r.attendance) AS position
         FROM registrations r WHERE r.id = $1 AND r.status = 'waitlisted'`,
      [id],
    );
    return row?.position ?? null;
  }

  activeInDialogue(dialogueId: string): Promise<RegistrationRow[]> {
    return sql<RegistrationRow>(
      this.dataSource,
      `SELECT ${REG_COLUMNS} FROM registrations r
        WHERE r.dialogue_id = $1 AND r.status IN ('pending','confirmed','waitlisted') ORDER BY r.arrival`,
      [dialogueId],
    );
  }

  /** Confirmed participants of a space, with whether their address is confirmed (only those are mailed). */
  confirmedInSpace(spaceId: string): Promise<(ParticipantContact & { emailConfirmed: boolean })[]> {
    return sql(
      this.dataSource,
      `SELECT ${CONTACT_COLUMNS}, r.email_confirmed_at IS NOT NULL AS "emailConfirmed"
         FROM registration_spaces rs JOIN registrations r ON r.id = rs.registration_id
        WHERE rs.space_id = $1 AND rs.status = 'confirmed' AND r.status = 'confirmed' AND r.erased_at IS NULL
        ORDER BY r.arrival`,
      [spaceId],
    );
  }

  /** The seat requests of registrations (with their space's name), by registration. */
  async spacesOf(registrationIds: string[]): Promise<Map<string, RegistrationSpaceRow[]>> {
    const out = new Map<string, RegistrationSpaceRow[]>();
    if (!registrationIds.length) return out;
    // The space names come from the spaces domain's table (owned by api-spaces), joined for display.
    const rows = await sql<RegistrationSpaceRow>(
      this.dataSource,
      `SELECT rs.registration_id AS "registrationId", rs.space_id AS "spaceId", rs.status, rs.arrival, s.name, s.translations
         FROM registration_spaces rs JOIN spaces s ON s.id = rs.space_id
        WHERE rs.registration_id = ANY($1::uuid[]) ORDER BY ${byName('s.name')}, rs.space_id`,
      [registrationIds],
    );
    for (const row of rows) {
      const list = out.get(row.registrationId) ?? [];
      list.push(row);
      out.set(row.registrationId, list);
    }
    return out;
  }

  /** The seat requests of one registration. */
  async spacesOfOne(registrationId: string): Promise<RegistrationSpaceRow[]> {
    return (await this.spacesOf([registrationId])).get(registrationId) ?? [];
  }

  /** Registrations as their API views; with `onlySpaceIds`, showing only the seat requests in those spaces. */
  async views(rows: RegistrationRow[], onlySpaceIds?: string[]): Promise<RegistrationView[]> {
    const spaces = await this.spacesOf(rows.map((r) => r.id));
    const holdIds = [...new Set(rows.flatMap((r) => (r.holdId ? [r.holdId] : [])))];
    const labels = new Map(
      holdIds.length
        ? (
            await sql<{ id: string; label: string }>(
              this.dataSource,
              'SELECT id, label FROM seat_holds WHERE id = ANY($1::uuid[])',
              [holdIds],
            )
          ).map((h) => [h.id, h.label])
        : [],
    );
    return rows.map((r) =>
      toRegistration(
        r,
        (spaces.get(r.id) ?? []).filter((s) => !onlySpaceIds || onlySpaceIds.includes(s.spaceId)),
        labels,
      ),
    );
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
    if (f.awaiting) {
      // A seat request pending in a space the caller may decide on (`spaceId`, else the coordinator's spaces).
      const spaces = f.spaceId ? [f.spaceId] : f.onlySpaceIds;
      const inSpaces = spaces ? ` AND z.space_id = ANY($${params.push(spaces)}::uuid[])` : '';
      const spacePending = `(r.status = 'confirmed' AND EXISTS (SELECT 1 FROM registration_spaces z
          WHERE z.registration_id = r.id AND z.status = 'pending'${inSpaces}))`;
      parts.push(f.awaiting === 'space' ? spacePending : `(r.status = 'pending' OR ${spacePending})`);
    }
    if (f.q) {
      const p = `$${params.push(likePattern(f.q))}`;
      // One text of the searched fields, indexed by trigrams (registrations_search_trgm_idx): a
      // word inside a name, an address or an organization is found without reading the dialogue.
      parts.push(`${REGISTRATION_SEARCH_TEXT} ILIKE ${p}`);
    }
    if (f.answer) {
      const k = `$${params.push(f.answer.key)}`;
      const v = `$${params.push(f.answer.value)}`;
      parts.push(
        `((jsonb_typeof(r.answers -> ${k}) IN ('string', 'boolean') AND r.answers ->> ${k} = ${v})
          OR (jsonb_typeof(r.answers -> ${k}) = 'array' AND r.answers -> ${k} @> jsonb_build_array(${v}::text)))`,
      );
    }
    return { sql: parts.join(' AND '), params };
  }

  /**
   * How many active registrations (pending, confirmed, waitlisted) gave each value to each of
   * `keys` (choice and checkbox questions): `{key: {value: n}}`, a multiple choice counting each
   * option chosen.
   */
  async answerCounts(dialogueId: string, keys: string[]): Promise<Record<string, Record<string, number>>> {
    if (!keys.length) return {};
    const rows = await sql<{ key: string; value: string; n: number }>(
      this.dataSource,
      `SELECT e.key, v.value, count(*)::int AS n
         FROM registrations r
         CROSS JOIN LATERAL jsonb_each(r.answers) e
         CROSS JOIN LATERAL (
           SELECT x AS value FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(e.value) = 'array' THEN e.value ELSE '[]'::jsonb END) x
           UNION ALL SELECT e.value #>> '{}' WHERE jsonb_typeof(e.value) IN ('string', 'boolean')
         ) v
        WHERE r.dialogue_id = $1 AND r.status IN ('pending', 'confirmed', 'waitlisted') AND e.key = ANY($2::text[])
        GROUP BY 1, 2`,
      [dialogueId, keys],
    );
    const out: Record<string, Record<string, number>> = {};
    for (const r of rows) (out[r.key] ??= {})[r.value] = r.n;
    return out;
  }

  /**
   * A page of the filtered registrations in arrival order and their capped count (exact up to
   * COUNT_CAP, else the planner's estimate). With `afterArrival` (a keyset cursor) the page is the
   * rows after it, read from the (dialogue_id, arrival) index however deep; with `beforeArrival`
   * the rows just before it (read backwards on the same index, answered in arrival order); else
   * OFFSET `skip`.
   */
  async list(
    f: RegistrationFilter & { afterArrival?: string; beforeArrival?: string },
  ): Promise<{ rows: RegistrationRow[] } & CappedCount> {
    const where = this.where(f);
    const params = [...where.params];
    let keyset = '';
    if (f.afterArrival !== undefined) keyset = ` AND r.arrival > $${params.push(f.afterArrival)}`;
    else if (f.beforeArrival !== undefined) keyset = ` AND r.arrival < $${params.push(f.beforeArrival)}`;
    const backwards = f.afterArrival === undefined && f.beforeArrival !== undefined;
    const offset = keyset ? '' : ` OFFSET ${Number(f.skip)}`;
    const [rows, count] = await Promise.all([
      sql<RegistrationRow>(
        this.dataSource,
        `SELECT ${REG_COLUMNS} FROM registrations r WHERE ${where.sql}${keyset}
          ORDER BY r.arrival${backwards ? ' DESC' : ''} LIMIT ${Number(f.take)}${offset}`,
        params,
      ),
      cappedCount(
        (text, p) => sql<Record<string, unknown>>(this.dataSource, text, p),
        `FROM registrations r WHERE ${where.sql}`,
        where.params,
      ),
    ]);
    return { rows: backwards ? rows.reverse() : rows, ...count };
  }

  /**
   * A keyset page of the CSV export (`after` an arrival, `take` rows): just the export's columns,
   * times already ISO-8601 text (as Date.toISOString writes them), no answers and no seat
   * requests as null (not an empty object or array to parse per row), the seat requests (in the
   * caller's spaces when `onlySpaceIds`) and the delegation's label in the same statement — one
   * statement a page and no view objects, so a 100,000-row export makes little garbage.
   */
  csvPage(
    f: Omit<RegistrationFilter, 'skip' | 'take'>,
    afterArrival: string | null,
    take: number,
  ): Promise<(CsvRow & { arrival: string })[]> {
    const where = this.where(f);
    const after = afterArrival === null ? '' : ` AND r.arrival > $${where.params.push(afterArrival)}`;
    const inScope = f.onlySpaceIds ? ` AND rs.space_id = ANY($${where.params.push(f.onlySpaceIds)}::uuid[])` : '';
    const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    return rowsByCallback(
      this.dataSource,
      `SELECT r.id, r.arrival, r.status, r.email, r.title, r.first_name AS "firstName", r.last_name AS "lastName",
              r.organization, r.job_title AS "jobTitle", r.stakeholder_group AS "stakeholderGroup", r.country,
              r.preferred_language AS "preferredLanguage", r.accessibility_needs AS "accessibilityNeeds",
              r.invitation_id IS NOT NULL AS invited, ${iso('r.checked_in_at')} AS "checkedInAt",
              ${iso('r.created_at')} AS "createdAt", r.attendance, NULLIF(r.answers, '{}'::jsonb) AS answers,
              CASE WHEN r.hold_id IS NOT NULL THEN json_build_object('name',
                coalesce((SELECT h.label FROM seat_holds h WHERE h.id = r.hold_id), '')) END AS delegation,
              (SELECT json_agg(json_build_object('name', s.name, 'status', rs.status)
                                ORDER BY ${byName('s.name')}, rs.space_id)
                 FROM registration_spaces rs JOIN spaces s ON s.id = rs.space_id
                WHERE rs.registration_id = r.id${inScope}) AS spaces
         FROM registrations r WHERE ${where.sql}${after} ORDER BY r.arrival LIMIT ${Number(take)}`,
      where.params,
    );
  }

  async stats(
    dialogueId: string,
    onlySpaceIds?: string[],
  ): Promise<{
    byStatusGroup: CountRow[];
    bySpace: { spaceId: string; status: RegistrationStatus; n: number }[];
    awaitingBySpace: { spaceId: string; n: number }[];
  }> {
    const filter = onlySpaceIds
      ? 'AND EXISTS (SELECT 1 FROM registration_spaces y WHERE y.registration_id = r.id AND y.space_id = ANY($2::uuid[]))'
      : '';
    const params = onlySpaceIds ? [dialogueId, onlySpaceIds] : [dialogueId];
    const inScope = onlySpaceIds ? 'AND rs.space_id = ANY($2::uuid[])' : '';
    const [byStatusGroup, bySpace, awaitingBySpace] = await Promise.all([
      // The whole dialogue: its counters; a coordinator's spaces: counted from their registrations.
      onlySpaceIds
        ? sql<CountRow>(
            this.dataSource,
            `SELECT r.status, r.stakeholder_group AS g, r.attendance AS a, count(*)::int AS n FROM registrations r
              WHERE r.dialogue_id = $1 ${filter} GROUP BY 1, 2, 3`,
            params,
          )
        : this.counts.read(dialogueId),
      sql<{ spaceId: string; status: RegistrationStatus; n: number }>(
        this.dataSource,
        `SELECT rs.space_id AS "spaceId", rs.status, count(*)::int AS n FROM registration_spaces rs
          WHERE rs.dialogue_id = $1 ${inScope} GROUP BY 1, 2`,
        params,
      ),
      // Seat requests a space's coordinator can approve now (the registration itself holds its dialogue seat).
      sql<{ spaceId: string; n: number }>(
        this.dataSource,
        `SELECT rs.space_id AS "spaceId", count(*)::int AS n
           FROM registration_spaces rs JOIN registrations r ON r.id = rs.registration_id
          WHERE rs.dialogue_id = $1 AND rs.status = 'pending' AND r.status = 'confirmed' ${inScope} GROUP BY 1`,
        params,
      ),
    ]);
    return { byStatusGroup, bySpace, awaitingBySpace };
  }

  /**
   * Confirmed registrations of a dialogue for badges, in arrival order after `afterArrival`
   * (keyset pages, so a batch of thousands streams in constant memory). Read through pg's callback
   * form (`rowsByCallback`), as the CSV export's pages: through the promise form V8 promoted every
   * row of a page to the old generation (docs/performance.md, "Session 11").
   */
  badgePage(
    f: {
      dialogueId: string;
      status?: RegistrationStatus;
      stakeholderGroup?: StakeholderGroup;
      spaceId?: string;
      onlySpaceIds?: string[];
    },
    afterArrival: string | null,
    take: number,
  ): Promise<RegistrationRow[]> {
    const where = this.where(f);
    const after = afterArrival === null ? '' : ` AND r.arrival > $${where.params.push(afterArrival)}`;
    return rowsByCallback<RegistrationRow>(
      this.dataSource,
      `SELECT ${REG_COLUMNS} FROM registrations r WHERE ${where.sql} AND r.erased_at IS NULL${after}
        ORDER BY r.arrival LIMIT ${Number(take)}`,
      where.params,
    );
  }

  /** Door search by name or organization: at most `take` registrations of a dialogue (coordinators: their spaces). */
  async search(dialogueId: string, q: string, onlySpaceIds: string[] | undefined, take: number) {
    const where = this.where({ dialogueId, q, onlySpaceIds });
    return sql<RegistrationRow>(
      this.dataSource,
      `SELECT ${REG_COLUMNS} FROM registrations r WHERE ${where.sql} AND r.erased_at IS NULL
        ORDER BY ${byName('r.last_name')}, ${byName('r.first_name')} LIMIT ${Number(take)}`,
      where.params,
    );
  }

  /** Confirmed registrations and how many have arrived, by stakeholder group and by confirmed space seat. */
  async attendance(dialogueId: string, onlySpaceIds?: string[]) {
    const filter = onlySpaceIds
      ? 'AND EXISTS (SELECT 1 FROM registration_spaces y WHERE y.registration_id = r.id AND y.space_id = ANY($2::uuid[]))'
      : '';
    const inScope = onlySpaceIds ? 'AND rs.space_id = ANY($2::uuid[])' : '';
    const params = onlySpaceIds ? [dialogueId, onlySpaceIds] : [dialogueId];
    const [byGroup, bySpace] = await Promise.all([
      sql<{ g: StakeholderGroup; expected: number; arrived: number }>(
        this.dataSource,
        `SELECT r.stakeholder_group AS g, count(*)::int AS expected, count(r.checked_in_at)::int AS arrived
           FROM registrations r WHERE r.dialogue_id = $1 AND r.status = 'confirmed' ${filter} GROUP BY 1`,
        params,
      ),
      sql<{ spaceId: string; name: string; expected: number; arrived: number }>(
        this.dataSource,
        `SELECT rs.space_id AS "spaceId", s.name, count(*)::int AS expected, count(r.checked_in_at)::int AS arrived
           FROM registration_spaces rs JOIN registrations r ON r.id = rs.registration_id JOIN spaces s ON s.id = rs.space_id
          WHERE rs.dialogue_id = $1 AND rs.status = 'confirmed' AND r.status = 'confirmed' ${inScope}
          GROUP BY 1, 2 ORDER BY 2`,
        params,
      ),
    ]);
    return { byGroup, bySpace };
  }

  /**
   * Retention: what is kept of a dialogue's registrations once its people are erased — counts by
   * stakeholder group, country, status and space (with check-ins), and their ids.
   */
  async retentionCounts(dialogueId: string): Promise<{ ids: string[]; counts: RetainedCounts }> {
    const rows = await sql<{ id: string; g: string; c: string; s: string; checked: boolean; erased: boolean }>(
      this.dataSource,
      `SELECT id, stakeholder_group AS g, country AS c, status AS s, checked_in_at IS NOT NULL AS checked, erased_at IS NOT NULL AS erased
         FROM registrations WHERE dialogue_id = $1`,
      [dialogueId],
    );
    const spaces = await sql<{ space_id: string; s: string; n: number }>(
      this.dataSource,
      `SELECT rs.space_id, rs.status AS s, count(*)::int AS n FROM registration_spaces rs
         JOIN registrations r ON r.id = rs.registration_id WHERE r.dialogue_id = $1 GROUP BY 1, 2`,
      [dialogueId],
    );
    const [orgs] = await sql<{ keys: string[] | null }>(
      this.dataSource,
      `SELECT array_agg(DISTINCT ${organizationKey('organization')}) AS keys FROM registrations
        WHERE dialogue_id = $1 AND status = 'confirmed' AND erased_at IS NULL
          AND btrim(regexp_replace(organization, '[^[:alnum:]]+', '', 'g')) <> ''`,
      [dialogueId],
    );
    const checkedInByCountry: Record<string, number> = {};
    const counts: RetainedCounts = {
      total: rows.length,
      byStatus: {},
      byGroup: {},
      byCountry: {},
      checkedIn: {},
      checkedInByCountry,
      bySpace: {},
      organizationKeys: orgs?.keys ?? [],
    };
    const add = (m: Record<string, number>, k: string, n = 1) => (m[k] = (m[k] ?? 0) + n);
    for (const r of rows) {
      add(counts.byStatus, r.s);
      (counts.byGroup[r.g] ??= {})[r.s] = (counts.byGroup[r.g][r.s] ?? 0) + 1;
      // Erased earlier one by one: their country is gone already.
      if (r.s === 'confirmed') add(counts.byCountry, r.erased ? 'unknown' : r.c);
      if (r.checked) add(counts.checkedIn, r.g);
      if (r.checked && r.s === 'confirmed') add(checkedInByCountry, r.erased ? 'unknown' : r.c);
    }
    for (const sp of spaces) (counts.bySpace[sp.space_id] ??= {})[sp.s] = sp.n;
    return { ids: rows.filter((r) => !r.erased).map((r) => r.id), counts };
  }
}

/** Aggregate counts of a dialogue's registrations (no personal data), kept after retention. */
export interface RetainedCounts {
  total: number;
  byStatus: Record<string, number>;
  /** stakeholder group → status → n */
  byGroup: Record<string, Record<string, number>>;
  /** country (ISO 3166-1 alpha-2) → confirmed participants */
  byCountry: Record<string, number>;
  /** stakeholder group → checked-in participants */
  checkedIn: Record<string, number>;
  /** country → checked-in confirmed participants (kept since reports; absent in older rows) */
  checkedInByCountry?: Record<string, number>;
  /**
   * SHA-256 keys of the normalised names of the organizations with a confirmed participant
   * (ORGANIZATION_KEY_SQL): no name is kept, yet reports still tell first-time from returning
   * organizations (absent in rows kept before reports).
   */
  organizationKeys?: string[];
  /** space id → seat status → n */
  bySpace: Record<string, Record<string, number>>;
}
