/**
 * How a dialogue's lead time reads (the days between its end and its informal session's start):
 * which message (`lead.<case>` in the dictionaries), with which count, and whether it warns (the
 * dialogue does not end before the session). The app's LeadTimeComponent and the page the API
 * paints before the app starts both word it from this.
 */
export interface LeadTimeWording {
  case: 'unknown' | 'before' | 'sameDay' | 'after';
  count?: number;
  warn: boolean;
}

export function leadTimeWording(days: number | null | undefined): LeadTimeWording {
  if (days === null || days === undefined) return { case: 'unknown', warn: false };
  if (days > 0) return { case: 'before', count: days, warn: false };
  if (days === 0) return { case: 'sameDay', warn: true };
  return { case: 'after', count: -days, warn: true };
}
