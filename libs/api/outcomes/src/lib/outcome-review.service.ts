import { Injectable } from '@nestjs/common';
import type { Outcome, OutcomeDiff, OutcomeVersion } from '@gfmd/contracts';
import type { AuthUser } from '@gfmd/api-auth';
import { DialoguesService } from '@gfmd/api-dialogues';
import { badRequest, domainRule, forbidden, notFound, ProblemException, msg } from '@gfmd/api-platform';
import { diffOutcomes } from './outcome-diff';
import { assertFrom, OutcomeChanges } from './outcome-changes.service';
import { OutcomesRepository } from './outcomes.repository';

/**
 * The review cycle of an outcome: draft/returned → submitted → approved (→ published, see
 * OutcomePublishingService), or returned with a comment; and what a reviewer reads: the
 * versions and the diff since the last submission.
 */
@Injectable()
export class OutcomeReviewService {
  constructor(
    private readonly repo: OutcomesRepository,
    private readonly changes: OutcomeChanges,
    private readonly dialogues: DialoguesService,
  ) {}

  submit(dialogueId: string, user: AuthUser): Promise<Outcome> {
    return this.changes.transition(dialogueId, user, 'outcome.submitted', async (row, dialogue) => {
      const role = await this.changes.roleOf(user, row, dialogue.id);
      if (role.kind !== 'organizer' && role.kind !== 'rapporteur') {
        throw forbidden(msg('outcomes.whoSubmits'));
      }
      assertFrom(row, ['draft', 'returned'], 'submit');
      if (!row.summary.trim()) {
        throw domainRule('domain-rule', msg('outcomes.summaryFirst'), [
          { field: 'summary', message: msg('outcomes.summaryBlank.field') },
        ]);
      }
      return { next: { ...row, status: 'submitted', submittedById: user.id } };
    });
  }

  /** Another organizer than the one who drafted or submitted it (403 own-draft). */
  approve(dialogueId: string, user: AuthUser): Promise<Outcome> {
    return this.changes.transition(dialogueId, user, 'outcome.approved', async (row) => {
      assertFrom(row, ['submitted'], 'approve');
      if (row.submittedById === user.id || row.rapporteurUserIds.includes(user.id)) {
        throw new ProblemException(403, 'own-draft', msg('outcomes.ownDraft'));
      }
      return { next: { ...row, status: 'approved', returnComment: null } };
    });
  }

  returnWithComment(dialogueId: string, comment: string, user: AuthUser): Promise<Outcome> {
    return this.changes.transition(dialogueId, user, 'outcome.returned', async (row) => {
      assertFrom(row, ['submitted', 'approved'], 'return');
      if (!comment.trim())
        throw badRequest(msg('platform.someInvalid'), [
          { field: 'comment', message: msg('outcomes.commentBlank.field') },
        ]);
      // The comment is free text: the audit line says only that there was one (in the version).
      return { next: { ...row, status: 'returned', returnComment: comment.trim() }, details: { from: row.status } };
    });
  }

  async versions(dialogueId: string): Promise<OutcomeVersion[]> {
    await this.dialogues.findRecord(dialogueId);
    return (await this.repo.listVersions(dialogueId)).map((v) => ({
      version: v.version,
      status: v.status,
      savedById: v.savedById,
      savedAt: new Date(v.savedAt).toISOString(),
    }));
  }

  async version(dialogueId: string, n: number): Promise<OutcomeVersion> {
    await this.dialogues.findRecord(dialogueId);
    const v = Number.isSafeInteger(n) && n >= 1 && n <= 1_000_000 ? await this.repo.findVersion(dialogueId, n) : null;
    if (!v) throw notFound('Outcome version');
    return {
      version: v.version,
      status: v.status,
      savedById: v.savedById,
      savedAt: new Date(v.savedAt).toISOString(),
      outcome: v.snapshot,
    };
  }

  /** From (default: the last submission before `to`, else version 1) to (default: the current version). */
  async diff(dialogueId: string, query: { from?: number; to?: number }): Promise<OutcomeDiff> {
    await this.dialogues.findRecord(dialogueId);
    const row = await this.repo.find(dialogueId);
    if (!row) throw notFound('Outcome');
    const to = query.to ?? row.version;
    const from = query.from ?? (await this.repo.lastSubmissionBefore(dialogueId, to)) ?? 1;
    const [a, b] = await Promise.all([this.repo.findVersion(dialogueId, from), this.repo.findVersion(dialogueId, to)]);
    if (!a || !b) throw notFound('Outcome version');
    return diffOutcomes(from, to, a.snapshot, b.snapshot);
  }
}
