import { Injectable } from '@nestjs/common';
import type { BalanceReport, ParticipationHistory, ProcessTimeline } from '@gfmd/contracts';
import type { AuthUser } from '@gfmd/api-auth';
import { DialoguesService, ProcessesService } from '@gfmd/api-dialogues';
import { badRequest, type FieldError, msg } from '@gfmd/api-platform';
import { ParticipationAggregates, type RetainedCounts } from '@gfmd/api-registrations';
import { RetainedDialogues } from '@gfmd/api-retention';
import { buildBalance } from './balance.util';
import type { BalanceQuery } from './report.dto';

/**
 * Reports across a process (docs/reports.md). Reads nothing itself: the process and its
 * dialogues come from the dialogues domain, aggregates of registrations from
 * ParticipationAggregates, what retention kept from RetainedDialogues.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly processes: ProcessesService,
    private readonly dialogues: DialoguesService,
    private readonly participation: ParticipationAggregates,
    private readonly retained: RetainedDialogues,
  ) {}

  async balance(processId: string, query: BalanceQuery, user: AuthUser): Promise<BalanceReport> {
    const timeline = await this.processes.timeline(processId, { id: user.id, role: user.role });
    const all = timeline.dialogues
      .filter((d) => d.status !== 'cancelled')
      .map((d) => ({ id: d.id, title: d.title, startsAt: d.startsAt, status: d.status, themeIds: d.themeIds }));
    const match = this.matcher(timeline, query);
    const selected = new Set(all.filter(match).map((d) => d.id));
    const ids = all.map((d) => d.id);
    const kept = await this.retained.erased(ids);
    const erased = new Map(
      // The registrations hook keeps `{ erased, counts }` (libs/api/registrations, registrations-retention.ts).
      [...kept].map(([id, domains]) => [
        id,
        (domains['registrations'] as { counts?: Partial<RetainedCounts> } | undefined)?.counts,
      ]),
    );
    const live = ids.filter((id) => !erased.has(id));
    const [cells, organizationKeys] = await Promise.all([
      this.participation.balance(live.filter((id) => selected.has(id))),
      this.participation.organizations(live),
    ]);
    return buildBalance({
      processId,
      processTitle: timeline.process.title,
      filters: { ...query },
      dialogues: all,
      selected,
      erased,
      cells,
      organizationKeys,
    });
  }

  /** A person's registrations across dialogues; dialogues erased by retention show nothing. */
  async history(email: string): Promise<ParticipationHistory> {
    const records = await this.participation.history(email);
    const ids = [...new Set(records.map((r) => r.dialogueId))];
    const [summaries, erased] = await Promise.all([this.dialogues.summaries(ids), this.retained.erased(ids)]);
    const byId = new Map(summaries.map((d) => [d.id, d]));
    const items = records
      .filter((r) => byId.has(r.dialogueId) && !erased.has(r.dialogueId))
      .map((r) => {
        const d = byId.get(r.dialogueId) as (typeof summaries)[number];
        return {
          dialogueId: r.dialogueId,
          dialogueTitle: d.title,
          startsAt: new Date(d.startsAt).toISOString(),
          processId: d.processId,
          status: r.status,
          stakeholderGroup: r.stakeholderGroup,
          checkedIn: r.checkedIn,
          registeredAt: new Date(r.registeredAt).toISOString(),
        };
      })
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return { email: email.trim().toLowerCase(), items };
  }

  /** The filters as a predicate; a phase, theme or dialogue that is not the process's answers 400. */
  private matcher(timeline: ProcessTimeline, query: BalanceQuery) {
    const errors: FieldError[] = [];
    const phase = query.phaseId ? timeline.phases.find((p) => p.id === query.phaseId) : undefined;
    if (query.phaseId && !phase) errors.push(unknown('phaseId', 'phase'));
    if (query.themeId && !timeline.themes.some((t) => t.id === query.themeId)) errors.push(unknown('themeId', 'theme'));
    if (query.dialogueId && !timeline.dialogues.some((d) => d.id === query.dialogueId)) {
      errors.push(unknown('dialogueId', 'dialogue'));
    }
    if (errors.length) throw badRequest(msg('reports.foreignFilters'), errors);
    return (d: { id: string; startsAt: string; themeIds: string[] }) =>
      (!phase || (d.startsAt >= iso(phase.startsAt) && d.startsAt < iso(phase.endsAt))) &&
      (!query.themeId || d.themeIds.includes(query.themeId)) &&
      (!query.dialogueId || d.id === query.dialogueId);
  }
}

const iso = (v: string | Date) => new Date(v).toISOString();
const unknown = (field: string, what: string): FieldError => ({
  field,
  message: `${field} must be a ${what} of this process`,
  code: 'invalid',
});
