/**
 * A small RFC 5545 writer for agenda calendars (no dependency; tests parse its output with the
 * independent ical.js parser).
 *
 * Times are written in UTC ("20300512T070000Z"): the agenda stores UTC instants, a UTC DTSTART
 * names exactly one instant without needing a VTIMEZONE (whose rules we would have to generate
 * from ICU), and every calendar client shows it in its viewer's zone. X-WR-TIMEZONE still tells
 * clients that honour it (Apple, Google) the dialogue's own zone.
 */
import { withoutBidiControls } from '@gfmd/api-platform';

export interface IcsEvent {
  /** Stable across exports, so an update replaces the event in a calendar instead of adding one. */
  uid: string;
  /** Bumped on every change of the event. */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  categories?: string[];
  created?: Date | null;
  lastModified?: Date | null;
  /** CANCELLED keeps a cancelled or removed event in a subscribed calendar, marked as such. Default CONFIRMED. */
  status?: 'CONFIRMED' | 'CANCELLED';
}

export interface IcsCalendar {
  /** X-WR-CALNAME / NAME. */
  name: string;
  description?: string | null;
  /** The IANA zone the events belong to (X-WR-TIMEZONE). */
  timeZone: string;
  /** DTSTAMP of every event: when this calendar object was made. */
  now: Date;
  events: IcsEvent[];
}

export const ICS_PRODID = '-//GFMD Dialogues//Agenda 1.0//EN';
const CRLF = '\r\n';

/** 20300512T070000Z */
export function icsUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline; other controls
 * and the bidi controls (withoutBidiControls) dropped.
 */
export function icsText(value: string): string {
  return (
    withoutBidiControls(value)
      .replace(/\r\n?/g, '\n')
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\n/g, '\\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
  );
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): CRLF followed by one space, which counts
 * toward the next line's 75. Splits only between code points, never inside a UTF-8 sequence.
 */
export function icsFold(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      lines.push(current);
      current = char;
      octets = size;
      limit = 74;
    } else {
      current += char;
      octets += size;
    }
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

/** A URI value: never escaped, but it may not break the line structure. */
// eslint-disable-next-line no-control-regex
const icsUri = (value: string) => value.replace(/[\u0000-\u001F\u007F\s]/g, encodeURIComponent);

/** The whole VCALENDAR, CRLF-terminated lines, folded. */
export function buildIcs(calendar: IcsCalendar): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${icsText(calendar.name)}`,
    `X-WR-CALNAME:${icsText(calendar.name)}`,
    `X-WR-TIMEZONE:${icsText(calendar.timeZone)}`,
    ...(calendar.description ? [`X-WR-CALDESC:${icsText(calendar.description)}`] : []),
    'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
    'X-PUBLISHED-TTL:PT6H',
  ];
  const stamp = icsUtc(calendar.now);
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`,
      `DTSTART:${icsUtc(event.start)}`,
      `DTEND:${icsUtc(event.end)}`,
      `SUMMARY:${icsText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${icsText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${icsText(event.location)}`);
    if (event.url) lines.push(`URL:${icsUri(event.url)}`);
    if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(icsText).join(',')}`);
    if (event.created) lines.push(`CREATED:${icsUtc(event.created)}`);
    if (event.lastModified) lines.push(`LAST-MODIFIED:${icsUtc(event.lastModified)}`);
    const cancelled = event.status === 'CANCELLED';
    lines.push(
      `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      `TRANSP:${cancelled ? 'TRANSPARENT' : 'OPAQUE'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(icsFold).join(CRLF) + CRLF;
}
