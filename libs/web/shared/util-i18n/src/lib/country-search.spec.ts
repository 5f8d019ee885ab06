import { COUNTRY_CODES } from './countries';
import { filterCountries, isCountryCode } from './country-search';

const optionsIn = (lang: string) => {
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    a.name.localeCompare(b.name, lang),
  );
};

describe(filterCountries.name, () => {
  const en = optionsIn('en');

  it('finds Mexico from "Mex", first', () => {
    expect(filterCountries(en, 'Mex')[0]).toEqual({ code: 'MX', name: 'Mexico' });
    expect(filterCountries(en, 'mex').map((c) => c.code)).not.toContain('AF');
  });

  it('ignores case and accents and searches in the reader language', () => {
    const fr = optionsIn('fr');
    expect(filterCountries(fr, 'etats')[0].code).toBe('US');
    expect(filterCountries(fr, 'Sénég')[0].code).toBe('SN');
    expect(filterCountries(optionsIn('es'), 'mexico')[0].code).toBe('MX');
  });

  it('ranks names that start with the text, then word starts, then the rest', () => {
    const codes = filterCountries(en, 'korea').map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['KR', 'KP']));
    expect(filterCountries(en, 'land')[0].name.toLowerCase().startsWith('land')).toBe(false);
  });

  it('matches the code and gives the whole list for nothing typed or a chosen code', () => {
    expect(
      filterCountries(en, 'ch')
        .slice(0, 8)
        .map((c) => c.code),
    ).toEqual(expect.arrayContaining(['CH', 'CN', 'TD']));
    expect(filterCountries(en, '')).toHaveLength(COUNTRY_CODES.length);
    expect(filterCountries(en, 'MX')).toHaveLength(COUNTRY_CODES.length);
    expect(filterCountries(en, 'zzzz')).toEqual([]);
  });

  it('knows the codes', () => {
    expect(isCountryCode('SN')).toBe(true);
    expect(isCountryCode('Mex')).toBe(false);
  });
});
