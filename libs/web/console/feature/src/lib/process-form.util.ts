/**
 * Processes and phases are whole days on the UN calendar, read in UTC: a form's first and last
 * day (`YYYY-MM-DD`, both included) become [first day 00:00Z, the day after the last 00:00Z).
 */
export function dayStart(date: string): string {
  return `${date}T00:00:00.000Z`;
}

/** The instant that ends the last day (the next day's 00:00Z). */
export function dayEnd(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString();
}

/** The form value of a start instant. */
export function toStartDate(iso: string): string {
  return iso.slice(0, 10);
}

/** The form value (the last day included) of an end instant. */
export function toEndDate(iso: string): string {
  return new Date(Date.parse(iso) - 1).toISOString().slice(0, 10);
}

/** Whole minutes from one instant to another (what a dialogue shifts by to follow its session). */
export function minutesBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
}
