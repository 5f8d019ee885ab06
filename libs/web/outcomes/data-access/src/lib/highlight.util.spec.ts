import { splitHighlight } from './highlight.util';

describe(splitHighlight.name, () => {
  it('splits the marked words from the plain text', () => {
    expect(splitHighlight('Protéger les <mark>travailleurs</mark> <mark>migrants</mark> partout')).toEqual([
      { text: 'Protéger les ', mark: false },
      { text: 'travailleurs', mark: true },
      { text: ' ', mark: false },
      { text: 'migrants', mark: true },
      { text: ' partout', mark: false },
    ]);
  });

  it('keeps any other markup as plain text', () => {
    const parts = splitHighlight('<img src=x onerror=alert(1)> <mark><b>x</b></mark>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)> ', mark: false },
      { text: '<b>x</b>', mark: true },
    ]);
  });

  it('copes with nothing, unbalanced and upper-case tags', () => {
    expect(splitHighlight(undefined)).toEqual([]);
    expect(splitHighlight('')).toEqual([]);
    expect(splitHighlight('a <MARK>b')).toEqual([
      { text: 'a ', mark: false },
      { text: 'b', mark: true },
    ]);
    expect(splitHighlight('a</mark>b')).toEqual([{ text: 'ab', mark: false }]);
  });
});
