import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@gfmd/api-auth';
import { DialoguesService } from '@gfmd/api-dialogues';
import type { DialogueStats, Language, Page, ReaderLanguage } from '@gfmd/contracts';
import { bothCursors, decodeCursor, encodeCursor, forbidden, msg } from '@gfmd/api-platform';
import { Readable } from 'node:stream';
import { ListRegistrationsQuery } from './registration.dto';
import { RegistrationView } from './registration.mapper';
import { RegistrationReadsRepository } from './registration-reads.repository';
import type { RegistrationFilter } from './registration.rows';
import { SeatHoldsRepository } from './seat-holds.repository';
import { RegistrationAnswers } from './registration-answers';
import { csvContentDisposition, csvHead, csvLiner, dayIn } from './registrations-csv.util';
import { StaffAccess } from './staff-access.service';

/** The list's cursor tag (registrations in arrival order): another list's cursor is refused. */
const LIST_CURSOR = 'registrations:arrival';
/**
 * Rows read per keyset page of the CSV export. Pages are read through pg's callback form
 * (`csvPage`, `rowsByCallback`): through its promise form every row was promoted to the old
 * generation whatever the page size, and the process's memory grew with the export
 * (docs/performance.md, "Session 11").
 */
const CSV_PAGE = 200;
/** Bytes of CSV the export holds ahead of the client: a page or so (not 16 pages, as an object stream would). */
const CSV_AHEAD = 64 * 1024;

