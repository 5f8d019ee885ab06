import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Outcome, OutcomeDiff, OutcomeVersion, Recommendation } from '@gfmd/contracts';
import { AuthService, type AuthUser } from '@gfmd/api-auth';
import { DialoguesRepository, DialoguesService, PUBLIC_STATUSES, type DialogueRecord } from '@gfmd/api-dialogues';
import {
  badRequest,
  conflict,
  domainRule,
  FieldError,
  forbidden,
  inTransaction,
  notFound,
  ProblemException,
} from '@gfmd/api-platform';
import { SpacesService } from '@gfmd/api-spaces';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PatchOutcomeDto, PutOutcomeDto } from './outcome.dto';
import { diffOutcomes, recommendationChanges } from './outcome-diff';
import { OutcomeRecord, OutcomesRepository, StoredRecommendation } from './outcomes.repository';
import { PublishedRecord, RecommendationsRepository } from './recommendations.repository';

/** The process whose references the recommendations carry (one process today: the GCM review). */
export const PROCESS_CODE = 'GCM';

const isOrganizer = (user: AuthUser) => user.role === 'admin' || user.role === 'organizer';
const pad = (n: number) => String(n).padStart(2, '0');

/** `GFMD-GCM-T3-D12-R04`: process, informal session, dialogue and recommendation numbers. */
export const referenceOf = (session: number, dialogue: number, recommendation: number) =>
  `GFMD-${PROCESS_CODE}-T${session}-D${pad(dialogue)}-R${pad(recommendation)}`;

