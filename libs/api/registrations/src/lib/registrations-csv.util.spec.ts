import type { RegistrationView } from './registration.mapper';
import { CSV_COLUMNS, registrationsCsv } from './registrations-csv.util';

const view = (over: Partial<RegistrationView> = {}): RegistrationView => ({
  id: 'r1',
  dialogueId: 'd1',
  email: 'ana@example.org',
  title: null,
  firstName: 'Ana',
  lastName: 'Pérez',
  organization: 'ACME, Inc.',
  jobTitle: null,
  stakeholderGroup: 'civil_society',
  country: 'ES',
  preferredLanguage: 'es',
  accessibilityNeeds: null,
  status: 'confirmed',
  checkedInAt: null,
  spaces: [{ spaceId: 's1', name: 'Civil society', status: 'confirmed' }],
  invited: false,
  cancelledAt: null,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
  ...over,
});

describe(registrationsCsv.name, () => {
  it('writes a header and one CRLF line per registration, with a BOM for spreadsheets', () => {
    const sut = registrationsCsv([view()]);
    expect(sut.startsWith('\uFEFF')).toBe(true);
    const lines = sut.slice(1).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1]).toContain('"ACME, Inc."');
    expect(lines[1]).toContain('Civil society: confirmed');
    expect(lines).toHaveLength(3);
  });

  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR'])(
    'neutralises a cell starting like %j',
    (evil) => {
      const line = registrationsCsv([view({ firstName: evil, organization: evil })]).split('\r\n')[1];
      expect(line).not.toMatch(/(^|,)"?[=+\-@\t\r]/);
      expect(line).toContain("'");
    },
  );

  it('quotes quotes and line breaks', () => {
    const line = registrationsCsv([view({ accessibilityNeeds: 'wheelchair\nsays "hi"' })]);
    expect(line).toContain('"wheelchair\nsays ""hi"""');
  });
});
