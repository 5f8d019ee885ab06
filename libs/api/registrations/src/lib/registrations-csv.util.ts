import { csvCell } from '@gfmd/api-platform';
import type { RegistrationView } from './registration.mapper';

export const CSV_COLUMNS = [
  'id',
  'status',
  'email',
  'title',
  'firstName',
  'lastName',
  'organization',
  'jobTitle',
  'stakeholderGroup',
  'country',
  'preferredLanguage',
  'accessibilityNeeds',
  'spaces',
  'invited',
  'checkedInAt',
  'createdAt',
] as const;

/**
 * Registrations as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark for spreadsheets). Cells
 * that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are neutralised.
 */
export function registrationsCsv(items: RegistrationView[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of items) {
    const cells: Record<(typeof CSV_COLUMNS)[number], unknown> = {
      id: r.id,
      status: r.status,
      email: r.email,
      title: r.title,
      firstName: r.firstName,
      lastName: r.lastName,
      organization: r.organization,
      jobTitle: r.jobTitle,
      stakeholderGroup: r.stakeholderGroup,
      country: r.country,
      preferredLanguage: r.preferredLanguage,
      accessibilityNeeds: r.accessibilityNeeds,
      spaces: r.spaces.map((s) => `${s.name}: ${s.status}`).join('; '),
      invited: r.invited ? 'yes' : 'no',
      checkedInAt: r.checkedInAt,
      createdAt: r.createdAt,
    };
    lines.push(CSV_COLUMNS.map((c) => csvCell(cells[c])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