/**
 * The outcome of a dialogue and its review cycle (docs/http-contract.md, "Outcomes").
 * draft/returned → submitted → approved → published; a save on a published outcome starts a new
 * draft while the published version stays public. Every save and transition is one version,
 * written in the same transaction as the change.
 */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly repo: OutcomesRepository,
    private readonly published: RecommendationsRepository,
    private readonly dialogues: DialoguesService,
    private readonly dialoguesRepo: DialoguesRepository,
    private readonly spaces: SpacesService,
    private readonly auth: AuthService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** For other domains (documents): the staff users named rapporteurs of a dialogue's outcome. */
  async rapporteurUserIds(dialogueId: string): Promise<string[]> {
    return (await this.repo.find(dialogueId))?.rapporteurUserIds ?? [];
  }

  /** Staff: the working copy (an empty draft at version 0 before the first save); anonymous: the published one. */
  async get(dialogueId: string, viewer: AuthUser | undefined): Promise<Outcome> {
    await this.dialogues.findVisible(dialogueId, viewer);
    const row = await this.repo.find(dialogueId);
    if (viewer) return toOutcome(row ?? emptyOutcome(dialogueId));
    if (!row?.publishedVersion) throw notFound('Outcome');
    const version = await this.repo.findVersion(dialogueId, row.publishedVersion);
    if (!version) throw notFound('Outcome');
    return toPublicOutcome(version.snapshot);
  }

  async put(dialogueId: string, dto: PutOutcomeDto, user: AuthUser): Promise<Outcome> {
    return inTransaction(this.dataSource, async () => {
      const { dialogue, row } = await this.lockForChange(dialogueId, dto.version);
      if (row.status === 'submitted' || row.status === 'approved') {
        throw conflict(
          'invalid-transition',
          `The outcome is ${row.status}; an organizer must return it before it can change.`,
          { outcomeStatus: row.status },
        );
      }
      const role = await this.roleOf(user, row, dialogue.id);
      if (role.kind === 'none')
        throw forbidden('Only the rapporteurs, organizers and space coordinators edit this outcome.');
      const errors: FieldError[] = [];
      const current = new Map(row.recommendations.map((r) => [r.id, r]));
      const seen = new Set<string>();
      dto.recommendations.forEach((r, i) => {
        if (!r.text.trim()) errors.push({ field: `recommendations.${i}.text`, message: 'text must not be blank' });
        if (r.id && seen.has(r.id))
          errors.push({ field: `recommendations.${i}.id`, message: 'a recommendation is listed twice' });
        if (r.id) seen.add(r.id);
      });
      const summary = dto.summary === undefined ? row.summary : dto.summary.trim();
      const keyMessages = dto.keyMessages === undefined ? row.keyMessages : dto.keyMessages.map((m) => m.trim());
      keyMessages.forEach((m, i) => {
        if (!m) errors.push({ field: `keyMessages.${i}`, message: 'a key message must not be blank' });
      });
      if (errors.length) throw badRequest('Some values are invalid.', errors);
      const unknownIds = dto.recommendations.map((r, i) => [r, i] as const).filter(([r]) => r.id && !current.has(r.id));
      if (unknownIds.length) {
        throw domainRule(
          'unknown-recommendation',
          'A recommendation does not belong to this outcome; leave out the id of a new one.',
          unknownIds.map(([, i]) => ({ field: `recommendations.${i}.id`, message: 'unknown recommendation' })),
        );
      }
      const spaceIds = new Set((await this.spaces.listRecords(dialogue.id)).map((s) => s.id));
      const badSpaces = dto.recommendations
        .map((r, i) => [r, i] as const)
        .filter(([r]) => r.spaceId && !spaceIds.has(r.spaceId));
      if (badSpaces.length) {
        throw domainRule(
          'unknown-space',
          'A recommendation names a space that is not one of this dialogue.',
          badSpaces.map(([, i]) => ({ field: `recommendations.${i}.spaceId`, message: 'unknown space' })),
        );
      }
      const missingThemes = new Set(
        await this.dialoguesRepo.themesExist([...new Set(dto.recommendations.flatMap((r) => r.themeIds))]),
      );
      if (missingThemes.size) {
        throw domainRule(
          'unknown-theme',
          'Unknown theme.',
          dto.recommendations.flatMap((r, i) =>
            r.themeIds
              .filter((t) => missingThemes.has(t))
              .map((t) => ({ field: `recommendations.${i}.themeIds`, message: `unknown theme ${t}` })),
          ),
        );
      }
      const rapporteurUserIds = dto.rapporteurUserIds ?? row.rapporteurUserIds;
      if (dto.rapporteurUserIds && !sameSet(dto.rapporteurUserIds, row.rapporteurUserIds)) {
        if (role.kind !== 'organizer') throw forbidden('Only organizers name the rapporteurs.');
        await this.assertStaff(dto.rapporteurUserIds);
      }

      let last = row.lastRecommendationNumber;
      const recommendations: StoredRecommendation[] = dto.recommendations.map((r) => {
        const before = r.id ? current.get(r.id) : undefined;
        return {
          id: before?.id ?? randomUUID(),
          number: before?.number ?? ++last,
          reference: before?.reference ?? null,
          text: r.text.trim(),
          kind: r.kind,
          themeIds: r.themeIds,
          addressedTo: r.addressedTo,
          spaceId: r.spaceId ?? null,
        };
      });

      if (role.kind === 'coordinator') {
        if (summary !== row.summary || !sameList(keyMessages, row.keyMessages)) {
          throw forbidden("A space's coordinators change only their space's recommendations.");
        }
        const mine = (r: Recommendation | undefined) => !r || (!!r.spaceId && role.spaceIds.includes(r.spaceId));
        const next = new Map(recommendations.map((r) => [r.id, r]));
        const touched = [
          ...recommendations.filter((r) => {
            const before = current.get(r.id);
            return !before || recommendationChanges(before, r).length > 0;
          }),
          ...row.recommendations.filter((r) => !next.has(r.id)),
        ];
        if (touched.some((r) => !mine(r) || !mine(current.get(r.id)))) {
          throw forbidden("A space's coordinators add, change and remove only their own space's recommendations.");
        }
      }

      const next: OutcomeRecord = {
        ...row,
        summary,
        keyMessages,
        rapporteurUserIds,
        recommendations,
        status: row.status === 'published' ? 'draft' : row.status,
        version: row.version + 1,
        lastRecommendationNumber: last,
      };
      return this.saveVersion(next, user);
    });
  }

  /** Organizers name the rapporteurs (any active staff user). */
  async patch(dialogueId: string, dto: PatchOutcomeDto, user: AuthUser): Promise<Outcome> {
    return inTransaction(this.dataSource, async () => {
      const { row } = await this.lockForChange(dialogueId, dto.version);
      if (dto.rapporteurUserIds) await this.assertStaff(dto.rapporteurUserIds);
      return this.saveVersion(
        { ...row, rapporteurUserIds: dto.rapporteurUserIds ?? row.rapporteurUserIds, version: row.version + 1 },
        user,
      );
    });
  }

  async submit(dialogueId: string, user: AuthUser): Promise<Outcome> {
    return this.transition(dialogueId, user, async (row, dialogue) => {
      const role = await this.roleOf(user, row, dialogue.id);
      if (role.kind !== 'organizer' && role.kind !== 'rapporteur') {
        throw forbidden('Only the rapporteurs and organizers submit the outcome.');
      }
      assertFrom(row, ['draft', 'returned'], 'submit');
      if (!row.summary.trim()) {
        throw domainRule('domain-rule', 'Write the summary before submitting.', [
          { field: 'summary', message: 'summary must not be blank' },
        ]);
      }
      return { ...row, status: 'submitted', submittedById: user.id };
    });
  }

  async approve(dialogueId: string, user: AuthUser): Promise<Outcome> {
    return this.transition(dialogueId, user, async (row) => {
      assertFrom(row, ['submitted'], 'approve');
      if (row.submittedById === user.id || row.rapporteurUserIds.includes(user.id)) {
        throw new ProblemException(
          403,
          'own-draft',
          'You drafted or submitted this outcome; another organizer must review and approve it.',
        );
      }
      return { ...row, status: 'approved', returnComment: null };
    });
  }

  async returnWithComment(dialogueId: string, comment: string, user: AuthUser): Promise<Outcome> {
    return this.transition(dialogueId, user, async (row) => {
      assertFrom(row, ['submitted', 'approved'], 'return');
      if (!comment.trim())
        throw badRequest('Some values are invalid.', [{ field: 'comment', message: 'comment must not be blank' }]);
      return { ...row, status: 'returned', returnComment: comment.trim() };
    });
  }

  /**
   * Publishes the approved outcome: each recommendation without a reference gets one (the
   * dialogue's number is given on its first publication from a counter that never goes back);
   * recommendations published before keep theirs, and a changed one records its earlier wording;
   * one removed since is withdrawn (its reference still resolves and is never given again).
   */
  async publish(dialogueId: string, user: AuthUser): Promise<Outcome> {
    return this.transition(dialogueId, user, async (row, dialogue) => {
      assertFrom(row, ['approved'], 'publish');
      if (!PUBLIC_STATUSES.includes(dialogue.status)) {
        throw domainRule('dialogue-not-published', 'Publish the dialogue before its outcome.');
      }
      const session = await this.dialoguesRepo.findSession(dialogue.informalSessionId);
      if (!session) throw notFound('Informal session');
      const dialogueNumber = row.dialogueNumber ?? (await this.repo.nextCounter(`${PROCESS_CODE}-T${session.number}`));
      const now = new Date();
      const version = row.version + 1;
      const recommendations = row.recommendations.map((r) => ({
        ...r,
        reference: r.reference ?? referenceOf(session.number, dialogueNumber, r.number),
      }));
      const before = new Map((await this.published.listByDialogue(dialogue.id)).map((p) => [p.recommendationId, p]));
      const kept = new Set<string>();
      for (const r of recommendations) {
        kept.add(r.id);
        const old = before.get(r.id);
        const history = [...(old?.history ?? [])];
        if (old && recommendationChanges(toRecommendation(old), r).length) {
          history.push({
            text: old.text,
            kind: old.kind,
            themeIds: old.themeIds,
            addressedTo: old.addressedTo,
            spaceId: old.spaceId,
            publishedAt: new Date(old.publishedAt).toISOString(),
          });
        }
        const changed = !old || history.length !== old.history.length || old.withdrawn;
        await this.published.upsert({
          reference: r.reference,
          recommendationId: r.id,
          dialogueId: dialogue.id,
          informalSessionId: dialogue.informalSessionId,
          text: r.text,
          kind: r.kind,
          themeIds: r.themeIds,
          addressedTo: r.addressedTo,
          spaceId: r.spaceId ?? null,
          withdrawn: false,
          outcomeVersion: version,
          firstPublishedAt: old?.firstPublishedAt ?? now,
          publishedAt: changed ? now : old.publishedAt,
          history,
        });
      }
      for (const old of before.values()) {
        if (!kept.has(old.recommendationId) && !old.withdrawn) {
          await this.published.upsert({
            ...old,
            withdrawn: true,
            outcomeVersion: version,
            publishedAt: now,
          } as PublishedRecord);
        }
      }
      return {
        ...row,
        recommendations,
        status: 'published',
        dialogueNumber,
        publishedVersion: version,
        publishedAt: now,
        returnComment: null,
      };
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

  // ── rules ────────────────────────────────────────────────────────────────────────────────

  /** Locks the dialogue then the outcome; checks the version the client read (409 with the current one). */
  private async lockForChange(dialogueId: string, version?: number) {
    const dialogue = await this.lockDialogue(dialogueId);
    const row = (await this.repo.find(dialogueId, true)) ?? emptyOutcome(dialogueId);
    if (version !== undefined && version !== row.version) {
      throw new ProblemException(
        409,
        'stale-version',
        `The outcome is at version ${row.version}; you edited version ${version}. Reload it and apply your changes again.`,
        undefined,
        { currentVersion: row.version, current: toOutcome(row) },
      );
    }
    return { dialogue, row };
  }

  private async lockDialogue(dialogueId: string): Promise<DialogueRecord> {
    const dialogue = await this.dialoguesRepo.lockDialogue(dialogueId);
    if (!dialogue) throw notFound('Dialogue');
    if (dialogue.status === 'cancelled') throw domainRule('dialogue-closed', 'A cancelled dialogue has no outcome.');
    return dialogue;
  }

  private async transition(
    dialogueId: string,
    user: AuthUser,
    decide: (row: OutcomeRecord, dialogue: DialogueRecord) => Promise<OutcomeRecord>,
  ): Promise<Outcome> {
    return inTransaction(this.dataSource, async () => {
      const { dialogue, row } = await this.lockForChange(dialogueId);
      if (row.version === 0) throw conflict('invalid-transition', 'The outcome has no draft yet.');
      const next = await decide(row, dialogue);
      return this.saveVersion({ ...next, version: row.version + 1 }, user);
    });
  }

  private async saveVersion(next: OutcomeRecord, user: AuthUser): Promise<Outcome> {
    await this.repo.save(next);
    const outcome = toOutcome(next);
    await this.repo.addVersion(next.dialogueId, next.version, outcome, user.id);
    return outcome;
  }

  private async roleOf(
    user: AuthUser,
    row: OutcomeRecord,
    dialogueId: string,
  ): Promise<{ kind: 'organizer' | 'rapporteur' | 'none' } | { kind: 'coordinator'; spaceIds: string[] }> {
    if (isOrganizer(user)) return { kind: 'organizer' };
    if (row.rapporteurUserIds.includes(user.id)) return { kind: 'rapporteur' };
    const spaceIds = await this.spaces.spaceIdsCoordinatedBy(user.id, dialogueId);
    return spaceIds.length ? { kind: 'coordinator', spaceIds } : { kind: 'none' };
  }

  private async assertStaff(ids: string[]) {
    const users = new Map((await this.auth.usersByIds(ids)).map((u) => [u.id, u]));
    const bad = ids.filter((id) => !users.get(id) || users.get(id)?.active === false);
    if (bad.length) {
      throw domainRule(
        'domain-rule',
        'Rapporteurs must be active staff users.',
        bad.map((id) => ({ field: 'rapporteurUserIds', message: `${id} is not an active staff user` })),
      );
    }
  }
}

function assertFrom(row: OutcomeRecord, from: OutcomeRecord['status'][], action: string) {
  if (!from.includes(row.status)) {
    throw conflict('invalid-transition', `A ${row.status} outcome cannot be asked to ${action}.`, {
      outcomeStatus: row.status,
    });
  }
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function emptyOutcome(dialogueId: string): OutcomeRecord {
  return {
    dialogueId,
    summary: '',
    keyMessages: [],
    rapporteurUserIds: [],
    recommendations: [],
    status: 'draft',
    version: 0,
    returnComment: null,
    submittedById: null,
    publishedVersion: null,
    publishedAt: null,
    dialogueNumber: null,
    lastRecommendationNumber: 0,
  };
}

type RecommendationLike = Omit<Recommendation, 'id'> & { id?: string; recommendationId?: string };

const toRecommendation = (r: RecommendationLike): Recommendation => ({
  id: r.id ?? r.recommendationId ?? '',
  reference: r.reference ?? null,
  text: r.text,
  kind: r.kind,
  themeIds: r.themeIds,
  addressedTo: r.addressedTo,
  spaceId: r.spaceId ?? null,
});

export function toOutcome(o: OutcomeRecord): Outcome {
  return {
    dialogueId: o.dialogueId,
    summary: o.summary,
    keyMessages: o.keyMessages,
    rapporteurUserIds: o.rapporteurUserIds,
    recommendations: o.recommendations.map(toRecommendation),
    status: o.status,
    version: o.version,
    returnComment: o.returnComment,
    publishedVersion: o.publishedVersion,
    publishedAt: o.publishedAt ? new Date(o.publishedAt).toISOString() : null,
  };
}

/** The published snapshot as anonymous visitors see it: no staff ids, no review comment. */
function toPublicOutcome(o: Outcome): Outcome {
  const { rapporteurUserIds: _r, returnComment: _c, ...rest } = o;
  return { ...rest, status: 'published' };
}
