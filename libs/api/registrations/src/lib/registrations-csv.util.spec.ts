import type { RegistrationView } from './registration.mapper';
import { csvContentDisposition, registrationsCsv } from './registrations-csv.util';

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
    expect(lines[0]).toMatch(/^ID,Status,Email,Title,First name,Last name,Organization,/);
    expect(lines[1]).toContain('"ACME, Inc."');
    expect(lines[1]).toContain('Civil society: Confirmed');
    expect(lines[1]).toContain(',Confirmed,');
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

  it('writes headers and labels in French', () => {
    const lines = registrationsCsv([view()], 'fr').slice(1).split('\r\n');
    expect(lines[0]).toContain('Prénom,Nom,Organisation');
    expect(lines[0]).toContain('Groupe de parties prenantes');
    expect(lines[1]).toContain('Société civile');
    expect(lines[1]).toContain('Civil society: Confirmée');
  });

  it('writes headers and labels in Arabic, the file named in Arabic with an English ASCII fallback', () => {
    const csv = registrationsCsv([view({ preferredLanguage: 'ar' })], 'ar');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^المعرّف,الحالة,البريد الإلكتروني,/);
    expect(lines[0]).toContain('فئة أصحاب المصلحة');
    expect(lines[1]).toContain('المجتمع المدني');
    expect(lines[1]).toContain(',العربية,');
    expect(lines[1]).toContain('Civil society: مؤكد');
    const disposition = csvContentDisposition('حوار الهجرة', '2030-05-12', 'ar');
    expect(disposition).toMatch(/^attachment; filename="registrations-dialogue-2030-05-12\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('التسجيلات - حوار الهجرة - 2030-05-12.csv');
  });

  it('names the file after the dialogue, with an ASCII fallback and filename*', () => {
    const sut = csvContentDisposition('Dialogue « Migration & climat » / Genève', '2030-05-12', 'fr');
    expect(sut).toBe(
      'attachment; filename="inscriptions-dialogue-migration-climat-geneve-2030-05-12.csv"; ' +
        "filename*=UTF-8''inscriptions%20-%20Dialogue%20%C2%AB%20Migration%20%26%20climat%20%C2%BB%20Genève".replace(
          'è',
          '%C3%A8',
        ) +
        '%20-%202030-05-12.csv',
    );
    expect(csvContentDisposition('"\r\n', '2030-05-12')).toBe(
      `attachment; filename="registrations-dialogue-2030-05-12.csv"; filename*=UTF-8''registrations%20-%20dialogue%20-%202030-05-12.csv`,
    );
  });

  it('quotes quotes and line breaks', () => {
    const line = registrationsCsv([view({ accessibilityNeeds: 'wheelchair\nsays "hi"' })]);
    expect(line).toContain('"wheelchair\nsays ""hi"""');
  });
});
