import { labelIn, type ContentTranslations, type LocalizedText, type ReaderLanguage } from '@gfmd/contracts';

/** A record with a translated field as the API answers it: its words, their language, and (staff reads) the translations. */
export type TranslatedRecord<F extends string> = Partial<Record<F, string | null>> &
  Partial<Record<`${F}Lang`, ReaderLanguage>> & { translations?: ContentTranslations<F> };

/**
 * A translated field of a record (a space's name…) for the page, as the public register form
 * shows the registration questions (docs/i18n.md, "Content in several languages"): in the page's
 * `language` where written, else in the dialogue's `languages` in order (the first is the source,
 * the record's own words), else in any; with the language it is in, so that a fallback is marked
 * with `lang`/`dir` (`gfmdContentLang`).
 *
 * Staff reads (Bearer token, no `?lang=`) answer the record's own words with the translations
 * beside them: the choice is made here. Other reads are already in the reader's language
 * (`<field>Lang` says which) and are taken as they are.
 */
export function contentIn<F extends string>(
  record: TranslatedRecord<F>,
  field: F,
  language: ReaderLanguage,
  languages: readonly ReaderLanguage[] = [],
): { text: string; lang: ReaderLanguage | null } {
  const own = record[field] ?? '';
  const ownLang = (record[`${field}Lang`] as ReaderLanguage | undefined) ?? languages[0] ?? null;
  if (!record.translations) return { text: own, lang: ownLang };
  const text: LocalizedText = {};
  if (ownLang) text[ownLang] = own;
  for (const [lang, fields] of Object.entries(record.translations) as [ReaderLanguage, Partial<Record<F, string>>][]) {
    const value = fields?.[field];
    if (lang !== ownLang && value) text[lang] = value;
  }
  return labelIn(text, language, languages) ?? { text: own, lang: ownLang };
}
