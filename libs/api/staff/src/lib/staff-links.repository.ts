import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { currentManager } from '@gfmd/api-platform';
import type { DataSource } from 'typeorm';

export type StaffLinkPurpose = 'invitation' | 'reset';

export interface StaffLinkRecord {
  id: string;
  userId: string;
  purpose: StaffLinkPurpose;
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * `staff_password_links` (staff): the set-password links of staff invitations and password
 * resets. A row is written with its email; its token is minted when the email is sent and only
 * the token's sha256 is kept. Every statement runs in the current transaction.
 */
@Injectable()
export class StaffLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get m() {
    return currentManager(this.dataSource);
  }

  async create(userId: string, purpose: StaffLinkPurpose, expiresAt: Date): Promise<string> {
    const [row]: { id: string }[] = await this.m.query(
      `INSERT INTO staff_password_links (user_id, purpose, expires_at) VALUES ($1, $2, $3) RETURNING id`,
      [userId, purpose, expiresAt],
    );
    return row.id;
  }

  /** Whether the user has an open link of this purpose created after `since` (self-service throttle). */
  async hasRecent(userId: string, purpose: StaffLinkPurpose, since: Date): Promise<boolean> {
    const rows = await this.m.query(
      `SELECT 1 FROM staff_password_links WHERE user_id = $1 AND purpose = $2 AND created_at > $3 AND used_at IS NULL LIMIT 1`,
      [userId, purpose, since],
    );
    return rows.length > 0;
  }

  /**
   * Stores the hash of a freshly minted token on each link still usable (not used, not expired,
   * its user active), replacing an earlier one; answers the ids that got their hash.
   */
  async setTokenHashes(tokens: { id: string; tokenHash: string }[]): Promise<Set<string>> {
    if (!tokens.length) return new Set();
    // TypeORM answers an UPDATE … RETURNING as [rows, count].
    const [rows]: [{ id: string }[], number] = await this.m.query(
      `UPDATE staff_password_links l SET token_hash = t.hash
         FROM unnest($1::uuid[], $2::text[]) AS t(id, hash), users u
        WHERE l.id = t.id AND u.id = l.user_id AND u.active AND l.used_at IS NULL AND l.expires_at > now()
        RETURNING l.id`,
      [tokens.map((t) => t.id), tokens.map((t) => t.tokenHash)],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The link of a token hash (no lock). */
  async findByHash(tokenHash: string): Promise<StaffLinkRecord | null> {
    const rows: StaffLinkRecord[] = await this.m.query(
      `SELECT id, user_id AS "userId", purpose, expires_at AS "expiresAt", used_at AS "usedAt"
         FROM staff_password_links WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** The link of a token hash, locked for the rest of the transaction. */
  async lockByHash(tokenHash: string): Promise<StaffLinkRecord | null> {
    const rows: StaffLinkRecord[] = await this.m.query(
      `SELECT id, user_id AS "userId", purpose, expires_at AS "expiresAt", used_at AS "usedAt"
         FROM staff_password_links WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Marks every open link of the user used (one link sets the password; the others die with it). */
  async useAllOf(userId: string): Promise<void> {
    await this.m.query(`UPDATE staff_password_links SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
      userId,
    ]);
  }
}
