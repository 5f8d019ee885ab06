import {
  type BalanceReport,
  M49_REGION_CODES,
  M49_SUB_REGION_INFO,
  type ParticipationHistory,
  type RegistrationStatus,
  type StakeholderGroup,
} from '@gfmd/contracts';
import { csvCell, msg, t, type MessageKey } from '@gfmd/api-platform';

/** The header line, in the request's text language (docs/reports.md); the English is the original snake_case. */
const HEADER = [
  msg('reports.csv.section'),
  msg('reports.csv.key'),
  msg('reports.csv.title'),
  msg('reports.csv.m49'),
  msg('reports.csv.date'),
  msg('reports.csv.confirmed'),
  msg('reports.csv.checkedIn'),
  msg('reports.csv.firstTimeOrganizations'),
  msg('reports.csv.returningOrganizations'),
];

/**
 * The balance report as CSV lines (RFC 4180, CRLF), one section after another: totals, group,
 * region, sub_region, dialogue, organizations. Keys are the API's codes (stakeholder groups, M49
 * region slugs with their numeric codes), so a spreadsheet or a warehouse can join on them; the
 * header line is in the reader's language (call it inside the request).
 */
export function* balanceCsvLines(report: BalanceReport): Generator<string> {
  const line = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;
  yield `\uFEFF${line(HEADER.map(t))}`;
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

const STATUS: Record<RegistrationStatus, MessageKey> = {
  pending: 'reports.status.pending',
  confirmed: 'reports.status.confirmed',
  waitlisted: 'reports.status.waitlisted',
  declined: 'reports.status.declined',
  cancelled: 'reports.status.cancelled',
};

const GROUP: Record<StakeholderGroup, MessageKey> = {
  government: 'reports.group.government',
  international_organization: 'reports.group.international_organization',
  civil_society: 'reports.group.civil_society',
  private_sector: 'reports.group.private_sector',
  academia: 'reports.group.academia',
  local_authority: 'reports.group.local_authority',
  migrant_diaspora: 'reports.group.migrant_diaspora',
  media: 'reports.group.media',
  other: 'reports.group.other',
};

/**
 * A person's participation history as CSV (RFC 4180, CRLF, BOM): headers, statuses, stakeholder
 * groups and yes/no in the request's text language. No address in the file (the caller knows it).
 */
export function* historyCsvLines(history: ParticipationHistory): Generator<string> {
  const line = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;
  yield `\uFEFF${line(
    [
      msg('reports.history.dialogue'),
      msg('reports.history.date'),
      msg('reports.history.status'),
      msg('reports.history.stakeholderGroup'),
      msg('reports.history.checkedIn'),
      msg('reports.history.registeredAt'),
    ].map(t),
  )}`;
  for (const h of history.items) {
    yield line([
      h.dialogueTitle,
      h.startsAt.slice(0, 10),
      t({ key: STATUS[h.status] }),
      t({ key: GROUP[h.stakeholderGroup] }),
      t(msg(h.checkedIn ? 'reports.yes' : 'reports.no')),
      h.registeredAt,
    ]);
  }
}
