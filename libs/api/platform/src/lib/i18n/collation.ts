import { SERVER_LANGUAGES, type ServerLanguage } from './languages';
import { currentLanguages } from './request-language';

/**
 * PostgreSQL's ICU collations (PostgreSQL 15 built with ICU creates them at initdb) for sorting
 * people's and things' names as a reader of each language expects: Russian puts Ё right after Е,
 * Chinese (`zh`: pinyin) orders 安 陈 李 王 张, Spanish puts ñ after n, French ignores accents
 * at the first level. `und-x-icu` is the root collation (any other language).
 */
const COLLATIONS: Record<ServerLanguage, string> = {
  ar: 'ar-x-icu',
  en: 'en-x-icu',
  es: 'es-x-icu',
  fr: 'fr-x-icu',
  ru: 'ru-x-icu',
  zh: 'zh-x-icu',
};
export const ROOT_COLLATION = 'und-x-icu';

/** The ICU collation for a language (the root one for anything else): a fixed name, safe in SQL. */
export function collationFor(language: string | undefined): string {
  return (SERVER_LANGUAGES as readonly string[]).includes(language ?? '')
    ? COLLATIONS[language as ServerLanguage]
    : ROOT_COLLATION;
}

/**
 * An ORDER BY term sorting `expression` (a column, never user input) in the reader's language
 * (the request's content language; English outside a request): `s.name COLLATE "fr-x-icu"`.
 */
export function byName(expression: string, language: string = currentLanguages().language): string {
  return `${expression} COLLATE "${collationFor(language)}"`;
}