/** A dialogue's registrations as staff see them: the list, the CSV export and the stats (coordinators: their spaces). */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly reads: RegistrationReadsRepository,
    private readonly access: StaffAccess,
    private readonly dialogues: DialoguesService,
    private readonly holds: SeatHoldsRepository,
    private readonly answers: RegistrationAnswers,
  ) {}

  /**
   * A page of a dialogue's registrations in arrival order: by `after` (a keyset cursor, the
   * `nextCursor` of the previous page), by `before` (the `prevCursor` of the next page) or by page
   * number; the total is capped (COUNT_CAP).
   */
  async list(dialogueId: string, query: ListRegistrationsQuery, user: AuthUser): Promise<Page<RegistrationView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    if (query.after !== undefined && query.before !== undefined) throw bothCursors();
    const afterArrival = query.after === undefined ? undefined : decodeCursor(query.after, LIST_CURSOR, ['int'])[0];
    const beforeArrival =
      query.before === undefined ? undefined : decodeCursor(query.before, LIST_CURSOR, ['int'], 'before')[0];
    const { filter, scope } = await this.filterFor(dialogueId, query, user);
    // One row more than the page: whether a page exists beyond it (its cursor null at the end).
    const found = await this.reads.list({
      ...filter,
      afterArrival,
      beforeArrival,
      skip: (page - 1) * pageSize,
      take: pageSize + 1,
    });
    const backwards = beforeArrival !== undefined;
    // Backwards, the extra row is the first (the rows come in arrival order).
    const more = found.rows.length > pageSize;
    const rows = backwards && more ? found.rows.slice(1) : found.rows.slice(0, pageSize);
    const first = rows[0];
    const last = rows[rows.length - 1];
    const cursor = (r: { arrival: string }) => encodeCursor(LIST_CURSOR, [String(r.arrival)]);
    return {
      items: await this.reads.views(rows, scope),
      total: found.total,
      page,
      pageSize,
      ...(found.totalIsEstimate ? { totalIsEstimate: true } : {}),
      nextCursor: last && (backwards || more) ? cursor(last) : null,
      prevCursor: first && (backwards ? more : afterArrival !== undefined || page > 1) ? cursor(first) : null,
    };
  }

  /**
   * The export in the reader's language, streamed: keyset pages of CSV_PAGE rows in arrival order,
   * each turned into lines and let go before the next is read (memory flat whatever the size).
   * Access and filters are checked before the first byte, so a refusal is still a problem+json.
   * Also its Content-Disposition (the dialogue's title and first day).
   */
  async csv(
    dialogueId: string,
    query: ListRegistrationsQuery,
    user: AuthUser,
    language: Language = 'en',
    contentLanguage: ReaderLanguage = language,
  ): Promise<{ body: Readable; disposition: string }> {
    const { filter } = await this.filterFor(dialogueId, query, user);
    const d = await this.dialogues.findRecord(dialogueId);
    const reads = this.reads;
    const questions = await this.answers.questions(dialogueId);
    const labels = { language: contentLanguage, languages: d.languages };
    const line = csvLiner(language, questions, labels);
    async function* lines(): AsyncGenerator<string> {
      yield csvHead(language, questions, labels);
      let after: string | null = null;
      for (;;) {
        const rows = await reads.csvPage(filter, after, CSV_PAGE);
        if (!rows.length) return;
        yield rows.map(line).join('');
        if (rows.length < CSV_PAGE) return;
        after = rows[rows.length - 1].arrival;
      }
    }
    return {
      // A byte stream: the next page is read when less than CSV_AHEAD bytes wait for the client.
      body: Readable.from(lines(), { objectMode: false, highWaterMark: CSV_AHEAD }),
      disposition: csvContentDisposition(d.title, dayIn(d.startsAt, d.timeZone), language),
    };
  }

  async stats(
    dialogueId: string,
    user: AuthUser,
  ): Promise<DialogueStats & { confirmedCount: number; onlineConfirmedCount?: number }> {
    const scope = await this.access.scope(dialogueId, user);
    const d = await this.dialogues.findRecord(dialogueId);
    const { byStatusGroup, bySpace, awaitingBySpace } = await this.reads.stats(dialogueId, scope);
    const out: DialogueStats & { confirmedCount: number; onlineConfirmedCount?: number } = {
      byStatus: {},
      byGroup: {},
      bySpace: {},
      awaiting: { registrations: 0, bySpace: {} },
      capacity: d.capacity,
      confirmedCount: d.confirmedCount,
      quotas: d.stakeholderQuotas,
      // Coordinators see their spaces' participants only: the delegations are the organizers'.
      ...(scope ? {} : { delegations: await this.holds.summary(dialogueId) }),
      ...(scope
        ? {}
        : { answers: await this.reads.answerCounts(dialogueId, await this.answers.countable(dialogueId)) }),
    };
    if (d.format === 'hybrid') {
      out.byAttendance = {};
      out.onlineCapacity = d.onlineCapacity ?? null;
      out.onlineConfirmedCount = d.onlineConfirmedCount;
    }
    for (const row of byStatusGroup) {
      out.byStatus[row.status] = (out.byStatus[row.status] ?? 0) + row.n;
      const group = (out.byGroup[row.g] ??= {});
      group[row.status] = (group[row.status] ?? 0) + row.n;
      if (out.byAttendance) {
        const mode = (out.byAttendance[row.a === 'online' ? 'online' : 'in_person'] ??= {});
        mode[row.status] = (mode[row.status] ?? 0) + row.n;
      }
    }
    for (const row of bySpace) (out.bySpace[row.spaceId] ??= {})[row.status] = row.n;
    const awaiting = { registrations: out.byStatus.pending ?? 0, bySpace: {} as Record<string, number> };
    for (const row of awaitingBySpace) awaiting.bySpace[row.spaceId] = row.n;
    out.awaiting = awaiting;
    return out;
  }

  /** The list filter of a query, within what the staff member may see (a coordinator asking for another space: 403). */
  private async filterFor(dialogueId: string, query: ListRegistrationsQuery, user: AuthUser) {
    const scope = await this.access.scope(dialogueId, user);
    if (scope && query.spaceId && !scope.includes(query.spaceId)) throw forbidden(msg('registrations.notCoordinator'));
    const filter: Omit<RegistrationFilter, 'skip' | 'take'> = {
      dialogueId,
      status: query.status,
      stakeholderGroup: query.stakeholderGroup,
      spaceId: query.spaceId,
      awaiting: query.awaiting,
      q: query.q || undefined,
      answer: query.answer
        ? {
            key: query.answer.slice(0, query.answer.indexOf(':')),
            value: query.answer.slice(query.answer.indexOf(':') + 1),
          }
        : undefined,
      onlySpaceIds: scope,
    };
    return { filter, scope };
  }
}
