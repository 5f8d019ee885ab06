import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Language, RegistrationStatus } from '@gfmd/contracts';
import { DataSource } from 'typeorm';
import { sql } from './registration.rows';

/** A registration as other domains see it (the agenda): who, in which language, with which confirmed spaces. */
export interface ParticipantRecord {
  registrationId: string;
  dialogueId: string;
  status: RegistrationStatus;
  email: string;
  title: string | null;
  firstName: string;
  lastName: string;
  preferredLanguage: Language;
  confirmedSpaceIds: string[];
  /** The address is the registrant's (manage link used, or invited): only then is agenda mail sent. */
  emailConfirmed: boolean;
}

interface ParticipantRow {
  id: string;
  dialogue_id: string;
  status: RegistrationStatus;
  email: string;
  title: string | null;
  first_name: string;
  last_name: string;
  preferred_language: Language;
  space_ids: string[] | null;
  email_confirmed: boolean;
}

const PARTICIPANT_SQL = `
  SELECT r.id, r.dialogue_id, r.status, r.email, r.title, r.first_name, r.last_name, r.preferred_language,
         r.email_confirmed_at IS NOT NULL AS email_confirmed,
         COALESCE(array_agg(rs.space_id::text) FILTER (WHERE rs.status = 'confirmed'), '{}')::text[] AS space_ids
    FROM registrations r
    LEFT JOIN registration_spaces rs ON rs.registration_id = r.id
   WHERE r.erased_at IS NULL AND %WHERE%
   GROUP BY r.id
   ORDER BY r.arrival`;

const toParticipant = (r: ParticipantRow): ParticipantRecord => ({
  registrationId: r.id,
  dialogueId: r.dialogue_id,
  status: r.status,
  email: r.email,
  title: r.title,
  firstName: r.first_name,
  lastName: r.last_name,
  preferredLanguage: r.preferred_language,
  confirmedSpaceIds: r.space_ids ?? [],
  emailConfirmed: r.email_confirmed,
});

/**
 * The port through which other domains (the agenda: personal agendas, agenda mail) read
 * participants. Registrations own `registrations` and `registration_spaces`; nobody else
 * queries them. Reads run in the transaction of the async context, if any.
 */
@Injectable()
export class ParticipantDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Confirmed, not erased registrations of a dialogue, in arrival order. */
  async confirmedIn(dialogueId: string): Promise<ParticipantRecord[]> {
    const rows = await sql<ParticipantRow>(
      this.dataSource,
      PARTICIPANT_SQL.replace('%WHERE%', `r.dialogue_id = $1 AND r.status = 'confirmed'`),
      [dialogueId],
    );
    return rows.map(toParticipant);
  }

  /** Confirmed, not erased registrations of a dialogue that were checked in (the certificate notices). */
  async checkedInIn(dialogueId: string): Promise<ParticipantRecord[]> {
    const rows = await sql<ParticipantRow>(
      this.dataSource,
      PARTICIPANT_SQL.replace(
        '%WHERE%',
        `r.dialogue_id = $1 AND r.status = 'confirmed' AND r.checked_in_at IS NOT NULL`,
      ),
      [dialogueId],
    );
    return rows.map(toParticipant);
  }

  /** A registration as a participant, whatever its status, or null (unknown, erased). */
  async byId(registrationId: string): Promise<ParticipantRecord | null> {
    const [row] = await sql<ParticipantRow>(this.dataSource, PARTICIPANT_SQL.replace('%WHERE%', 'r.id = $1'), [
      registrationId,
    ]);
    return row ? toParticipant(row) : null;
  }
}
