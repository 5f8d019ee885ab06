import { READER_LANGUAGES, type ReaderLanguage } from '@gfmd/contracts';

/** The languages a reader may ask for with `?lang=` or `Accept-Language`: the six UN languages. */
export const SERVER_LANGUAGES = READER_LANGUAGES;
export type ServerLanguage = ReaderLanguage;

/**
 * The languages whose server catalogue is written. Russian and Chinese are valid requests
 * (content may exist in them) but read the server's own words in English for now.
 */
export const CATALOGUE_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type CatalogueLanguage = (typeof CATALOGUE_LANGUAGES)[number];

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  (list as readonly unknown[]).includes(value);

export const isServerLanguage = (value: unknown): value is ServerLanguage => isOneOf(SERVER_LANGUAGES, value);
export const isCatalogueLanguage = (value: unknown): value is CatalogueLanguage => isOneOf(CATALOGUE_LANGUAGES, value);

/** The language of the server's words for a requested language (its own, or English). */
export const catalogueLanguageOf = (language: ServerLanguage): CatalogueLanguage =>
  isCatalogueLanguage(language) ? language : 'en';

/**
 * The best of `supported` for an `Accept-Language` header (RFC 9110 §12.5.4): the highest
 * q-value wins (`fr-CH;q=0.9` counts as `fr`), ties keep the header's order, `q=0` refuses,
 * `*` and unknown languages are skipped; `undefined` when nothing matches.
 */
export function negotiateLanguage<T extends string>(
  header: string | string[] | undefined,
  supported: readonly T[],
): T | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return undefined;
  let best: { language: T; q: number } | undefined;
  for (const part of value.slice(0, 500).split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const trimmed = tag.trim().toLowerCase();
    const primary = trimmed.split('-')[0];
    if (!isOneOf(supported, primary)) continue;
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    if (!best || q > best.q) best = { language: primary, q };
  }
  return best?.language;
}

/** What a request asked for: the language of content and the language of the server's words. */
export interface RequestLanguages {
  /** Any of the six (`?lang=` first, then `Accept-Language`, else `en`). */
  language: ServerLanguage;
  /** The catalogue the server's words come from (`?lang=` if it has one, else `Accept-Language`, else `en`). */
  text: CatalogueLanguage;
  /** Whether `?lang=` asked for it (rather than the browser's `Accept-Language`). */
  explicit?: boolean;
  /**
   * Content (titles of processes, themes, sessions…) in its own words, not translated: staff
   * requests without `?lang=`, so an editor never saves a translation over the original.
   */
  sourceContent?: boolean;
}

export const DEFAULT_LANGUAGES: RequestLanguages = { language: 'en', text: 'en' };

/**
 * The languages of a request from its `?lang=` value and `Accept-Language` header. A `lang`
 * outside the six is `{ invalid }` (answered 400); a repeated or empty `lang` too.
 */
export function requestLanguages(
  lang: unknown,
  acceptLanguage: string | string[] | undefined,
): RequestLanguages | { invalid: string } {
  if (lang !== undefined) {
    const value = typeof lang === 'string' ? lang.trim().toLowerCase() : '';
    if (!isServerLanguage(value)) return { invalid: typeof lang === 'string' ? lang.slice(0, 20) : String(lang) };
    return { language: value, text: catalogueLanguageOf(value), explicit: true };
  }
  const language = negotiateLanguage(acceptLanguage, SERVER_LANGUAGES) ?? 'en';
  const text = negotiateLanguage(acceptLanguage, CATALOGUE_LANGUAGES) ?? 'en';
  return { language, text };
}
