import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONTACT_COLUMNS, ParticipantContact, sql } from './registration.rows';

/** `reminder_rounds` and the reads of the reminder round (ReminderRound). */
@Injectable()
export class ReminderRoundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Published dialogues that start within `daysBefore` days (and have not started) whose
   * reminder round for their current start time has not run, soonest first. Reads `dialogues`
   * (owned by api-dialogues) joined with this domain's `reminder_rounds`.
   */
  dialoguesDue(daysBefore: number, limit: number): Promise<{ id: string; startsAt: Date }[]> {
    return sql(
      this.dataSource,
      `SELECT d.id, d.starts_at AS "startsAt" FROM dialogues d
        WHERE d.status IN ('published', 'registration_closed') AND d.starts_at > now()
          AND d.starts_at <= now() + make_interval(days => $1)
          AND NOT EXISTS (SELECT 1 FROM reminder_rounds rr WHERE rr.dialogue_id = d.id AND rr.starts_at = d.starts_at)
        ORDER BY d.starts_at LIMIT $2`,
      [daysBefore, limit],
    );
  }

  /** Confirmed participants (address confirmed) of a dialogue after an arrival number, in arrival order. */
  confirmedAfter(dialogueId: string, afterArrival: string, limit: number) {
    return sql<ParticipantContact & { arrival: string }>(
      this.dataSource,
      `SELECT ${CONTACT_COLUMNS}, r.arrival
         FROM registrations r
        WHERE r.dialogue_id = $1 AND r.status = 'confirmed' AND r.erased_at IS NULL AND r.email_confirmed_at IS NOT NULL
          AND r.arrival > $2
        ORDER BY r.arrival LIMIT $3`,
      [dialogueId, afterArrival, limit],
    );
  }

  /** Records a dialogue's reminder round for a start time as done (a second record is ignored). */
  async record(dialogueId: string, startsAt: Date, reminders: number): Promise<void> {
    await sql(
      this.dataSource,
      `INSERT INTO reminder_rounds (dialogue_id, starts_at, reminders) VALUES ($1, $2, $3)
       ON CONFLICT (dialogue_id, starts_at) DO NOTHING`,
      [dialogueId, startsAt, reminders],
    );
  }

  /** A dialogue moved: its round done for the old start counts for the new one. */
  async shift(dialogueId: string, from: Date, to: Date): Promise<number> {
    const rows = await sql<{ dialogue_id: string }>(
      this.dataSource,
      `UPDATE reminder_rounds SET starts_at = $3 WHERE dialogue_id = $1 AND starts_at = $2
         AND NOT EXISTS (SELECT 1 FROM reminder_rounds WHERE dialogue_id = $1 AND starts_at = $3)
       RETURNING dialogue_id`,
      [dialogueId, from, to],
    );
    return rows.length;
  }
}
