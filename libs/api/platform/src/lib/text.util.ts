import { createHash, randomBytes } from 'node:crypto';

/** Lower-cased, trimmed email as compared everywhere. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** A URL-safe random token of 32 bytes (256 bits). */
export const newToken = () => randomBytes(32).toString('base64url');

/** sha256 of a token, hex: what is stored instead of the token. */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * The bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). The API
 * refuses them in any text it is given (`IsPlainText`); every output also drops any that a row
 * still holds (written before that rule, or by hand in the database), so that no name can reorder
 * the words after it ("moc.live" shown as "evil.com"). docs/i18n.md, "Bidirectional text".
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** The text without bidirectional embeddings, overrides or isolates (the same string when it has none). */
export const withoutBidiControls = (text: string): string =>
  /[\u202A-\u202E\u2066-\u2069]/.test(text) ? text.replace(BIDI_CONTROLS, '') : text;

/** A plain object or array with every string in it without bidi controls; anything else as it is. */
export function withoutBidiControlsIn<T>(value: T): T {
  if (typeof value === 'string') return withoutBidiControls(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => withoutBidiControlsIn(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutBidiControlsIn(v)])) as T;
  return value;
}

/**
 * Neutralises a CSV cell that a spreadsheet would read as a formula, then quotes it. Bidi
 * controls are dropped first (withoutBidiControls).
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : withoutBidiControls(String(value));
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** True when the IANA zone is known to this runtime's ICU. */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || !zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone === 'UTC' || zone.includes('/');
  } catch {
    return false;
  }
}
