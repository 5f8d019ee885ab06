import { Injectable } from '@nestjs/common';
import type { Outcome, Page, RapporteurOutcome, Recommendation } from '@gfmd/contracts';
import type { AuthUser } from '@gfmd/api-auth';
import { DialoguesRepository, DialoguesService } from '@gfmd/api-dialogues';
import {
  badRequest,
  conflict,
  domainRule,
  forbidden,
  mergeTranslations,
  msg,
  type FieldErrorInput,
} from '@gfmd/api-platform';
import { SpacesService } from '@gfmd/api-spaces';
import { randomUUID } from 'node:crypto';
import { PatchOutcomeDto, PutOutcomeDto } from './outcome.dto';
import { recommendationChanges } from './outcome-diff';
import { OutcomeChanges, type OutcomeAuditDetails, type OutcomeRole } from './outcome-changes.service';
import { emptyOutcome, followKeyMessages, presentOutcome, sameList, sameSet, toOutcome } from './outcome.mapper';
import { OutcomeRecord, OutcomesRepository, StoredRecommendation } from './outcomes.repository';

/**
 * Reading and writing the working copy of an outcome (docs/http-contract.md, "Outcomes"): the
 * rapporteurs and organizers write all of it, a space's coordinators their space's
 * recommendations only. A save on a published outcome starts a new draft while the published
 * version stays public.
 */
@Injectable()
export class OutcomeDraftingService {
  constructor(
    private readonly repo: OutcomesRepository,
    private readonly changes: OutcomeChanges,
    private readonly dialogues: DialoguesService,
    private readonly dialoguesRepo: DialoguesRepository,
    private readonly spaces: SpacesService,
  ) {}

  /** For other domains (documents): the staff users named rapporteurs of a dialogue's outcome. */
  async rapporteurUserIds(dialogueId: string): Promise<string[]> {
    return (await this.repo.find(dialogueId))?.rapporteurUserIds ?? [];
  }

  /** Staff: the working copy (an empty draft at version 0 before the first save). */
  async get(dialogueId: string, viewer: AuthUser): Promise<Outcome> {
    const dialogue = await this.dialogues.findVisible(dialogueId, viewer);
    const row = await this.repo.find(dialogueId);
    return presentOutcome(toOutcome(row ?? emptyOutcome(dialogueId)), dialogue);
  }

  /** The outcomes the user is named rapporteur on, whatever their role (the workspace's "My outcomes"). */
  async mine(user: AuthUser): Promise<Page<RapporteurOutcome>> {
    const rows = await this.repo.listByRapporteur(user.id);
    const titles = new Map((await this.dialogues.titles(rows.map((r) => r.dialogueId))).map((d) => [d.id, d.title]));
    const items = rows.map((r) => ({
      dialogueId: r.dialogueId,
      dialogueTitle: titles.get(r.dialogueId) ?? '',
      status: r.status,
      version: r.version,
      returnComment: r.returnComment,
      publishedVersion: r.publishedVersion,
      updatedAt: new Date(r.updatedAt).toISOString(),
    }));
    return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
  }

