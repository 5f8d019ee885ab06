import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContributionStatus, Language, StakeholderGroup } from '@gfmd/contracts';
import { currentManager } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';

export interface ContributionRecord {
  id: string;
  dialogueId: string;
  title: string;
  text: string;
  organization: string | null;
  stakeholderGroup: StakeholderGroup;
  name: string | null;
  email: string | null;
  language: Language;
  consentToPublish: boolean;
  documentId: string | null;
  status: ContributionStatus;
  reason: string | null;
  submittedAt: Date;
  confirmedAt: Date | null;
  decidedAt: Date | null;
  decidedById: string | null;
  erasedAt: Date | null;
}

export type NewContribution = Pick<
  ContributionRecord,
  | 'dialogueId'
  | 'title'
  | 'text'
  | 'organization'
  | 'stakeholderGroup'
  | 'name'
  | 'email'
  | 'language'
  | 'consentToPublish'
  | 'documentId'
>;

const COLUMNS = `id, dialogue_id AS "dialogueId", title, text, organization, stakeholder_group AS "stakeholderGroup",
  name, email, language, consent_to_publish AS "consentToPublish", document_id AS "documentId", status, reason,
  submitted_at AS "submittedAt", confirmed_at AS "confirmedAt", decided_at AS "decidedAt",
  decided_by_id AS "decidedById", erased_at AS "erasedAt"`;

/** The only code that touches `contributions` and `contribution_windows`. */
@Injectable()
export class ContributionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get manager() {
    return currentManager(this.dataSource);
  }

  async closesAt(dialogueId: string): Promise<Date | null> {
    const rows: { closesAt: Date }[] = await this.manager.query(
      `SELECT closes_at AS "closesAt" FROM contribution_windows WHERE dialogue_id = $1`,
      [dialogueId],
    );
    return rows[0]?.closesAt ?? null;
  }

  async setClosesAt(dialogueId: string, closesAt: Date | null): Promise<void> {
    if (!closesAt) {
      await this.manager.query(`DELETE FROM contribution_windows WHERE dialogue_id = $1`, [dialogueId]);
      return;
    }
    await this.manager.query(
      `INSERT INTO contribution_windows (dialogue_id, closes_at) VALUES ($1, $2)
       ON CONFLICT (dialogue_id) DO UPDATE SET closes_at = EXCLUDED.closes_at`,
      [dialogueId, closesAt],
    );
  }

  async insert(c: NewContribution): Promise<ContributionRecord> {
    const rows: ContributionRecord[] = await this.manager.query(
      `INSERT INTO contributions (dialogue_id, title, text, organization, stakeholder_group, name, email, language,
         consent_to_publish, document_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [
        c.dialogueId,
        c.title,
        c.text,
        c.organization,
        c.stakeholderGroup,
        c.name,
        c.email,
        c.language,
        c.consentToPublish,
        c.documentId,
      ],
    );
    return rows[0];
  }

  async find(id: string): Promise<ContributionRecord | null> {
    const rows: ContributionRecord[] = await this.manager.query(`SELECT ${COLUMNS} FROM contributions WHERE id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  async lock(id: string): Promise<ContributionRecord | null> {
    const rows: ContributionRecord[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM contributions WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The accepted contributions among `ids` (of one dialogue when given). */
  acceptedAmong(ids: string[], dialogueId: string | null): Promise<ContributionRecord[]> {
    return this.manager.query(
      `SELECT ${COLUMNS} FROM contributions
        WHERE id = ANY($1::uuid[]) AND status = 'accepted' AND ($2::uuid IS NULL OR dialogue_id = $2)`,
      [ids, dialogueId],
    );
  }

  list(dialogueId: string, statuses: ContributionStatus[]): Promise<ContributionRecord[]> {
    return this.manager.query(
      `SELECT ${COLUMNS} FROM contributions WHERE dialogue_id = $1 AND status = ANY($2) ORDER BY submitted_at, id`,
      [dialogueId, statuses],
    );
  }

  /** Contributions from an address to a dialogue, and to the dialogue from anyone, since `since`. */
  async recentCounts(
    dialogueId: string,
    email: string,
    since: Date,
  ): Promise<{ byAddress: number; byDialogue: number }> {
    const rows: { byAddress: number; byDialogue: number }[] = await this.manager.query(
      `SELECT count(*) FILTER (WHERE lower(email) = $2)::int AS "byAddress", count(*)::int AS "byDialogue"
         FROM contributions WHERE dialogue_id = $1 AND submitted_at > $3`,
      [dialogueId, email, since],
    );
    return rows[0];
  }

  /** Stores the hashes of fresh confirmation tokens for contributions still unconfirmed; the ids that got one. */
  async setTokenHashes(pairs: { id: string; hash: string }[]): Promise<Set<string>> {
    if (!pairs.length) return new Set();
    const [rows]: [{ id: string }[], number] = await this.manager.query(
      `UPDATE contributions c SET confirm_token_hash = p.hash
         FROM unnest($1::uuid[], $2::text[]) AS p(id, hash)
        WHERE c.id = p.id AND c.status = 'unconfirmed' AND c.erased_at IS NULL
        RETURNING c.id`,
      [pairs.map((p) => p.id), pairs.map((p) => p.hash)],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Confirms the contribution a token hash names (once); null for an unknown or used token. */
  async confirmByTokenHash(hash: string): Promise<ContributionRecord | null> {
    const rows: [ContributionRecord[], number] = await this.manager.query(
      `UPDATE contributions SET status = 'submitted', confirmed_at = now(), confirm_token_hash = NULL
        WHERE confirm_token_hash = $1 AND status = 'unconfirmed' RETURNING ${COLUMNS}`,
      [hash],
    );
    return rows[0][0] ?? null;
  }

  async decide(id: string, status: 'accepted' | 'rejected', reason: string | null, userId: string): Promise<void> {
    await this.manager.query(
      `UPDATE contributions SET status = $2, reason = $3, decided_at = now(), decided_by_id = $4 WHERE id = $1`,
      [id, status, reason, userId],
    );
  }

  byEmail(email: string): Promise<ContributionRecord[]> {
    return this.manager.query(`SELECT ${COLUMNS} FROM contributions WHERE lower(email) = $1 ORDER BY submitted_at`, [
      email,
    ]);
  }

  /**
   * Erases an address: contributions kept (accepted with consent to publish) lose the person's
   * name and address, attributed to the organization; the others are deleted. Answers the
   * documents of deleted contributions (to delete too) and the count.
   */
  async erase(email: string): Promise<{ count: number; documentIds: string[] }> {
    const kept: [unknown[], number] = await this.manager.query(
      `UPDATE contributions SET name = NULL, email = NULL, confirm_token_hash = NULL, erased_at = now()
        WHERE lower(email) = $1 AND status = 'accepted' AND consent_to_publish RETURNING id`,
      [email],
    );
    const deleted: [{ documentId: string | null }[], number] = await this.manager.query(
      `DELETE FROM contributions WHERE lower(email) = $1 RETURNING document_id AS "documentId"`,
      [email],
    );
    return {
      count: kept[1] + deleted[1],
      documentIds: deleted[0].map((d) => d.documentId).filter((d): d is string => !!d),
    };
  }
}
