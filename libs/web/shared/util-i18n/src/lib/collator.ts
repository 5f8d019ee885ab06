const collators = new Map<string, Intl.Collator>();

/**
 * Compares names and titles as a reader of `locale` expects (Intl.Collator, made once per
 * locale): accents and case second, digits by value ("Room 2" before "Room 10"), Ё right after Е
 * in Russian, pinyin order for Chinese. Plain `localeCompare` without a locale uses the browser's
 * language, not the interface's.
 */
export function nameCollator(locale?: string): Intl.Collator {
  const key = locale ?? '';
  let collator = collators.get(key);
  if (!collator) {
    collator = new Intl.Collator(locale, { numeric: true });
    collators.set(key, collator);
  }
  return collator;
}

/** `(a, b) => number` for Array.sort, by names in `locale`. */
export const compareNames =
  (locale?: string) =>
  (a: string, b: string): number =>
    nameCollator(locale).compare(a, b);
