import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long the queue-board cookie lets an admin in. */
export const BOARD_TOKEN_TTL_SECONDS = 15 * 60;
export const BOARD_COOKIE = 'gfmd_queues';
export const BOARD_PATH = '/admin/queues';

const sign = (secret: string, payload: string) =>
  createHmac('sha256', `queue-board:${secret}`).update(payload).digest('base64url');

/**
 * A short-lived token for the queue board only (signed with a key derived from JWT_SECRET, so it
 * is never accepted as an API Bearer token, and an API token is never stored in a cookie).
 */
export function issueBoardToken(secret: string, userId: string, now = Date.now()): string {
  const payload = Buffer.from(
    JSON.stringify({ sub: userId, exp: Math.floor(now / 1000) + BOARD_TOKEN_TTL_SECONDS }),
  ).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The user id of a valid, unexpired board token, else null. */
export function verifyBoardToken(secret: string, token: string, now = Date.now()): string | null {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { sub, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      sub?: unknown;
      exp?: unknown;
    };
    if (typeof sub !== 'string' || typeof exp !== 'number' || exp * 1000 < now) return null;
    return sub;
  } catch {
    return null;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** A Set-Cookie value for the board cookie (HttpOnly, SameSite=Strict, only under the board's path). */
export function boardCookie(
  value: string,
  { maxAgeSeconds, secure }: { maxAgeSeconds: number; secure: boolean },
  now = Date.now(),
): string {
  return [
    `${BOARD_COOKIE}=${encodeURIComponent(value)}`,
    `Max-Age=${Math.max(0, maxAgeSeconds)}`,
    `Path=${BOARD_PATH}`,
    `Expires=${new Date(maxAgeSeconds > 0 ? now + maxAgeSeconds * 1000 : 0).toUTCString()}`,
    'HttpOnly',
    ...(secure ? ['Secure'] : []),
    'SameSite=Strict',
  ].join('; ');
}
