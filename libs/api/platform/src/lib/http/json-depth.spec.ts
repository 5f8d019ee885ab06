import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth';

describe(jsonNestsDeeperThan.name, () => {
  const sut = jsonNestsDeeperThan;
  const nest = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('lets the limit through and refuses one level more', () => {
    expect(sut(nest(MAX_JSON_DEPTH))).toBe(false);
    expect(sut(nest(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(sut(`{"a":${'{"b":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}}`)).toBe(true);
  });

  it('counts depth, not the number of brackets', () => {
    expect(sut(JSON.stringify({ xs: Array.from({ length: 1000 }, () => [{ a: [1] }]) }))).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(sut(JSON.stringify({ s: '['.repeat(100) }))).toBe(false);
    expect(sut(JSON.stringify({ s: '\\"' + '{'.repeat(100) }))).toBe(false);
    expect(sut(`["\\\\", ${nest(MAX_JSON_DEPTH)}]`)).toBe(true);
  });

  it('walks 20,000 levels without recursion', () => {
    expect(sut(nest(20_000))).toBe(true);
    expect(sut('{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000))).toBe(true);
  });
});
