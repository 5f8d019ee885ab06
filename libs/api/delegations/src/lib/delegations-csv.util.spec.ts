import { english, type Message } from '@gfmd/api-platform';
import { delegationRows, parseCsv } from './delegations-csv.util';

/** The file's problems with their messages in English. */
const inEnglish = (r: object) =>
  'error' in r
    ? { error: (r.error as { field: string; message: Message }[]).map((e) => ({ ...e, message: english(e.message) })) }
    : r;

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, commas and CRLF or LF, skipping blank lines and the byte-order mark', () => {
    expect(parseCsv('\uFEFFa,"b, c","say ""hi"""\r\n\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps a line break inside quotes', () => {
    expect(parseCsv('"one\ntwo",x')).toEqual([['one\ntwo', 'x']]);
  });
});

describe('delegationRows', () => {
  it('maps the columns in any order, case-insensitively; seats as a number; empty cells left out', () => {
    expect(
      delegationRows(
        'SEATS,name,focalPointEmail,stakeholderGroup,country\n3,IOM,f@iom.example.org,international_organization,',
      ),
    ).toEqual({
      ok: [
        { seats: 3, name: 'IOM', focalPointEmail: 'f@iom.example.org', stakeholderGroup: 'international_organization' },
      ],
    });
  });

  it('leaves a seat count that is not a whole number for the validation to refuse', () => {
    const rows = delegationRows('name,stakeholderGroup,seats,focalPointEmail\nX,government,2.5,f@x.example.org');
    expect('ok' in rows && rows.ok[0]['seats']).toBe('2.5');
  });

  it('names missing and unknown columns', () => {
    expect(inEnglish(delegationRows('name,seats,shoeSize\n'))).toEqual({
      error: [
        { field: 'csv', message: 'missing column stakeholderGroup' },
        { field: 'csv', message: 'missing column focalPointEmail' },
        { field: 'csv', message: 'unknown column shoeSize' },
      ],
    });
    expect(inEnglish(delegationRows(''))).toEqual({ error: [{ field: 'csv', message: 'the file is empty' }] });
  });
});
