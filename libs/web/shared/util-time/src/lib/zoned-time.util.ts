/**
 * Wall-clock helpers for IANA time zones using only Intl (no date library):
 * the organizer types local times of the dialogue's venue; the API stores UTC instants.
 */

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function wallParts(date: Date, timeZone: string): WallParts {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Offset of the zone from UTC at the given instant, in minutes (Geneva in summer: +120). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const p = wallParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The one way the app names a zone's offset, whatever the language: "GMT+1", "GMT-5", "GMT+5:30",
 * "GMT" (Intl's short names vary: "CET" in English, "UTC+1" in French). The API's emails use the
 * same form (libs/api/platform time.util.ts).
 */
export function gmtOffsetLabel(iso: string | Date, timeZone: string): string {
  const minutes = zoneOffsetMinutes(typeof iso === 'string' ? new Date(iso) : iso, timeZone);
  if (!minutes) {
    return 'GMT';
  }
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `GMT${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${rest ? `:${pad(rest)}` : ''}`;
}

/** A zone as the app names it: "Europe/Zurich, GMT+1" (the offset at the given instant); emails alike. */
export function zoneLabel(iso: string | Date, timeZone: string): string {
  return `${timeZone}, ${gmtOffsetLabel(iso, timeZone)}`;
}

/** ISO instant → `YYYY-MM-DDTHH:mm` as read on a clock in `timeZone` (for datetime-local inputs). */
export function toZonedLocalInput(iso: string | null | undefined, timeZone: string): string {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const p = wallParts(date, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** `YYYY-MM-DD` of the instant in `timeZone`. */
export function zonedDateKey(iso: string, timeZone: string): string {
  return toZonedLocalInput(iso, timeZone).slice(0, 10);
}

/** Minutes since local midnight in `timeZone`. */
export function zonedMinutesOfDay(iso: string, timeZone: string): number {
  const p = wallParts(new Date(iso), timeZone);
  return p.hour * 60 + p.minute;
}

/** `YYYY-MM-DDTHH:mm` read on a clock in `timeZone` → ISO UTC instant. */
export function fromZonedLocalInput(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) {
    throw new RangeError(`Not a local date-time: ${local}`);
  }
  const [, y, mo, d, h, mi] = match.map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset across DST changes.
  let instant = guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60000;
  instant = guess - zoneOffsetMinutes(new Date(instant), timeZone) * 60000;
  return new Date(instant).toISOString();
}

/** Every calendar day (`YYYY-MM-DD`, in `timeZone`) touched by [startsAt, endsAt]. */
export function zonedDaysBetween(startsAt: string, endsAt: string, timeZone: string): string[] {
  const first = zonedDateKey(startsAt, timeZone);
  const last = zonedDateKey(endsAt, timeZone);
  const days: string[] = [];
  const cursor = new Date(`${first}T12:00:00Z`);
  for (let i = 0; i < 60; i++) {
    const key = cursor.toISOString().slice(0, 10);
    days.push(key);
    if (key >= last) {
      break;
    }
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return days;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((new Date(to).getTime() - new Date(from).getTime()) / 86_400_000);
}

/** The viewer's own IANA time zone. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** IANA zones the runtime knows (for pickers); falls back to a short list. */
export function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.length ? zones : ['UTC', 'Europe/Zurich', 'America/New_York', 'Africa/Nairobi', 'Asia/Bangkok'];
}