  put(dialogueId: string, dto: PutOutcomeDto, user: AuthUser): Promise<Outcome> {
    return this.changes.change(dialogueId, dto.version, async (row, dialogue) => {
      if (row.status === 'submitted' || row.status === 'approved') {
        throw conflict('invalid-transition', msg('outcomes.mustBeReturned', { status: row.status }), {
          outcomeStatus: row.status,
        });
      }
      const role = await this.changes.roleOf(user, row, dialogue.id);
      if (role.kind === 'none') throw forbidden(msg('outcomes.whoEdits'));
      const summary = dto.summary === undefined ? row.summary : dto.summary.trim();
      const keyMessages = dto.keyMessages === undefined ? row.keyMessages : dto.keyMessages.map((m) => m.trim());
      const sentKeyMessages = Object.values(dto.translations ?? {}).some((fields) =>
        Object.keys(fields ?? {}).some((f) => f.startsWith('keyMessages.')),
      );
      const translations = followKeyMessages(
        mergeTranslations(row.translations, dto.translations),
        row.keyMessages,
        keyMessages,
        sentKeyMessages,
      );
      assertWellFormed(dto, keyMessages);
      const current = new Map(row.recommendations.map((r) => [r.id, r]));
      await this.assertKnownReferences(dto, current, dialogue.id);

      const rapporteurUserIds = dto.rapporteurUserIds ?? row.rapporteurUserIds;
      if (dto.rapporteurUserIds && !sameSet(dto.rapporteurUserIds, row.rapporteurUserIds)) {
        if (role.kind !== 'organizer') throw forbidden(msg('outcomes.whoNamesRapporteurs'));
        await this.changes.assertStaff(dto.rapporteurUserIds);
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
          translations: mergeTranslations(before?.translations, r.translations),
        };
      });
      if (role.kind === 'coordinator') {
        const translationsChanged =
          JSON.stringify(translations) !== JSON.stringify(mergeTranslations(row.translations, undefined));
        if (summary !== row.summary || translationsChanged || !sameList(keyMessages, row.keyMessages)) {
          throw forbidden(msg('outcomes.coordinatorsOwnSpace'));
        }
        assertOwnSpaceOnly(role, row.recommendations, recommendations);
      }

      const next: OutcomeRecord = {
        ...row,
        summary,
        translations,
        keyMessages,
        rapporteurUserIds,
        recommendations,
        status: row.status === 'published' ? 'draft' : row.status,
        version: row.version + 1,
        lastRecommendationNumber: last,
      };
      // A save on a published outcome opens its correction (the published version stays public).
      const action = row.status === 'published' ? 'outcome.corrected' : 'outcome.saved';
      return this.changes.saveVersion(next, user, action, whatChanged(row, next), dialogue);
    });
  }

  /** Organizers name the rapporteurs (any active staff user). */
  patch(dialogueId: string, dto: PatchOutcomeDto, user: AuthUser): Promise<Outcome> {
    return this.changes.change(dialogueId, dto.version, async (row, dialogue) => {
      if (dto.rapporteurUserIds) await this.changes.assertStaff(dto.rapporteurUserIds);
      const next = {
        ...row,
        rapporteurUserIds: dto.rapporteurUserIds ?? row.rapporteurUserIds,
        version: row.version + 1,
      };
      return this.changes.saveVersion(next, user, 'outcome.saved', whatChanged(row, next), dialogue);
    });
  }

  /** Ids of this outcome's recommendations, spaces of this dialogue, themes that exist: else 422. */
  private async assertKnownReferences(
    dto: PutOutcomeDto,
    current: Map<string, StoredRecommendation>,
    dialogueId: string,
  ) {
    const indexed = dto.recommendations.map((r, i) => [r, i] as const);
    const unknownIds = indexed.filter(([r]) => r.id && !current.has(r.id));
    if (unknownIds.length) {
      throw domainRule(
        'unknown-recommendation',
        msg('outcomes.unknownRecommendation'),
        unknownIds.map(([, i]) => ({
          field: `recommendations.${i}.id`,
          message: msg('outcomes.unknownRecommendation.field'),
        })),
      );
    }
    const spaceIds = new Set((await this.spaces.listRecords(dialogueId)).map((s) => s.id));
    const badSpaces = indexed.filter(([r]) => r.spaceId && !spaceIds.has(r.spaceId));
    if (badSpaces.length) {
      throw domainRule(
        'unknown-space',
        msg('outcomes.unknownSpace'),
        badSpaces.map(([, i]) => ({
          field: `recommendations.${i}.spaceId`,
          message: msg('agenda.unknownSpace.field'),
        })),
      );
    }
    const missingThemes = new Set(
      await this.dialoguesRepo.themesExist([...new Set(dto.recommendations.flatMap((r) => r.themeIds))]),
    );
    if (missingThemes.size) {
      throw domainRule(
        'unknown-theme',
        msg('dialogues.unknownTheme'),
        dto.recommendations.flatMap((r, i) =>
          r.themeIds
            .filter((t) => missingThemes.has(t))
            .map((t) => ({
              field: `recommendations.${i}.themeIds`,
              message: msg('dialogues.unknownTheme.field', { ids: t }),
            })),
        ),
      );
    }
  }
}

/** For the audit line: the names of the fields that changed and the recommendations' ids by change. */
function whatChanged(before: OutcomeRecord, after: OutcomeRecord): OutcomeAuditDetails {
  const old = new Map(before.recommendations.map((r) => [r.id, r]));
  const kept = new Set(after.recommendations.map((r) => r.id));
  const fields = (['summary', 'translations', 'keyMessages', 'rapporteurUserIds'] as const).filter(
    (f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]),
  );
  return {
    fields: [...fields],
    added: after.recommendations.filter((r) => !old.has(r.id)).map((r) => r.id),
    changed: after.recommendations
      .filter((r) => old.has(r.id) && recommendationChanges(old.get(r.id) as Recommendation, r).length > 0)
      .map((r) => r.id),
    removed: before.recommendations.filter((r) => !kept.has(r.id)).map((r) => r.id),
  };
}

/** 400 for blank texts and key messages and a recommendation listed twice. */
function assertWellFormed(dto: PutOutcomeDto, keyMessages: string[]) {
  const errors: FieldErrorInput[] = [];
  const seen = new Set<string>();
  dto.recommendations.forEach((r, i) => {
    if (!r.text.trim()) errors.push({ field: `recommendations.${i}.text`, message: msg('outcomes.textBlank.field') });
    if (r.id && seen.has(r.id))
      errors.push({ field: `recommendations.${i}.id`, message: msg('outcomes.recommendationTwice.field') });
    if (r.id) seen.add(r.id);
  });
  keyMessages.forEach((m, i) => {
    if (!m) errors.push({ field: `keyMessages.${i}`, message: msg('outcomes.keyMessageBlank.field') });
  });
  if (errors.length) throw badRequest(msg('platform.someInvalid'), errors);
}

/** A coordinator adds, changes and removes only recommendations of the spaces they coordinate. */
function assertOwnSpaceOnly(
  role: Extract<OutcomeRole, { kind: 'coordinator' }>,
  before: StoredRecommendation[],
  after: StoredRecommendation[],
) {
  const current = new Map(before.map((r) => [r.id, r]));
  const mine = (r: Recommendation | undefined) => !r || (!!r.spaceId && role.spaceIds.includes(r.spaceId));
  const next = new Map(after.map((r) => [r.id, r]));
  const touched = [
    ...after.filter((r) => {
      const old = current.get(r.id);
      return (
        !old ||
        recommendationChanges(old, r).length > 0 ||
        JSON.stringify(mergeTranslations(old.translations, undefined)) !== JSON.stringify(r.translations ?? {})
      );
    }),
    ...before.filter((r) => !next.has(r.id)),
  ];
  if (touched.some((r) => !mine(r) || !mine(current.get(r.id)))) {
    throw forbidden(msg('outcomes.coordinatorsOwnSpaceAll'));
  }
}
