import { english, type Message } from '@gfmd/api-platform';
import { importRows, IMPORT_MAX_ROWS, readCsv } from './registration-import.util';

/** The file's problems with their messages in English. */
const inEnglish = (r: object) =>
  'error' in r
    ? { error: (r.error as { field: string; message: Message }[]).map((e) => ({ ...e, message: english(e.message) })) }
    : r;

describe('readCsv', () => {
  it('reads quotes, doubled quotes, CRLF, a BOM and quoted line breaks, with each row line', () => {
    expect(readCsv('\uFEFFa,"b, c"\r\n\r\n"x ""y""","multi\nline"\nlast,')).toEqual([
      { line: 1, cells: ['a', 'b, c'] },
      { line: 3, cells: ['x "y"', 'multi\nline'] },
      { line: 5, cells: ['last', ''] },
    ]);
  });

  it('is null for a quote left open or text after a closing quote', () => {
    expect(readCsv('a,"b\nc')).toBeNull();
    expect(readCsv('a,"b"c')).toBeNull();
  });
});

describe('importRows', () => {
  const header = 'Email,firstName,lastName,organization,stakeholderGroup,country,preferredLanguage';

  it('keys the cells by column, case-insensitively, and leaves empty cells out', () => {
    expect(importRows(`${header}\n a@b.org ,Ana,,Org,civil_society,SN,fr`)).toEqual({
      ok: [
        {
          line: 2,
          values: {
            email: 'a@b.org',
            firstName: 'Ana',
            organization: 'Org',
            stakeholderGroup: 'civil_society',
            country: 'SN',
            preferredLanguage: 'fr',
          },
          extraCells: false,
        },
      ],
    });
  });

  it('refuses missing and unknown columns, an empty file, no rows and too many rows', () => {
    expect(inEnglish(importRows('email,shoeSize\nx,1'))).toMatchObject({
      error: expect.arrayContaining([
        { field: 'csv', message: 'missing column firstName' },
        { field: 'csv', message: 'unknown or repeated column shoeSize' },
      ]),
    });
    expect(inEnglish(importRows(''))).toEqual({ error: [{ field: 'csv', message: 'the file is empty' }] });
    expect(inEnglish(importRows(header))).toEqual({ error: [{ field: 'csv', message: 'the file has no rows' }] });
    const many = `${header}\n${'a,b,c,d,e,f,g\n'.repeat(IMPORT_MAX_ROWS + 1)}`;
    expect(importRows(many)).toMatchObject({ error: [{ field: 'csv' }] });
  });
});
