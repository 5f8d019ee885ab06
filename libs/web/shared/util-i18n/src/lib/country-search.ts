import { COUNTRY_CODES } from './countries';
import type { CountryOption } from './i18n.service';
import { foldForSearch } from './option-labels';

const CODES = new Set(COUNTRY_CODES);

/** True for an ISO 3166-1 alpha-2 code the country pickers offer. */
export const isCountryCode = (value: unknown): value is string => typeof value === 'string' && CODES.has(value);

/**
 * The countries that match what is typed (case and accents ignored), best first: names that start
 * with it or whose two-letter code it is ("CH"), then names with a word that starts with it ("Korea" → "South Korea"), then the rest
 * that contain it. An empty query, or one that is already a
 * chosen code, gives the whole list.
 */
export function filterCountries(countries: readonly CountryOption[], query: string): CountryOption[] {
  const q = foldForSearch(query);
  if (!q || isCountryCode(query)) {
    return [...countries];
  }
  const rank = (option: CountryOption): number => {
    const name = foldForSearch(option.name);
    if (name.startsWith(q) || option.code.toLowerCase() === q) return 1;
    if (name.split(/[\s,.'’()/]+/).some((word) => word.startsWith(q))) return 2;
    return name.includes(q) ? 3 : -1;
  };
  return countries
    .map((option) => ({ option, rank: rank(option) }))
    .filter((r) => r.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map((r) => r.option);
}
