import { Injectable } from '@nestjs/common';
import type { Outcome, PublishedOutcome, PublishedRecommendation, ReaderLanguage } from '@gfmd/contracts';
import type { AuthUser } from '@gfmd/api-auth';
import {
  DialoguesRepository,
  DialoguesService,
  ProcessesService,
  PUBLIC_STATUSES,
  type DialogueRecord,
} from '@gfmd/api-dialogues';
import { cleanTranslations, DomainEvents, domainRule, msg, notFound } from '@gfmd/api-platform';
import { recommendationChanges } from './outcome-diff';
import { assertFrom, OutcomeChanges } from './outcome-changes.service';
import { contentSourceLanguage, presentSummary, toRecommendation } from './outcome.mapper';
import { OutcomesRepository } from './outcomes.repository';
import { PublishedRecord, RecommendationsRepository } from './recommendations.repository';
import { RecommendationsService } from './recommendations.service';

const pad = (n: number) => String(n).padStart(2, '0');

/** `GFMD-GCM-T3-D12`: the process's code, the informal session's and the dialogue's numbers. */
export const referencePrefixOf = (processCode: string, session: number, dialogue: number) =>
  `GFMD-${processCode}-T${session}-D${pad(dialogue)}`;

/** `GFMD-GCM-T3-D12-R04`: the dialogue's prefix and the recommendation's number. */
export const referenceOf = (prefix: string, recommendation: number) => `${prefix}-R${pad(recommendation)}`;

/** The published summary and key messages in the reader's language (what the public reads: no editors' extras). */
function localizedSummary(snapshot: Outcome, source: ReaderLanguage) {
  const {
    translations: _stored,
    missingTranslations: _missing,
    unlistedLanguages: _unlisted,
    ...words
  } = presentSummary(snapshot, source);
  return words as Pick<PublishedOutcome, 'summary' | 'summaryLang' | 'keyMessages' | 'keyMessagesLang'>;
}

/**
 * Publishing an approved outcome: stable references and the public copy of its recommendations;
 * and the published outcome as the public reads it.
 */
@Injectable()
export class OutcomePublishingService {
  constructor(
    private readonly repo: OutcomesRepository,
    private readonly publicCopy: RecommendationsRepository,
    private readonly changes: OutcomeChanges,
    private readonly dialoguesRepo: DialoguesRepository,
    private readonly processes: ProcessesService,
    private readonly dialogues: DialoguesService,
    private readonly recommendations: RecommendationsService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * The last published version, whoever asks (staff read what the public reads): summary, key
   * messages and the recommendations in the outcome's order with reference, url and cite text.
   * 404 before the first publication and for a dialogue the public cannot see.
   */
  async published(dialogueId: string): Promise<PublishedOutcome> {
    const dialogue = await this.dialogues.findVisible(dialogueId);
    const row = await this.repo.find(dialogueId);
    const snapshot = row?.publishedVersion
      ? (await this.repo.findVersion(dialogueId, row.publishedVersion))?.snapshot
      : null;
    if (!row?.publishedVersion || !snapshot) throw notFound('Outcome');
    const byReference = new Map((await this.recommendations.forDialogue(dialogueId)).map((r) => [r.reference, r]));
    return {
      dialogueId,
      dialogueTitle: dialogue.title,
      dialogueStartsAt: new Date(dialogue.startsAt).toISOString(),
      ...localizedSummary(snapshot, contentSourceLanguage(dialogue)),
      status: 'published',
      version: row.publishedVersion,
      publishedVersion: row.publishedVersion,
      publishedAt: snapshot.publishedAt ?? null,
      recommendations: snapshot.recommendations
        .map((r) => (r.reference ? byReference.get(r.reference) : undefined))
        .filter((r): r is PublishedRecommendation => !!r),
    };
  }

  /**
   * Publishes the approved outcome: each recommendation without a reference gets one (the
   * dialogue's number is given on its first publication from a counter that never goes back);
   * recommendations published before keep theirs, and a changed one records its earlier wording;
   * one removed since is withdrawn (its reference still resolves and is never given again).
   */
  publish(dialogueId: string, user: AuthUser): Promise<Outcome> {
    return this.changes.transition(dialogueId, user, 'outcome.published', async (row, dialogue) => {
      assertFrom(row, ['approved'], 'publish');
      if (!PUBLIC_STATUSES.includes(dialogue.status)) {
        throw domainRule('dialogue-not-published', msg('outcomes.publishDialogueFirst'));
      }
      const { dialogueNumber, referencePrefix } = row.referencePrefix
        ? { dialogueNumber: row.dialogueNumber, referencePrefix: row.referencePrefix }
        : await this.newPrefix(dialogue);
      const now = new Date();
      const version = row.version + 1;
      const recommendations = row.recommendations.map((r) => ({
        ...r,
        reference: r.reference ?? referenceOf(referencePrefix, r.number),
      }));
      const before = new Map((await this.publicCopy.listByDialogue(dialogue.id)).map((p) => [p.recommendationId, p]));
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
        const translations = cleanTranslations(r.translations);
        const changed =
          !old ||
          history.length !== old.history.length ||
          old.withdrawn ||
          JSON.stringify(cleanTranslations(old.translations)) !== JSON.stringify(translations);
        await this.publicCopy.upsert({
          reference: r.reference,
          recommendationId: r.id,
          dialogueId: dialogue.id,
          informalSessionId: dialogue.informalSessionId,
          text: r.text,
          translations,
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
      const withdrawn: string[] = [];
      for (const old of before.values()) {
        if (!kept.has(old.recommendationId) && !old.withdrawn) {
          withdrawn.push(old.reference);
          await this.publicCopy.upsert({
            ...old,
            withdrawn: true,
            outcomeVersion: version,
            publishedAt: now,
          } as PublishedRecord);
        }
      }
      const given = recommendations.filter((r) => !before.has(r.id)).map((r) => r.reference);
      await this.events.record('outcome.published', {
        data: {
          dialogueId: dialogue.id,
          version,
          referencePrefix,
          recommendations: recommendations.map((r) => r.reference),
          withdrawn,
          publishedAt: now.toISOString(),
        },
      });
      return {
        next: {
          ...row,
          recommendations,
          status: 'published',
          dialogueNumber,
          referencePrefix,
          publishedVersion: version,
          publishedAt: now,
          returnComment: null,
        },
        details: { correction: row.publishedVersion !== null, given, withdrawn },
      };
    });
  }

  /**
   * At the first publication: the dialogue's number from the counter of its process code and
   * session (never goes back), and the prefix that all its references keep from then on, even if
   * the process's code changes later. Codes are unique, so two dialogues never share a prefix.
   */
  private async newPrefix(dialogue: DialogueRecord) {
    const session = await this.dialoguesRepo.findSession(dialogue.informalSessionId);
    if (!session) throw notFound('Informal session');
    const { code } = await this.processes.get(session.processId);
    const dialogueNumber = await this.repo.nextCounter(`${code}-T${session.number}`);
    return { dialogueNumber, referencePrefix: referencePrefixOf(code, session.number, dialogueNumber) };
  }
}
