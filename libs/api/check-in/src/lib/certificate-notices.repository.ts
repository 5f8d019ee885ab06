import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sql } from './check-in.sql';

/** `certificate_notices` (this repository's alone): who has been told that their certificate is ready. */
@Injectable()
export class CertificateNoticesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Claims the notices of these registrations; answers those not claimed before (told once). */
  async claim(dialogueId: string, registrationIds: string[]): Promise<string[]> {
    if (!registrationIds.length) return [];
    const rows = await sql<{ id: string }>(
      this.dataSource,
      `INSERT INTO certificate_notices (registration_id, dialogue_id)
       SELECT unnest($1::uuid[]), $2 ON CONFLICT (registration_id) DO NOTHING RETURNING registration_id AS id`,
      [registrationIds, dialogueId],
    );
    return rows.map((r) => r.id);
  }
}
