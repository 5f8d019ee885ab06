/** Offset in minutes of an IANA zone at an instant (e.g. +120 for Europe/Zurich in summer). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/**
 * The one way the app names a zone's offset, whatever the language: "GMT+1", "GMT-5", "GMT+5:30",
 * "GMT" (Intl's short names vary: "CET" in English, "UTC+1" in French). The web app uses the same
 * form (libs/web/shared/util-time gmtOffsetLabel).
 */
export function gmtOffsetLabel(instant: Date, timeZone: string): string {
  const minutes = zoneOffsetMinutes(instant, timeZone);
  if (!minutes) return 'GMT';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `GMT${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** A zone as the app names it: "Europe/Zurich, GMT+1" (the offset at the given instant). */
export const zoneLabel = (instant: Date, timeZone: string): string =>
  `${timeZone}, ${gmtOffsetLabel(instant, timeZone)}`;

/** The UTC instant of a wall-clock time ('2017-05-08T10:00') in an IANA zone. */
export function zonedTimeToUtc(local: string, timeZone: string): Date {
  const guess = new Date(`${local.length === 16 ? `${local}:00` : local}Z`);
  let utc = new Date(guess.getTime() - zoneOffsetMinutes(guess, timeZone) * 60000);
  // A second pass settles instants next to a daylight-saving change.
  utc = new Date(guess.getTime() - zoneOffsetMinutes(utc, timeZone) * 60000);
  return utc;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A cached Intl.DateTimeFormat: building one costs far more than formatting with it, and emails
 * are rendered by the hundred inside registration transactions.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (formats.size > 500) formats.clear();
    formats.set(key, format);
  }
  return format;
}
