import {
  csvCell,
  hashToken,
  isValidTimeZone,
  newToken,
  normalizeEmail,
  withoutBidiControls,
  withoutBidiControlsIn,
} from './text.util';
import { hasControlChars } from './validation/plain-text.decorators';
import { zonedTimeToUtc } from './time.util';

describe('text utilities', () => {
  it('normalises emails for comparison', () => {
    expect(normalizeEmail('  Ana.Perez@Example.ORG ')).toBe('ana.perez@example.org');
  });

  it('makes URL-safe tokens of 256 bits and stores only their hash', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });

  it('drops bidi embeddings, overrides and isolates, and keeps right-to-left text and marks', () => {
    // U+202E RIGHT-TO-LEFT OVERRIDE would show "moc.live" as "evil.com"; U+2066–U+2069 isolates.
    expect(withoutBidiControls('Ana \u202Emoc.live\u202C Pérez')).toBe('Ana moc.live Pérez');
    expect(withoutBidiControls('\u2066x\u2067y\u2068z\u2069\u202A\u202B\u202D')).toBe('xyz');
    const arabic = 'محمد \u200FSmith\u200E'; // RLM and LRM are marks, not controls: kept
    expect(withoutBidiControls(arabic)).toBe(arabic);
    expect(csvCell('\u202E=1+1')).toBe("'=1+1");
    const fn = () => 'x';
    const date = new Date(0);
    expect(withoutBidiControlsIn({ a: ['\u202Eb', { c: '\u2067d' }], fn, date, n: 1, nil: null })).toEqual({
      a: ['b', { c: 'd' }],
      fn,
      date,
      n: 1,
      nil: null,
    });
  });

  it('detects control characters but allows tabs', () => {
    expect(hasControlChars('Ana\r\nBcc: x')).toBe(true);
    expect(hasControlChars('Ana\u0000')).toBe(true);
    expect(hasControlChars('Ana\tPérez')).toBe(false);
  });

  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['plain, with comma', '"plain, with comma"'],
    [null, ''],
  ])('neutralises CSV cell %p', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('knows IANA time zones', () => {
    expect(isValidTimeZone('Europe/Zurich')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('EST5EDT; DROP')).toBe(false);
  });

  it('turns wall-clock times in a zone into UTC instants, across daylight saving', () => {
    expect(zonedTimeToUtc('2017-05-08T10:00', 'Europe/Zurich').toISOString()).toBe('2017-05-08T08:00:00.000Z');
    expect(zonedTimeToUtc('2017-01-08T10:00', 'Europe/Zurich').toISOString()).toBe('2017-01-08T09:00:00.000Z');
    expect(zonedTimeToUtc('2017-05-22T10:00', 'America/New_York').toISOString()).toBe('2017-05-22T14:00:00.000Z');
    expect(zonedTimeToUtc('2017-10-29T12:00', 'Europe/Vienna').toISOString()).toBe('2017-10-29T11:00:00.000Z');
  });
});
