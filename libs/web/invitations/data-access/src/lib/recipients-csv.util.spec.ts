import {
  acceptedValues,
  normalizeGroup,
  normalizeLanguage,
  parseRecipients,
  splitCsvLine,
} from './recipients-csv.util';

describe(parseRecipients.name, () => {
  it('skips a header and reads email, name, group and language', () => {
    const sut = parseRecipients('email,name,group,language\nana@example.org,"Pérez, Ana",civil society,ES\n');

    expect(sut).toEqual([
      {
        line: 2,
        recipient: {
          email: 'ana@example.org',
          name: 'Pérez, Ana',
          stakeholderGroup: 'civil_society',
          preferredLanguage: 'es',
        },
        issues: [],
      },
    ]);
  });

  it('accepts the app own group labels in any language', () => {
    const sut = parseRecipients(
      'a@x.org,A,Migrant and diaspora organization,French\nb@x.org,B,Société civile,espagnol',
    );

    expect(sut.map((r) => [r.recipient.stakeholderGroup, r.recipient.preferredLanguage, r.issues])).toEqual([
      ['migrant_diaspora', 'fr', []],
      ['civil_society', 'es', []],
    ]);
  });

  it('flags invalid emails, duplicates (case-insensitive) and unknown values', () => {
    const sut = parseRecipients('not-an-email\nA@x.org\na@X.org;Bob;pirates;de');

    expect(sut.map((r) => r.issues)).toEqual([['invalidEmail'], [], ['duplicate', 'unknownGroup', 'unknownLanguage']]);
  });
});

describe(normalizeGroup.name, () => {
  it.each([
    ['migrant_diaspora', 'migrant_diaspora'],
    ['Migrant and diaspora organization', 'migrant_diaspora'],
    ['ORGANISATION DE MIGRANTS ET DE LA DIASPORA', 'migrant_diaspora'],
    ['Organización de migrantes y diáspora', 'migrant_diaspora'],
    ['societe civile', 'civil_society'],
    ['Civil-Society', 'civil_society'],
    ['  Secteur privé ', 'private_sector'],
    ['medios de comunicacion', 'media'],
    ['pirates', undefined],
  ])('reads %p as %p', (value, expected) => {
    expect(normalizeGroup(value)).toBe(expected);
  });
});

describe(normalizeLanguage.name, () => {
  it.each([
    ['fr', 'fr'],
    ['FR-ch', 'fr'],
    ['Spanish', 'es'],
    ['español', 'es'],
    ['Anglais', 'en'],
    ['de', undefined],
    ['Deutsch', undefined],
  ])('reads %p as %p', (value, expected) => {
    expect(normalizeLanguage(value)).toBe(expected);
  });
});

describe(acceptedValues.name, () => {
  it('lists every code with its label in the page language', () => {
    expect(acceptedValues('group', 'fr')).toContain('migrant_diaspora (Organisation de migrants et de la diaspora)');
    expect(acceptedValues('group', 'en').split(', ')).toHaveLength(9);
    expect(acceptedValues('language', 'es')).toBe('en (Inglés), fr (Francés), es (Español), ar (Árabe)');
  });
});

describe(splitCsvLine.name, () => {
  it('handles escaped quotes', () => {
    expect(splitCsvLine('"a ""b"" c",d')).toEqual(['a "b" c', 'd']);
  });
});
