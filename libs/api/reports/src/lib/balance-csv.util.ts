import { type BalanceReport, M49_REGION_CODES, M49_SUB_REGION_INFO } from '@gfmd/contracts';
import { csvCell } from '@gfmd/api-platform';

const HEADER = [
  'section',
  'key',
  'title',
  'm49',
  'date',
  'confirmed',
  'checked_in',
  'first_time_organizations',
  'returning_organizations',
];

/**
 * The balance report as CSV lines (RFC 4180, CRLF), one section after another: totals, group,
 * region, sub_region, dialogue, organizations. Keys are the API's codes (stakeholder groups, M49
 * region slugs with their numeric codes), so a spreadsheet or a warehouse can join on them.
 */
export function* balanceCsvLines(report: BalanceReport): Generator<string> {
  const line = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;
  yield `\uFEFF${line(HEADER)}`;
  const o = report.organizations;
  yield line([
    'totals',
    'all',
    report.processTitle,
    '',
    '',
    report.totals.confirmed,
    report.totals.checkedIn,
    o.firstTime,
    o.returning,
  ]);
  for (const g of report.byGroup) yield line(['group', g.group, '', '', '', g.confirmed, g.checkedIn, '', '']);
  for (const r of report.byRegion) {
    const code = r.region === 'unknown' ? '' : M49_REGION_CODES[r.region];
    yield line(['region', r.region, '', code, '', r.confirmed, r.checkedIn, '', '']);
  }
  for (const s of report.bySubRegion) {
    const code = s.subRegion === 'unknown' ? '' : M49_SUB_REGION_INFO[s.subRegion].code;
    yield line(['sub_region', s.subRegion, '', code, '', s.confirmed, s.checkedIn, '', '']);
  }
  for (const d of report.byDialogue) {
    yield line([
      'dialogue',
      d.dialogueId,
      d.title,
      '',
      d.startsAt.slice(0, 10),
      d.confirmed,
      d.checkedIn,
      d.organizations?.firstTime ?? '',
      d.organizations?.returning ?? '',
    ]);
  }
}
