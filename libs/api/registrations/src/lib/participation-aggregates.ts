import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RegistrationStatus, StakeholderGroup } from '@gfmd/contracts';
import { normalizeEmail } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { sql } from './registration.rows';

/**
 * The key of an organization, the same for "Migrant Forum Asia", "MIGRANT FORUM ASIA." and
 * "Migrant  Forum (Asia)": accents, case, punctuation and spacing ignored, then SHA-256, so the
 * keys retention keeps (RetainedCounts.organizationKeys) name no organization. `%s` is the column.
 */
export const ORGANIZATION_KEY_SQL = `encode(sha256(convert_to(
  btrim(regexp_replace(lower(gfmd_unaccent(%s)), '[^[:alnum:]]+', ' ', 'g')), 'UTF8')), 'hex')`;

export const organizationKey = (column: string) => ORGANIZATION_KEY_SQL.replace('%s', column);

/** Confirmed participants of a dialogue in one stakeholder group and country (`ZZ`: erased one by one). */
export interface BalanceCell {
  dialogueId: string;
  stakeholderGroup: StakeholderGroup;
  country: string;
  confirmed: number;
  checkedIn: number;
}

/** A person's registration as the participation history shows it (no other personal field). */
export interface ParticipationRecord {
  dialogueId: string;
  status: RegistrationStatus;
  stakeholderGroup: StakeholderGroup;
  checkedIn: boolean;
  registeredAt: Date;
}

/**
 * The port through which reports (libs/api/reports) read registrations: aggregates computed in
 * SQL (GROUP BY), never rows of people, and one person's history by address. Registrations own
 * `registrations`; nobody else queries it.
 */
@Injectable()
export class ParticipationAggregates {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Confirmed (and checked-in) participants of these dialogues by dialogue, group and country. */
  async balance(dialogueIds: string[]): Promise<BalanceCell[]> {
    if (!dialogueIds.length) return [];
    return sql<BalanceCell>(
      this.dataSource,
      `SELECT dialogue_id AS "dialogueId", stakeholder_group AS "stakeholderGroup",
              CASE WHEN erased_at IS NULL THEN country ELSE 'ZZ' END AS country,
              count(*)::int AS confirmed, count(checked_in_at)::int AS "checkedIn"
         FROM registrations
        WHERE dialogue_id = ANY($1::uuid[]) AND status = 'confirmed'
        GROUP BY 1, 2, 3`,
      [dialogueIds],
    );
  }

  /** The distinct organization keys (ORGANIZATION_KEY_SQL) with a confirmed participant, per dialogue. */
  async organizations(dialogueIds: string[]): Promise<Map<string, string[]>> {
    if (!dialogueIds.length) return new Map();
    const rows = await sql<{ dialogueId: string; keys: string[] }>(
      this.dataSource,
      `SELECT dialogue_id AS "dialogueId", array_agg(DISTINCT ${organizationKey('organization')}) AS keys
         FROM registrations
        WHERE dialogue_id = ANY($1::uuid[]) AND status = 'confirmed' AND erased_at IS NULL
          AND btrim(regexp_replace(organization, '[^[:alnum:]]+', '', 'g')) <> ''
        GROUP BY 1`,
      [dialogueIds],
    );
    return new Map(rows.map((r) => [r.dialogueId, r.keys]));
  }

  /** Every registration of this address (compared as registration does), not erased, oldest first. */
  history(email: string): Promise<ParticipationRecord[]> {
    return sql<ParticipationRecord>(
      this.dataSource,
      `SELECT dialogue_id AS "dialogueId", status, stakeholder_group AS "stakeholderGroup",
              checked_in_at IS NOT NULL AS "checkedIn", created_at AS "registeredAt"
         FROM registrations WHERE email_normalized = $1 AND erased_at IS NULL ORDER BY created_at`,
      [normalizeEmail(email)],
    );
  }
}
