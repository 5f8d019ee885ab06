import type { FieldChange, Outcome, OutcomeDiff, Recommendation } from '@gfmd/contracts';

const REC_FIELDS = ['text', 'kind', 'themeIds', 'addressedTo', 'spaceId'] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The changes of one recommendation, field by field (empty when it is the same). */
export function recommendationChanges(before: Recommendation, after: Recommendation): FieldChange[] {
  return REC_FIELDS.filter((f) => !same(before[f], after[f])).map((field) => ({
    field,
    before: before[field] ?? null,
    after: after[field] ?? null,
  }));
}

/** What changed from one outcome snapshot to another, for a reviewer to read. */
export function diffOutcomes(from: number, to: number, before: Outcome, after: Outcome): OutcomeDiff {
  const fields: FieldChange[] = [];
  if (before.summary !== after.summary) fields.push({ field: 'summary', before: before.summary, after: after.summary });
  if (!same(before.rapporteurUserIds ?? [], after.rapporteurUserIds ?? []))
    fields.push({ field: 'rapporteurUserIds', before: before.rapporteurUserIds, after: after.rapporteurUserIds });
  if (before.status !== after.status) fields.push({ field: 'status', before: before.status, after: after.status });
  const beforeRecs = new Map(before.recommendations.map((r) => [r.id, r]));
  const afterRecs = new Map(after.recommendations.map((r) => [r.id, r]));
  return {
    from,
    to,
    fields,
    keyMessages: {
      added: after.keyMessages.filter((m) => !before.keyMessages.includes(m)),
      removed: before.keyMessages.filter((m) => !after.keyMessages.includes(m)),
    },
    recommendations: {
      added: after.recommendations.filter((r) => !beforeRecs.has(r.id)),
      removed: before.recommendations.filter((r) => !afterRecs.has(r.id)),
      changed: after.recommendations.flatMap((r) => {
        const old = beforeRecs.get(r.id);
        const changes = old ? recommendationChanges(old, r) : [];
        return changes.length ? [{ id: r.id, reference: r.reference ?? null, changes }] : [];
      }),
    },
  };
}
