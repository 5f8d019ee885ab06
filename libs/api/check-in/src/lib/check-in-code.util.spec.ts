import { randomUUID } from 'node:crypto';
import {
  readCheckInCode,
  readDeskCode,
  signCertificateCode,
  signCheckInCode,
  signDeskCode,
  verifyCertificateCode,
  verifyCheckInCode,
  verifyDeskCode,
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

  describe('desk codes', () => {
    it('are eight characters a person can type, whose first four place the registration id', () => {
      const sut = signDeskCode(SECRET, claims);
      expect(sut).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      const read = readDeskCode(sut);
      expect(read?.code).toBe(sut.replace('-', ''));
      expect(read && read.idFrom <= claims.registrationId && claims.registrationId <= read.idTo).toBe(true);
      expect(read?.idFrom.slice(0, 5)).toBe(claims.registrationId.slice(0, 5));
      expect(verifyDeskCode(SECRET, read?.code ?? '', claims)).toBe(true);
    });

    it('are read in any case, with spaces, O for 0 and I or L for 1', () => {
      const id = '00000000-0000-4000-8000-000000000000';
      const sut = signDeskCode(SECRET, { ...claims, registrationId: id });
      expect(sut.startsWith('0000-')).toBe(true);
      const typed = ` o0Oo ${sut.slice(5).toLowerCase().split('').join(' ')} `;
      expect(readDeskCode(typed)?.code).toBe(sut.replace('-', ''));
      expect(readDeskCode('1ILi-0000')?.code).toBe('11110000');
    });

    it('fail for another dialogue, another version (a reissue), another key, and most typos', () => {
      const code = signDeskCode(SECRET, claims).replace('-', '');
      expect(verifyDeskCode(SECRET, code, { ...claims, dialogueId: randomUUID() })).toBe(false);
      expect(verifyDeskCode(SECRET, code, { ...claims, version: 1 })).toBe(false);
      expect(verifyDeskCode(`${SECRET}x`, code, claims)).toBe(false);
      for (let i = 4; i < 8; i++) {
        const altered = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
        expect(verifyDeskCode(SECRET, altered, claims)).toBe(false);
      }
    });

    it('reads nothing from what is not one: a long code, U, seven or nine characters', () => {
      for (const bad of ['', 'ABCD-EFG', 'ABCD-EFGHJ', 'ABCU-EFGH', signCheckInCode(SECRET, claims), '#ABC-DEFG']) {
        expect(readDeskCode(bad)).toBeNull();
      }
    });
  });
});
