import type { Outcome, ReaderLanguage, Recommendation } from '@gfmd/contracts';
import { cleanTranslations, contentView } from '@gfmd/api-platform';
import type { OutcomeRecord } from './outcomes.repository';

/** The working copy of a dialogue that has none yet: an empty draft at version 0. */
export function emptyOutcome(dialogueId: string): OutcomeRecord {
  return {
    dialogueId,
    summary: '',
    translations: {},
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
    referencePrefix: null,
    lastRecommendationNumber: 0,
  };
}

type RecommendationLike = Omit<Recommendation, 'id'> & { id?: string; recommendationId?: string };

export const toRecommendation = (r: RecommendationLike): Recommendation => ({
  id: r.id ?? r.recommendationId ?? '',
  reference: r.reference ?? null,
  text: r.text,
  kind: r.kind,
  themeIds: r.themeIds,
  addressedTo: r.addressedTo,
  spaceId: r.spaceId ?? null,
  translations: cleanTranslations(r.translations),
});

export function toOutcome(o: OutcomeRecord): Outcome {
  return {
    dialogueId: o.dialogueId,
    summary: o.summary,
    translations: cleanTranslations(o.translations),
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

export const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
export const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The source language of an outcome, its recommendations and the syntheses quoting them: the
 * language their own columns are written in (docs/i18n.md, "Content in several languages").
 *
 * PLUG-IN POINT (issue #17): when dialogues list their languages (`dialogues.languages`, six
 * languages, helper A's branch), answer `dialogue.languages[0]` here; every read and the
 * missing-translation lists of outcomes, recommendations and syntheses go through this one function.
 */
export function contentSourceLanguage(_dialogue?: { languages?: readonly string[] } | null): ReaderLanguage {
  return 'en';
}

/** A recommendation as a reader gets it: `text` in their language where translated, `textLang` (staff: translations and what is missing). */
export const presentRecommendation = (
  r: Recommendation,
  source: ReaderLanguage = contentSourceLanguage(),
): Recommendation => {
  const { translations: _stored, missingTranslations: _missing, ...rest } = r;
  return { ...rest, ...contentView(r, ['text'], source) };
};

/** The working copy as a reader gets it (the stored snapshot keeps the record's own words and its translations). */
export function presentOutcome(o: Outcome, source: ReaderLanguage = contentSourceLanguage()): Outcome {
  const { translations: _stored, missingTranslations: _missing, ...rest } = o;
  return {
    ...rest,
    ...contentView(o, ['summary'], source),
    recommendations: o.recommendations.map((r) => presentRecommendation(r, source)),
  };
}
