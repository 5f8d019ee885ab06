import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sql } from './check-in.sql';

/** `check_in_codes` (this repository's alone): the current version of each registration's code. */
@Injectable()
export class CheckInCodesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The current versions (0 when never reissued). */
  async versions(registrationIds: string[]): Promise<Map<string, number>> {
    const rows = await sql<{ id: string; version: number }>(
      this.dataSource,
      `SELECT registration_id AS id, version FROM check_in_codes WHERE registration_id = ANY($1::uuid[])`,
      [registrationIds],
    );
    return new Map(registrationIds.map((id) => [id, rows.find((r) => r.id === id)?.version ?? 0]));
  }

  async version(registrationId: string): Promise<number> {
    return (await this.versions([registrationId])).get(registrationId) ?? 0;
  }

  /** Bumps the version (every older code stops working); answers the new one. */
  async bump(registrationId: string): Promise<number> {
    const [row] = await sql<{ version: number }>(
      this.dataSource,
      `INSERT INTO check_in_codes (registration_id, version) VALUES ($1, 1)
       ON CONFLICT (registration_id) DO UPDATE SET version = check_in_codes.version + 1, reissued_at = now()
       RETURNING version`,
      [registrationId],
    );
    return row.version;
  }
}
