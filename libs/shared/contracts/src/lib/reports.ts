import type { DialogueStatus, RegistrationStatus, StakeholderGroup } from './enums';
import type { M49Region, M49SubRegion } from './m49';

/** Filters of the balance report (all optional; several narrow together). */
export interface BalanceReportQuery {
  /** Dialogues starting inside this phase of the process. */
  phaseId?: string;
  /** Dialogues tagged with this theme. */
  themeId?: string;
  /** One dialogue of the process. */
  dialogueId?: string;
}

/** Confirmed participants and, where known, how many of them checked in. */
export interface BalanceCount {
  confirmed: number;
  checkedIn: number;
}

export interface BalanceDialogue extends BalanceCount {
  dialogueId: string;
  title: string;
  startsAt: string;
  status: DialogueStatus;
  /** Its people's personal data was erased by retention: the counts are the ones kept then. */
  erased: boolean;
  /**
   * Organizations with a confirmed participant: first time in the process or returning; null when
   * not known (erased by retention before organizations were kept).
   */
  organizations: OrganizationCounts | null;
}

export interface OrganizationCounts {
  firstTime: number;
  returning: number;
}

/**
 * `GET /processes/:id/reports/balance` (docs/reports.md): stakeholder balance over the
 * process's dialogues (not cancelled) that match the filters.
 */
export interface BalanceReport {
  processId: string;
  processTitle: string;
  filters: BalanceReportQuery;
  totals: BalanceCount & { dialogues: number; erasedDialogues: number };
  /** Every stakeholder group, zeros included, in the contract's order. */
  byGroup: (BalanceCount & { group: StakeholderGroup })[];
  /** Every M49 region, zeros included, then `unknown`. */
  byRegion: (BalanceCount & { region: M49Region | 'unknown' })[];
  /** The sub-regions with someone in them. */
  bySubRegion: (BalanceCount & { subRegion: M49SubRegion | 'unknown'; region: M49Region | 'unknown' })[];
  /** Per dialogue, by start. */
  byDialogue: BalanceDialogue[];
  /** Organization appearances (one per organization and dialogue), first time vs returning; `unknownDialogues`: dialogues whose organizations are not known. */
  organizations: OrganizationCounts & { unknownDialogues: number };
}

/** One line of `GET /people/history?email=`. */
export interface ParticipationHistoryEntry {
  dialogueId: string;
  dialogueTitle: string;
  startsAt: string;
  processId: string | null;
  status: RegistrationStatus;
  stakeholderGroup: StakeholderGroup;
  checkedIn: boolean;
  registeredAt: string;
}

export interface ParticipationHistory {
  email: string;
  items: ParticipationHistoryEntry[];
}
