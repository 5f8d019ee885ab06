import { createHash, randomBytes } from 'node:crypto';

/** Lower-cased, trimmed email as compared everywhere. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** A URL-safe random token of 32 bytes (256 bits). */
export const newToken = () => randomBytes(32).toString('base64url');

/** sha256 of a token, hex: what is stored instead of the token. */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Neutralises a CSV cell that a spreadsheet would read as a formula, then quotes it. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
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
