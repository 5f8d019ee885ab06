import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REG_COLUMNS, RegistrationRow, sql } from './registration.rows';

/**
 * `registration_manage_tokens` (the hashes of manage links) and the revocation rule that decides
 * which registration a token opens. Only ManageLinks uses it.
 */
@Injectable()
export class ManageTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Adds manage-link token hashes (one per pair) to registrations whose links may still be given
   * (active, not revoked, not erased), in one statement; returns the registrations that got theirs.
   */
  async add(pairs: { registrationId: string; tokenHash: string }[]): Promise<Set<string>> {
    if (!pairs.length) return new Set();
    const rows = await sql<{ registration_id: string }>(
      this.dataSource,
      `INSERT INTO registration_manage_tokens (token_hash, registration_id)
       SELECT x.hash, r.id FROM unnest($1::text[], $2::uuid[]) AS x(hash, rid) JOIN registrations r ON r.id = x.rid
        WHERE r.manage_revoked_at IS NULL AND r.erased_at IS NULL AND r.status IN ('pending', 'confirmed', 'waitlisted')
       RETURNING registration_id`,
      [pairs.map((p) => p.tokenHash), pairs.map((p) => p.registrationId)],
    );
    return new Set(rows.map((r) => r.registration_id));
  }

  /**
   * The registration a manage-token hash opens: its first token (registrations before tokens were
   * minted at send time) or any further one, while its links are not revoked (cancelled through
   * the link, erased).
   */
  async registrationOf(tokenHash: string): Promise<RegistrationRow | null> {
    const [row] = await sql<RegistrationRow>(
      this.dataSource,
      `SELECT ${REG_COLUMNS} FROM registrations r
        WHERE (r.manage_token_hash = $1
               OR r.id = (SELECT t.registration_id FROM registration_manage_tokens t WHERE t.token_hash = $1))
          AND r.manage_revoked_at IS NULL AND r.erased_at IS NULL`,
      [tokenHash],
    );
    return row ?? null;
  }

  /** Deletes every token of the registrations (erasure). */
  async deleteFor(registrationIds: string[]): Promise<void> {
    if (!registrationIds.length) return;
    await sql(this.dataSource, 'DELETE FROM registration_manage_tokens WHERE registration_id = ANY($1::uuid[])', [
      registrationIds,
    ]);
  }
}
