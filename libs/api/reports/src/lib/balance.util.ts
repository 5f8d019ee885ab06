import {
  type BalanceCount,
  type BalanceDialogue,
  type BalanceReport,
  type BalanceReportQuery,
  type DialogueStatus,
  M49_REGIONS,
  M49_SUB_REGION_INFO,
  M49_SUB_REGIONS,
  type M49Region,
  type M49SubRegion,
  m49Of,
  type OrganizationCounts,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from '@gfmd/contracts';
import type { BalanceCell, RetainedCounts } from '@gfmd/api-registrations';

export interface BalanceDialogueInput {
  id: string;
  title: string;
  startsAt: string;
  status: DialogueStatus;
}

/** What the balance is made of: already aggregated by the owning domains. */
export interface BalanceInput {
  processId: string;
  processTitle: string;
  filters: BalanceReportQuery;
  /** Every dialogue of the process that counts (not cancelled): the organizations' history. */
  dialogues: BalanceDialogueInput[];
  /** The ids the filters keep. */
  selected: ReadonlySet<string>;
  /** Erased dialogues → what retention kept of their registrations (undefined: nothing kept). */
  erased: ReadonlyMap<string, Partial<RetainedCounts> | undefined>;
  /** Confirmed participants of the selected live dialogues, by dialogue, group and country. */
  cells: BalanceCell[];
  /** Live dialogues → their organization keys (a dialogue absent: none). */
  organizationKeys: ReadonlyMap<string, string[]>;
}

type Region = M49Region | 'unknown';
type SubRegion = M49SubRegion | 'unknown';

const zero = (): BalanceCount => ({ confirmed: 0, checkedIn: 0 });
const isGroup = (g: string): g is StakeholderGroup => (STAKEHOLDER_GROUPS as readonly string[]).includes(g);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * The balance report from aggregates (docs/reports.md): live counts and the counts retention
 * kept are added alike; an organization is returning in a dialogue when it had a confirmed
 * participant in a dialogue of the process that started earlier (filters aside).
 */
export function buildBalance(input: BalanceInput): BalanceReport {
  const byGroup = new Map<StakeholderGroup, BalanceCount>(STAKEHOLDER_GROUPS.map((g) => [g, zero()]));
  const byRegion = new Map<Region, BalanceCount>([...M49_REGIONS, 'unknown' as const].map((r) => [r, zero()]));
  const bySub = new Map<SubRegion, BalanceCount>();
  const byDialogue = new Map<string, BalanceCount>();
  const add = (c: BalanceCount, confirmed: number, checkedIn: number) => {
    c.confirmed += confirmed;
    c.checkedIn += checkedIn;
  };
  const group = (g: string) => byGroup.get(isGroup(g) ? g : 'other') as BalanceCount;
  const place = (country: string, confirmed: number, checkedIn: number) => {
    const { region, subRegion } = m49Of(country);
    add(byRegion.get(region) as BalanceCount, confirmed, checkedIn);
    if (!bySub.has(subRegion)) bySub.set(subRegion, zero());
    add(bySub.get(subRegion) as BalanceCount, confirmed, checkedIn);
  };
  const dialogueCount = (id: string) => {
    if (!byDialogue.has(id)) byDialogue.set(id, zero());
    return byDialogue.get(id) as BalanceCount;
  };

  for (const cell of input.cells) {
    if (!input.selected.has(cell.dialogueId) || input.erased.has(cell.dialogueId)) continue;
    add(group(cell.stakeholderGroup), cell.confirmed, cell.checkedIn);
    place(cell.country, cell.confirmed, cell.checkedIn);
    add(dialogueCount(cell.dialogueId), cell.confirmed, cell.checkedIn);
  }

  for (const [id, kept] of input.erased) {
    if (!input.selected.has(id) || !kept) continue;
    const d = dialogueCount(id);
    let confirmed = 0;
    let checkedIn = 0;
    for (const [g, statuses] of Object.entries(kept.byGroup ?? {})) {
      const n = num(statuses?.['confirmed']);
      add(group(g), n, 0);
      confirmed += n;
    }
    for (const [g, n] of Object.entries(kept.checkedIn ?? {})) {
      add(group(g), 0, num(n));
      checkedIn += num(n);
    }
    for (const [country, n] of Object.entries(kept.byCountry ?? {})) place(country, num(n), 0);
    if (kept.checkedInByCountry) {
      for (const [country, n] of Object.entries(kept.checkedInByCountry)) place(country, 0, num(n));
    } else if (checkedIn) {
      place('unknown', 0, checkedIn);
    }
    add(d, confirmed, checkedIn);
  }

  // Organizations: walk the process's dialogues by start; those starting together are not "earlier".
  const seen = new Set<string>();
  const orgs = new Map<string, OrganizationCounts | null>();
  const dialogues = [...input.dialogues].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id),
  );
  const keysOf = (id: string): string[] | null => {
    if (!input.erased.has(id)) return input.organizationKeys.get(id) ?? [];
    return input.erased.get(id)?.organizationKeys ?? null;
  };
  for (let i = 0; i < dialogues.length;) {
    let j = i;
    const batch: string[] = [];
    while (j < dialogues.length && dialogues[j].startsAt === dialogues[i].startsAt) batch.push(dialogues[j++].id);
    const keysById = batch.map((id) => [id, keysOf(id)] as const);
    for (const [id, keys] of keysById) {
      orgs.set(
        id,
        keys && {
          firstTime: keys.filter((k) => !seen.has(k)).length,
          returning: keys.filter((k) => seen.has(k)).length,
        },
      );
    }
    for (const [, keys] of keysById) for (const k of keys ?? []) seen.add(k);
    i = j;
  }

  const selected = dialogues.filter((d) => input.selected.has(d.id));
  const rows: BalanceDialogue[] = selected.map((d) => ({
    dialogueId: d.id,
    title: d.title,
    startsAt: d.startsAt,
    status: d.status,
    erased: input.erased.has(d.id),
    ...(byDialogue.get(d.id) ?? zero()),
    organizations: orgs.get(d.id) ?? null,
  }));
  const organizations = { firstTime: 0, returning: 0, unknownDialogues: 0 };
  for (const r of rows) {
    if (!r.organizations) organizations.unknownDialogues++;
    else {
      organizations.firstTime += r.organizations.firstTime;
      organizations.returning += r.organizations.returning;
    }
  }
  const totals = { ...zero(), dialogues: rows.length, erasedDialogues: rows.filter((r) => r.erased).length };
  for (const r of rows) add(totals, r.confirmed, r.checkedIn);

  const subOrder = [...M49_SUB_REGIONS, 'unknown' as const];
  return {
    processId: input.processId,
    processTitle: input.processTitle,
    filters: input.filters,
    totals,
    byGroup: [...byGroup].map(([g, c]) => ({ group: g, ...c })),
    byRegion: [...byRegion]
      .filter(([region, c]) => region !== 'antarctica' || c.confirmed || c.checkedIn)
      .map(([region, c]) => ({ region, ...c })),
    bySubRegion: [...bySub]
      .filter(([, c]) => c.confirmed || c.checkedIn)
      .sort(([a], [b]) => subOrder.indexOf(a) - subOrder.indexOf(b))
      .map(([subRegion, c]) => ({
        subRegion,
        region: subRegion === 'unknown' ? 'unknown' : M49_SUB_REGION_INFO[subRegion].region,
        ...c,
      })),
    byDialogue: rows,
    organizations,
  };
}
