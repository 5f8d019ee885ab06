import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Check-in codes and certificate codes: short, URL-safe, signed with HMAC-SHA256 (AppConfig
 * checkInSecret). A check-in code is `C1` + base64url(registration id (16 bytes) · version
 * (4 bytes) · MAC (16 bytes)), 50 characters, small enough for a low-density QR code. The MAC
 * also covers the dialogue id, so a code only opens its registration in its dialogue, and the
 * version, so reissuing a code (version + 1) voids every older one. It carries no personal data
 * and is never the manage token. A certificate code is `K1` + base64url(id · MAC (12 bytes)).
 */

const CHECK_IN_PREFIX = 'C1';
const CERTIFICATE_PREFIX = 'K1';
const CHECK_IN_SHAPE = /^C1[A-Za-z0-9_-]{48}$/;
const CERTIFICATE_SHAPE = /^K1[A-Za-z0-9_-]{38}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const uuidBytes = (id: string) => {
  if (!UUID.test(id)) throw new Error('not a uuid');
  return Buffer.from(id.replace(/-/g, ''), 'hex');
};
const bytesUuid = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const versionBytes = (version: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(version);
  return b;
};

/** HMAC-SHA256 over a registration id, its dialogue and its code's version, under a label per kind of code. */
const claimsMac = (label: string, secret: string, id: Buffer, dialogueId: string, version: Buffer) =>
  createHmac('sha256', secret).update(label).update(id).update(uuidBytes(dialogueId)).update(version).digest();

const checkInMac = (secret: string, id: Buffer, dialogueId: string, version: Buffer) =>
  claimsMac('gfmd check-in\0', secret, id, dialogueId, version).subarray(0, 16);

const certificateMac = (secret: string, id: Buffer) =>
  createHmac('sha256', secret).update('gfmd certificate\0').update(id).digest().subarray(0, 12);

export interface CheckInCodeClaims {
  registrationId: string;
  dialogueId: string;
  version: number;
}

/** Signs the check-in code of a registration at its current version. */
export function signCheckInCode(secret: string, c: CheckInCodeClaims): string {
  const id = uuidBytes(c.registrationId);
  const version = versionBytes(c.version);
  return (
    CHECK_IN_PREFIX + Buffer.concat([id, version, checkInMac(secret, id, c.dialogueId, version)]).toString('base64url')
  );
}

/** What a well-formed code claims, before its MAC is checked; null when it is not a code at all. */
export function readCheckInCode(code: string): { registrationId: string; version: number } | null {
  if (typeof code !== 'string' || !CHECK_IN_SHAPE.test(code)) return null;
  const raw = Buffer.from(code.slice(CHECK_IN_PREFIX.length), 'base64url');
  if (raw.length !== 36) return null;
  return { registrationId: bytesUuid(raw.subarray(0, 16)), version: raw.readUInt32BE(16) };
}

/**
 * True when `code` is the one signed for this registration, dialogue and current version
 * (compared in constant time): a forged, altered, reissued-away or other-dialogue code is false.
 */
export function verifyCheckInCode(secret: string, code: string, c: CheckInCodeClaims): boolean {
  const read = readCheckInCode(code);
  if (!read || read.registrationId !== c.registrationId.toLowerCase() || read.version !== c.version) return false;
  const raw = Buffer.from(code.slice(CHECK_IN_PREFIX.length), 'base64url');
  const expected = checkInMac(secret, raw.subarray(0, 16), c.dialogueId, raw.subarray(16, 20));
  return timingSafeEqual(expected, raw.subarray(20, 36));
}

/** The public code of a registration's certificate of attendance. */
export function signCertificateCode(secret: string, registrationId: string): string {
  const id = uuidBytes(registrationId);
  return CERTIFICATE_PREFIX + Buffer.concat([id, certificateMac(secret, id)]).toString('base64url');
}

/** The registration a certificate code names, when its MAC is right; else null. */
export function verifyCertificateCode(secret: string, code: string): string | null {
  if (typeof code !== 'string' || !CERTIFICATE_SHAPE.test(code)) return null;
  const raw = Buffer.from(code.slice(CERTIFICATE_PREFIX.length), 'base64url');
  // Refuses the non-canonical spellings of the same bytes (the last character's spare bits).
  if (raw.length !== 28 || raw.toString('base64url') !== code.slice(CERTIFICATE_PREFIX.length)) return null;
  const id = raw.subarray(0, 16);
  return timingSafeEqual(certificateMac(secret, id), raw.subarray(16)) ? bytesUuid(id) : null;
}

/*
 * Desk codes: what a person at the door can type when the camera cannot read the QR, as
 * `K7Q4-XM2P` (eight characters of Crockford's base 32: no I, L, O or U, so 1/I/L and 0/O read
 * alike). The first four are the first 20 bits of the registration id, which find it by an index
 * range among the dialogue's registrations; the last four are 20 bits of an HMAC over the id, the
 * dialogue and the code's version (the same version as the QR's: reissuing voids both). They are
 * not a secret against a staff member (the door already finds people by name); they make a typo
 * land on nobody rather than on someone else. Looked up only within the door's dialogue.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DESK_SHAPE = /^[0-9A-HJKMNP-TV-Z]{8}$/;

const deskMac = (secret: string, id: Buffer, dialogueId: string, version: Buffer) =>
  claimsMac('gfmd desk code\0', secret, id, dialogueId, version);

/** The top 20 bits of `bytes` as four base-32 characters. */
const twentyBits = (bytes: Buffer) => {
  const n = bytes.readUIntBE(0, 3) >>> 4;
  return [15, 10, 5, 0].map((shift) => CROCKFORD[(n >>> shift) & 31]).join('');
};

/** The desk code of a registration at its current version, as `XXXX-XXXX`. */
export function signDeskCode(secret: string, c: CheckInCodeClaims): string {
  const id = uuidBytes(c.registrationId);
  return `${twentyBits(id)}-${twentyBits(deskMac(secret, id, c.dialogueId, versionBytes(c.version)))}`;
}

/**
 * A typed desk code, read leniently (any case, spaces and hyphens anywhere, O for 0, I and L for
 * 1): its eight canonical characters and the range of registration ids it can name; null when it
 * is not a desk code.
 */
export function readDeskCode(typed: string): { code: string; idFrom: string; idTo: string } | null {
  if (typeof typed !== 'string' || typed.length > 32) return null;
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!DESK_SHAPE.test(code)) return null;
  const prefix = [...code.slice(0, 4)].reduce((n, ch) => n * 32 + CROCKFORD.indexOf(ch), 0);
  const hex = prefix.toString(16).padStart(5, '0');
  return { code, idFrom: `${hex}000-0000-0000-0000-000000000000`, idTo: `${hex}fff-ffff-ffff-ffff-ffffffffffff` };
}

/** True when the canonical `code` (readDeskCode) is this registration's desk code now. */
export function verifyDeskCode(secret: string, code: string, c: CheckInCodeClaims): boolean {
  const expected = Buffer.from(signDeskCode(secret, c).replace('-', ''));
  const given = Buffer.from(code);
  return given.length === expected.length && timingSafeEqual(expected, given);
}
