import { moveItem, moveReference } from './sections.util';

describe('moveReference', () => {
  const sections = [{ references: ['A', 'B', 'C'] }, { references: ['D'] }];

  it('moves within a section and clamps the target', () => {
    expect(moveReference(sections, { section: 0, index: 0 }, { section: 0, index: 2 })[0].references).toEqual([
      'B',
      'C',
      'A',
    ]);
    expect(moveReference(sections, { section: 0, index: 2 }, { section: 0, index: -5 })[0].references).toEqual([
      'C',
      'A',
      'B',
    ]);
  });

  it('moves to another section without touching the input', () => {
    const sut = moveReference(sections, { section: 0, index: 1 }, { section: 1, index: 0 });
    expect(sut.map((s) => s.references)).toEqual([
      ['A', 'C'],
      ['B', 'D'],
    ]);
    expect(sections[0].references).toEqual(['A', 'B', 'C']);
  });

  it('ignores an index out of range', () => {
    expect(moveItem([1, 2], 5, 0)).toEqual([1, 2]);
  });
});
