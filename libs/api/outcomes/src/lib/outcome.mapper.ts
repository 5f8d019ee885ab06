import type { Outcome, Recommendation } from '@gfmd/contracts';
import type { OutcomeRecord } from './outcomes.repository';

/** The working copy of a dialogue that has none yet: an empty draft at version 0. */
export function emptyOutcome(dialogueId: string): OutcomeRecord {
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

export const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
export const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
