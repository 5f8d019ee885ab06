import { Injectable } from '@nestjs/common';
import { msg, t } from '@gfmd/api-platform';
import type { TimelineEntry } from '@gfmd/contracts';
import type { AuthUser } from '@gfmd/api-auth';
import { DialoguesRepository, PUBLIC_STATUSES, toDialogue, toSession, withoutOnlineLink } from '@gfmd/api-dialogues';

/** A timeline row: an informal session, the dialogues ahead of it, and what needs attention. */
export interface TimelineRow extends TimelineEntry {
  /** Session-level warnings, e.g. no dialogue ahead of an upcoming session (staff only). */
  warnings: string[];
}

/**
 * The process on one axis: every informal session (by start) with its dialogues (by start),
 * each with its lead time and scheduling warnings. Anonymous visitors see published dialogues
 * only; staff see every status.
 */
@Injectable()
export class TimelineService {
  constructor(private readonly dialogues: DialoguesRepository) {}

  async timeline(viewer: AuthUser | undefined, now = new Date()): Promise<TimelineRow[]> {
    const sessions = await this.dialogues.listSessions();
    const [rows] = await this.dialogues.listDialogues({
      statuses: viewer ? undefined : PUBLIC_STATUSES,
      skip: 0,
      take: 100_000,
    });
    return sessions.map((session) => {
      const dialogues = rows
        .filter((d) => d.informalSessionId === session.id)
        .map((d) => withoutOnlineLink(toDialogue(d, session)));
      const warnings: string[] = [];
      if (viewer && session.startsAt.getTime() > now.getTime()) {
        const ahead = dialogues.filter(
          (d) => d.status !== 'cancelled' && d.status !== 'draft' && (d.leadTimeDays ?? -1) >= 0,
        );
        if (!ahead.length) warnings.push(t(msg('warning.noDialogueAhead', { session: session.number })));
      }
      return { session: toSession(session), dialogues, warnings };
    });
  }
}
