import type { Outcome, Recommendation } from '@gfmd/contracts';
import { diffOutcomes } from './outcome-diff';

const rec = (id: string, overrides: Partial<Recommendation> = {}): Recommendation => ({
  id,
  reference: null,
  text: `Recommendation ${id}`,
  kind: 'policy_recommendation',
  themeIds: ['t1'],
  addressedTo: ['government'],
  spaceId: null,
  ...overrides,
});

const outcome = (overrides: Partial<Outcome> = {}): Outcome => ({
  dialogueId: 'd',
  summary: 'Summary',
  keyMessages: ['One', 'Two'],
  rapporteurUserIds: ['u1'],
  recommendations: [rec('a'), rec('b')],
  status: 'draft',
  version: 1,
  ...overrides,
});

describe('diffOutcomes', () => {
  it('is empty between equal snapshots (order of keys and null/undefined aside)', () => {
    const before = outcome();
    const after = outcome({ recommendations: [rec('a', { spaceId: undefined }), rec('b')] });
    expect(diffOutcomes(1, 2, before, after)).toEqual({
      from: 1,
      to: 2,
      fields: [],
      keyMessages: { added: [], removed: [] },
      recommendations: { added: [], removed: [], changed: [] },
    });
  });

  it('lists field changes, key messages and recommendations added, removed and changed', () => {
    const before = outcome();
    const after = outcome({
      summary: 'New summary',
      status: 'submitted',
      keyMessages: ['Two', 'Three'],
      recommendations: [rec('a', { text: 'Reworded', addressedTo: ['government', 'media'] }), rec('c')],
    });
    const diff = diffOutcomes(1, 4, before, after);
    expect(diff.fields).toEqual([
      { field: 'summary', before: 'Summary', after: 'New summary' },
      { field: 'status', before: 'draft', after: 'submitted' },
    ]);
    expect(diff.keyMessages).toEqual({ added: ['Three'], removed: ['One'] });
    expect(diff.recommendations.added.map((r) => r.id)).toEqual(['c']);
    expect(diff.recommendations.removed.map((r) => r.id)).toEqual(['b']);
    expect(diff.recommendations.changed).toEqual([
      {
        id: 'a',
        reference: null,
        changes: [
          { field: 'text', before: 'Recommendation a', after: 'Reworded' },
          { field: 'addressedTo', before: ['government'], after: ['government', 'media'] },
        ],
      },
    ]);
  });
});
