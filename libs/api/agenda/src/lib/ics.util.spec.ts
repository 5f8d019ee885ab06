import ICAL from 'ical.js';
import { buildIcs, icsFold, icsText, icsUtc } from './ics.util';

// X-WR-* and NAME (RFC 7986) are TEXT, as Apple and Google read them; ical.js needs telling.
for (const name of ['x-wr-calname', 'x-wr-caldesc', 'x-wr-timezone', 'name']) {
  ICAL.design.icalendar.property[name] = { defaultType: 'text' };
}

describe('ics.util', () => {
  describe(icsText.name, () => {
    it('escapes backslash, semicolon, comma and newlines, and drops other control characters', () => {
      expect(icsText('a\\b;c,d\ne\r\nf\rg\u0007h\ti')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng' + 'h\ti');
    });

    it('drops bidi overrides and isolates that a row may still hold, and keeps Arabic', () => {
      expect(icsText('\u202Emoc.live\u202C محمد \u2067x\u2069')).toBe('moc.live محمد x');
    });
  });

  describe(icsFold.name, () => {
    it('leaves lines of at most 75 octets alone', () => {
      const line = 'X'.repeat(75);
      expect(icsFold(line)).toBe(line);
    });

    it('folds at 75 octets, continuation lines at 74 plus the leading space', () => {
      const folded = icsFold('Y'.repeat(200));
      const parts = folded.split('\r\n');
      expect(parts.map((p) => Buffer.byteLength(p))).toEqual([75, 75, 52]);
      expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
      expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe('Y'.repeat(200));
    });

    it('never splits a multi-byte UTF-8 character or a surrogate pair', () => {
      const line = 'SUMMARY:' + 'é€😀'.repeat(40);
      const parts = icsFold(line).split('\r\n');
      for (const part of parts) {
        expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
        // A split inside a sequence would leave a replacement character after a round trip.
        expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
        expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
      }
      expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    });

    it('folds Arabic (two octets a letter, with vowel marks) between characters, at an odd octet too', () => {
      // "DESCRIPTION:" is 12 octets: a fold after 75 octets would fall inside a letter.
      const arabic = 'مُحَمَّد يُرَحِّبُ بِالمُشارِكِينَ فِي الحِوارِ المَوضُوعِيِّ. ';
      const line = `DESCRIPTION:${arabic.repeat(6)}`;
      const parts = icsFold(line).split('\r\n');
      expect(parts.length).toBeGreaterThan(3);
      const strict = new TextDecoder('utf-8', { fatal: true });
      for (const part of parts) {
        const bytes = Buffer.from(part, 'utf8');
        expect(bytes.length).toBeLessThanOrEqual(75);
        expect(() => strict.decode(bytes)).not.toThrow();
      }
      // The first line is cut one octet short (75 would split a letter): 12 + 2 × 31 = 74.
      expect(Buffer.byteLength(parts[0])).toBe(74);
      expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    });
  });

  describe(buildIcs.name, () => {
    const now = new Date('2030-05-01T12:00:00Z');
    const sut = () =>
      buildIcs({
        name: 'Dialogue; on migration, rights',
        timeZone: 'Europe/Zurich',
        now,
        events: [
          {
            uid: '7b0c5c52-1111-4c4c-9999-000000000001@gfmd-dialogues',
            sequence: 3,
            start: new Date('2030-05-12T07:00:00Z'),
            end: new Date('2030-05-12T08:30:00Z'),
            summary:
              'Ouverture : droits des migrants — inclusion sociale, cohésion et toutes les formes de discrimination 😀',
            description: 'Line one\nModerator: Ana; IOM, Geneva',
            location: 'Room XII, Palais des Nations',
            url: 'https://gfmd.example/dialogues/1',
            created: new Date('2030-04-01T00:00:00Z'),
            lastModified: new Date('2030-04-02T00:00:00Z'),
          },
        ],
      });

    it('writes CRLF-terminated lines of at most 75 octets', () => {
      const ics = sut();
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    });

    it('round-trips every field through an independent parser (ical.js)', () => {
      const calendar = new ICAL.Component(ICAL.parse(sut()));
      expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
      expect(calendar.getFirstPropertyValue('prodid')).toBe('-//GFMD Dialogues//Agenda 1.0//EN');
      expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Dialogue; on migration, rights');
      expect(calendar.getFirstPropertyValue('name')).toBe('Dialogue; on migration, rights');
      expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Zurich');
      const [vevent] = calendar.getAllSubcomponents('vevent');
      const event = new ICAL.Event(vevent);
      expect(event.uid).toBe('7b0c5c52-1111-4c4c-9999-000000000001@gfmd-dialogues');
      expect(event.sequence).toBe(3);
      expect(event.summary).toBe(
        'Ouverture : droits des migrants — inclusion sociale, cohésion et toutes les formes de discrimination 😀',
      );
      expect(event.description).toBe('Line one\nModerator: Ana; IOM, Geneva');
      expect(event.location).toBe('Room XII, Palais des Nations');
      expect(event.startDate.toJSDate().toISOString()).toBe('2030-05-12T07:00:00.000Z');
      expect(event.endDate.toJSDate().toISOString()).toBe('2030-05-12T08:30:00.000Z');
      expect(event.startDate.zone?.tzid).toBe('UTC');
      expect(vevent.getFirstPropertyValue('url')).toBe('https://gfmd.example/dialogues/1');
      expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe(now.toISOString());
      expect(icsUtc(now)).toBe('20300501T120000Z');
    });
  });
});
