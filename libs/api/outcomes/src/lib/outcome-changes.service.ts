import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, Outcome } from '@gfmd/contracts';
import { AuthService, type AuthUser } from '@gfmd/api-auth';
import { DialoguesRepository, type DialogueRecord } from '@gfmd/api-dialogues';
import {
  AuditService,
  conflict,
  domainRule,
  inTransaction,
  notFound,
  ProblemException,
  type AuditDetail,
  msg,
} from '@gfmd/api-platform';
import { SpacesService } from '@gfmd/api-spaces';
import { DataSource } from 'typeorm';
import { emptyOutcome, presentOutcome, toOutcome } from './outcome.mapper';
import { OutcomeRecord, OutcomesRepository } from './outcomes.repository';

export const isOrganizer = (user: AuthUser) => user.role === 'admin' || user.role === 'organizer';

/** What an audit line of an outcome change says beyond its action: ids, names of fields, counts. */
export type OutcomeAuditDetails = Record<string, AuditDetail>;

/** Who the user is for this outcome. */
export type OutcomeRole = { kind: 'organizer' | 'rapporteur' | 'none' } | { kind: 'coordinator'; spaceIds: string[] };

/**
 * What every change of an outcome goes through, whoever asks for it: the dialogue then the
 * outcome locked in one transaction, the version the client read checked (409 with the current
 * one), and the new state written together with its version snapshot and its audit line.
 */
@Injectable()
export class OutcomeChanges {
  constructor(
    private readonly repo: OutcomesRepository,
    private readonly dialoguesRepo: DialoguesRepository,
    private readonly spaces: SpacesService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Runs `change` in one transaction with the dialogue and the outcome locked. */
  change<T>(
    dialogueId: string,
    version: number | undefined,
    change: (row: OutcomeRecord, dialogue: DialogueRecord) => Promise<T>,
  ): Promise<T> {
    return inTransaction(this.dataSource, async () => {
      const { dialogue, row } = await this.lockForChange(dialogueId, version);
      return change(row, dialogue);
    });
  }

  /** A review step: from a saved outcome to the state `decide` gives, one version further. */
  transition(
    dialogueId: string,
    user: AuthUser,
    action: AuditAction,
    decide: (
      row: OutcomeRecord,
      dialogue: DialogueRecord,
    ) => Promise<{ next: OutcomeRecord; details?: OutcomeAuditDetails }>,
  ): Promise<Outcome> {
    return this.change(dialogueId, undefined, async (row, dialogue) => {
      if (row.version === 0) throw conflict('invalid-transition', msg('outcomes.noDraft'));
      const { next, details } = await decide(row, dialogue);
      return this.saveVersion({ ...next, version: row.version + 1 }, user, action, details, dialogue);
    });
  }

  /** Writes the new state, its version and the audit line (`outcome` entity, id = the dialogue's). */
  async saveVersion(
    next: OutcomeRecord,
    user: AuthUser,
    action: AuditAction,
    details: OutcomeAuditDetails = {},
    dialogue?: Pick<DialogueRecord, 'languages'>,
  ): Promise<Outcome> {
    await this.repo.save(next);
    const outcome = toOutcome(next);
    // The version keeps the record's own words and its translations; the answer is in the reader's language.
    await this.repo.addVersion(next.dialogueId, next.version, outcome, user.id);
    await this.audit.record({
      actorUserId: user.id,
      action,
      entityType: 'outcome',
      entityId: next.dialogueId,
      dialogueId: next.dialogueId,
      details: { version: next.version, status: next.status, ...details },
    });
    return presentOutcome(outcome, dialogue);
  }

  async roleOf(user: AuthUser, row: OutcomeRecord, dialogueId: string): Promise<OutcomeRole> {
    if (isOrganizer(user)) return { kind: 'organizer' };
    if (row.rapporteurUserIds.includes(user.id)) return { kind: 'rapporteur' };
    const spaceIds = await this.spaces.spaceIdsCoordinatedBy(user.id, dialogueId);
    return spaceIds.length ? { kind: 'coordinator', spaceIds } : { kind: 'none' };
  }

  /** Rapporteurs are active staff users (any role). */
  async assertStaff(ids: string[]): Promise<void> {
    const users = new Map((await this.auth.usersByIds(ids)).map((u) => [u.id, u]));
    const bad = ids.filter((id) => !users.get(id) || users.get(id)?.active === false);
    if (bad.length) {
      throw domainRule(
        'domain-rule',
        msg('outcomes.rapporteursStaff'),
        bad.map((id) => ({ field: 'rapporteurUserIds', message: msg('outcomes.rapporteursStaff.field', { id }) })),
      );
    }
  }

  /** Locks the dialogue then the outcome; checks the version the client read (409 with the current one). */
  private async lockForChange(dialogueId: string, version?: number) {
    const dialogue = await this.dialoguesRepo.lockDialogue(dialogueId);
    if (!dialogue) throw notFound('Dialogue');
    if (dialogue.status === 'cancelled') throw domainRule('dialogue-closed', msg('outcomes.cancelledDialogue'));
    const row = (await this.repo.find(dialogueId, true)) ?? emptyOutcome(dialogueId);
    if (version !== undefined && version !== row.version) {
      throw new ProblemException(
        409,
        'stale-version',
        msg('outcomes.staleVersion', { current: row.version, edited: version }),
        undefined,
        { currentVersion: row.version, current: presentOutcome(toOutcome(row), dialogue) },
      );
    }
    return { dialogue, row };
  }
}

/** 409 unless the outcome is in one of `from`. */
export function assertFrom(row: OutcomeRecord, from: OutcomeRecord['status'][], action: string) {
  if (!from.includes(row.status)) {
    throw conflict('invalid-transition', msg('outcomes.invalidAction', { status: row.status, action }), {
      outcomeStatus: row.status,
    });
  }
}
