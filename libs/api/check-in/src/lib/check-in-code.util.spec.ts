import { randomUUID } from 'node:crypto';
import {
  readCheckInCode,
  signCertificateCode,
  signCheckInCode,
  verifyCertificateCode,
  verifyCheckInCode,
} from './check-in-code.util';

const SECRET = 'a-check-in-secret-that-is-long-enough-0123456789';

describe('check-in codes', () => {
  const claims = { registrationId: randomUUID(), dialogueId: randomUUID(), version: 0 };

  it('signs a short URL-safe code that verifies for its registration, dialogue and version', () => {
    const sut = signCheckInCode(SECRET, claims);
    expect(sut).toMatch(/^C1[A-Za-z0-9_-]{48}$/);
    expect(readCheckInCode(sut)).toEqual({ registrationId: claims.registrationId, version: 0 });
    expect(verifyCheckInCode(SECRET, sut, claims)).toBe(true);
  });

  it('refuses another dialogue, an older version, another key and any altered character', () => {
    const sut = signCheckInCode(SECRET, claims);
    expect(verifyCheckInCode(SECRET, sut, { ...claims, dialogueId: randomUUID() })).toBe(false);
    expect(verifyCheckInCode(SECRET, sut, { ...claims, version: 1 })).toBe(false);
    expect(verifyCheckInCode(`${SECRET}x`, sut, claims)).toBe(false);
    for (let i = 2; i < sut.length; i++) {
      const c = sut[i] === 'A' ? 'B' : 'A';
      const altered = sut.slice(0, i) + c + sut.slice(i + 1);
      expect(verifyCheckInCode(SECRET, altered, claims)).toBe(false);
    }
  });

  it('reads nothing from what is not a code', () => {
    for (const bad of ['', 'C1', 'x'.repeat(50), `C1${'='.repeat(48)}`, `C2${'A'.repeat(48)}`, `C1${'A'.repeat(49)}`]) {
      expect(readCheckInCode(bad)).toBeNull();
    }
  });

  it('signs certificate codes that name their registration and nothing forged', () => {
    const sut = signCertificateCode(SECRET, claims.registrationId);
    expect(verifyCertificateCode(SECRET, sut)).toBe(claims.registrationId);
    expect(verifyCertificateCode(`${SECRET}x`, sut)).toBeNull();
    expect(verifyCertificateCode(SECRET, sut.slice(0, -1) + (sut.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(verifyCertificateCode(SECRET, signCheckInCode(SECRET, claims))).toBeNull();
  });
});
