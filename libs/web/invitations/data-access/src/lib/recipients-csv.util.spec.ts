import { parseRecipients, splitCsvLine } from './recipients-csv.util';

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

  it('flags invalid emails, duplicates (case-insensitive) and unknown values', () => {
    const sut = parseRecipients('not-an-email\nA@x.org\na@X.org;Bob;pirates;de');

    expect(sut.map((r) => r.issues)).toEqual([['invalidEmail'], [], ['duplicate', 'unknownGroup', 'unknownLanguage']]);
  });
});

describe(splitCsvLine.name, () => {
  it('handles escaped quotes', () => {
    expect(splitCsvLine('"a ""b"" c",d')).toEqual(['a "b" c', 'd']);
  });
});
