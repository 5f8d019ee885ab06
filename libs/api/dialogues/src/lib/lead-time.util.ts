import { dateTimeFormat, msg, t, type Message } from '@gfmd/api-platform';

/** The calendar date (YYYY-MM-DD) of an instant in an IANA zone. */
export function localDate(instant: Date, timeZone: string): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);

/**
 * Days from the dialogue's last day to its informal session's first day, each counted in its own
 * venue's calendar: a dialogue ending on 4 May ahead of a session starting on 8 May is 4 days
 * ahead. Negative when the dialogue ends after the session starts; 0 the same day.
 */
export function leadTimeDays(
  dialogue: { endsAt: Date; timeZone: string },
  session: { startsAt: Date; timeZone: string },
): number {
  return (
    dayNumber(localDate(session.startsAt, session.timeZone)) - dayNumber(localDate(dialogue.endsAt, dialogue.timeZone))
  );
}

/** The least lead time, in days, that lets a dialogue's outcome inform its session. */
export const RECOMMENDED_LEAD_DAYS = 7;

/** The scheduling warnings of a dialogue, in the reader's language (see docs/i18n.md). */
export function schedulingWarnings(
  dialogue: {
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    registrationOpensAt?: Date | null;
    registrationClosesAt?: Date | null;
  },
  session: { number: number; startsAt: Date; endsAt: Date; timeZone: string },
): string[] {
  const warnings: Message[] = [];
  const lead = leadTimeDays(dialogue, session);
  if (dialogue.endsAt.getTime() > session.startsAt.getTime()) {
    warnings.push(msg('warning.endsAfterSession', { session: session.number, days: lead }));
  } else if (lead < RECOMMENDED_LEAD_DAYS) {
    const params = { days: lead, session: session.number, recommended: RECOMMENDED_LEAD_DAYS };
    warnings.push(msg(lead === 1 ? 'warning.shortLead.one' : 'warning.shortLead.other', params));
  }
  if (dialogue.registrationClosesAt && dialogue.registrationClosesAt.getTime() > dialogue.endsAt.getTime()) {
    warnings.push(msg('warning.registrationClosesAfterEnd'));
  }
  return warnings.map(t);
}
