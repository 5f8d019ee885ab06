import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DelegateRole, Language, StakeholderGroup } from '@gfmd/contracts';
import { byName, currentManager } from '@gfmd/api-platform';
import type { DataSource } from 'typeorm';

export interface DelegationRow {
  id: string;
  dialogueId: string;
  name: string;
  stakeholderGroup: StakeholderGroup;
  country: string | null;
  focalPointEmail: string;
  focalPointLanguage: Language;
  linkRound: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewDelegation = Pick<
  DelegationRow,
  'id' | 'dialogueId' | 'name' | 'stakeholderGroup' | 'country' | 'focalPointEmail' | 'focalPointLanguage'
>;

const COLUMNS = `d.id, d.dialogue_id AS "dialogueId", d.name, d.stakeholder_group AS "stakeholderGroup",
  d.country, d.focal_point_email AS "focalPointEmail", d.focal_point_language AS "focalPointLanguage",
  d.link_round AS "linkRound", d.created_at AS "createdAt", d.updated_at AS "updatedAt"`;

/**
 * `delegations`, `delegation_tokens` (the hashes of focal points' links) and `delegation_members`
 * (each delegate's registration and role). The seats are the registrations domain's (SeatHolds).
 * Runs in the transaction of the async context, else autocommit.
 */
@Injectable()
export class DelegationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
    const result: unknown = await currentManager(this.dataSource).query(text, params);
    // UPDATE/DELETE answer [rows, count] with the postgres driver.
    if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
      return result[0] as T[];
    return result as T[];
  }

  async insert(d: NewDelegation): Promise<void> {
    await this.sql(
      `INSERT INTO delegations (id, dialogue_id, name, stakeholder_group, country, focal_point_email,
         focal_point_email_normalized, focal_point_language)
       VALUES ($1, $2, $3, $4, $5, $6, lower(trim($6)), $7)`,
      [d.id, d.dialogueId, d.name, d.stakeholderGroup, d.country, d.focalPointEmail, d.focalPointLanguage],
    );
  }

  async byId(id: string): Promise<DelegationRow | null> {
    const [row] = await this.sql<DelegationRow>(`SELECT ${COLUMNS} FROM delegations d WHERE d.id = $1`, [id]);
    return row ?? null;
  }

  byDialogue(dialogueId: string): Promise<DelegationRow[]> {
    return this.sql<DelegationRow>(
      // names in the reader's collation (docs/i18n.md, "Sorting names")
      `SELECT ${COLUMNS} FROM delegations d WHERE d.dialogue_id = $1 ORDER BY ${byName('d.name')}, d.id`,
      [dialogueId],
    );
  }

  /** Names among `names` already used by a delegation of the dialogue (case-insensitive). */
  async takenNames(dialogueId: string, names: string[]): Promise<Set<string>> {
    const rows = await this.sql<{ n: string }>(
      `SELECT lower(name) AS n FROM delegations WHERE dialogue_id = $1 AND lower(name) = ANY($2::text[])`,
      [dialogueId, names.map((n) => n.toLowerCase())],
    );
    return new Set(rows.map((r) => r.n));
  }

  /** Changes name, country or focal point; a new focal point starts a new link round (older links stop working). */
  async update(
    id: string,
    patch: { name?: string; country?: string | null; focalPointEmail?: string; focalPointLanguage?: Language },
    newRound: boolean,
  ): Promise<void> {
    await this.sql(
      `UPDATE delegations SET
         name = COALESCE($2, name),
         country = CASE WHEN $3::boolean THEN $4 ELSE country END,
         focal_point_email = COALESCE($5, focal_point_email),
         focal_point_email_normalized = COALESCE(lower(trim($5)), focal_point_email_normalized),
         focal_point_language = COALESCE($6, focal_point_language),
         link_round = link_round + CASE WHEN $7::boolean THEN 1 ELSE 0 END,
         updated_at = now()
       WHERE id = $1`,
      [
        id,
        patch.name ?? null,
        patch.country !== undefined,
        patch.country ?? null,
        patch.focalPointEmail ?? null,
        patch.focalPointLanguage ?? null,
        newRound,
      ],
    );
    if (newRound) await this.sql('DELETE FROM delegation_tokens WHERE delegation_id = $1', [id]);
  }

  /** Stores token hashes for delegations (their current link round); answers the ids that got theirs. */
  async addTokens(pairs: { delegationId: string; tokenHash: string }[]): Promise<Set<string>> {
    if (!pairs.length) return new Set();
    const rows = await this.sql<{ id: string }>(
      `INSERT INTO delegation_tokens (token_hash, delegation_id, link_round)
       SELECT x.hash, d.id, d.link_round FROM unnest($1::text[], $2::uuid[]) AS x(hash, did) JOIN delegations d ON d.id = x.did
       RETURNING delegation_id AS id`,
      [pairs.map((p) => p.tokenHash), pairs.map((p) => p.delegationId)],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The delegation a token hash opens (a token of its current link round), or null. */
  async byTokenHash(tokenHash: string): Promise<DelegationRow | null> {
    const [row] = await this.sql<DelegationRow>(
      `SELECT ${COLUMNS} FROM delegations d JOIN delegation_tokens t ON t.delegation_id = d.id AND t.link_round = d.link_round
        WHERE t.token_hash = $1`,
      [tokenHash],
    );
    return row ?? null;
  }

  async addMember(registrationId: string, delegationId: string, role: DelegateRole): Promise<void> {
    await this.sql(`INSERT INTO delegation_members (registration_id, delegation_id, role) VALUES ($1, $2, $3)`, [
      registrationId,
      delegationId,
      role,
    ]);
  }

  async roles(delegationId: string): Promise<Map<string, DelegateRole>> {
    const rows = await this.sql<{ id: string; role: DelegateRole }>(
      'SELECT registration_id AS id, role FROM delegation_members WHERE delegation_id = $1',
      [delegationId],
    );
    return new Map(rows.map((r) => [r.id, r.role]));
  }

  /** The role and delegation of each of these registrations that is a delegation member (badges). */
  async membershipsOf(registrationIds: string[]): Promise<{ id: string; role: DelegateRole; delegation: string }[]> {
    if (!registrationIds.length) return [];
    return this.sql(
      `SELECT m.registration_id AS id, m.role, d.name AS delegation
         FROM delegation_members m JOIN delegations d ON d.id = m.delegation_id
        WHERE m.registration_id = ANY($1::uuid[])`,
      [registrationIds],
    );
  }

  /** Delegations whose focal point is this address (data-subject export). */
  byFocalPoint(emailNormalized: string): Promise<DelegationRow[]> {
    return this.sql<DelegationRow>(
      `SELECT ${COLUMNS} FROM delegations d WHERE d.focal_point_email_normalized = $1 ORDER BY d.created_at`,
      [emailNormalized],
    );
  }

  /** Erasure: the address is replaced by a placeholder and the links stop working. Answers how many. */
  async eraseFocalPoint(emailNormalized: string): Promise<number> {
    const rows = await this.sql<{ id: string }>(
      `UPDATE delegations SET focal_point_email = 'erased-' || id || '@invalid',
         focal_point_email_normalized = 'erased-' || id || '@invalid', link_round = link_round + 1, updated_at = now()
       WHERE focal_point_email_normalized = $1 RETURNING id`,
      [emailNormalized],
    );
    if (rows.length)
      await this.sql('DELETE FROM delegation_tokens WHERE delegation_id = ANY($1::uuid[])', [rows.map((r) => r.id)]);
    return rows.length;
  }

  /** Retention: every focal point address of a dialogue's delegations is replaced and their links end. Answers how many. */
  async eraseFocalPointsOf(dialogueId: string): Promise<number> {
    const rows = await this.sql<{ id: string }>(
      `UPDATE delegations SET focal_point_email = 'erased-' || id || '@invalid',
         focal_point_email_normalized = 'erased-' || id || '@invalid', link_round = link_round + 1, updated_at = now()
       WHERE dialogue_id = $1 AND focal_point_email_normalized NOT LIKE 'erased-%' RETURNING id`,
      [dialogueId],
    );
    await this.sql(
      'DELETE FROM delegation_tokens t USING delegations d WHERE t.delegation_id = d.id AND d.dialogue_id = $1',
      [dialogueId],
    );
    return rows.length;
  }
}
