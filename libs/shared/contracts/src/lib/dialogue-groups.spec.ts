import { dialoguesBySession } from './dialogue-groups';

describe(dialoguesBySession.name, () => {
  const sessions = [
    { id: 's2', number: 2, themeId: 't2' },
    { id: 's1', number: 1, themeId: 't1' },
  ];
  const dialogues = [
    { title: 'B', informalSessionId: 's2', startsAt: '2027-03-01T08:00:00Z', themeIds: [] },
    { title: 'A2', informalSessionId: 's1', startsAt: '2027-02-02T08:00:00Z', themeIds: ['t3'] },
    { title: 'X', informalSessionId: 'gone', startsAt: '2027-01-01T08:00:00Z', themeIds: [] },
    { title: 'A1', informalSessionId: 's1', startsAt: '2027-02-01T08:00:00Z', themeIds: [] },
  ];
  const titles = (filters = {}) =>
    dialoguesBySession(dialogues, sessions, filters).map((g) => [g.session?.id, g.dialogues.map((d) => d.title)]);

  it('groups the dialogues by date under their session, sessions by number, an unknown session last', () => {
    expect(titles()).toEqual([
      ['s1', ['A1', 'A2']],
      ['s2', ['B']],
      [undefined, ['X']],
    ]);
  });

  it('filters by session, and by a theme of the dialogue or of its session', () => {
    expect(titles({ informalSessionId: 's2' })).toEqual([['s2', ['B']]]);
    expect(titles({ themeId: 't1' })).toEqual([['s1', ['A1', 'A2']]]);
    expect(titles({ themeId: 't3' })).toEqual([['s1', ['A2']]]);
    expect(titles({ themeId: 't3', informalSessionId: 's2' })).toEqual([]);
  });
});
