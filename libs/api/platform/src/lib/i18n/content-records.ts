import {
  READER_LANGUAGES,
  type ContentTranslations,
  type MissingTranslations,
  type ReaderLanguage,
} from '@gfmd/contracts';
import { cleanTranslations, localizeContent, missingTranslations, type Localized } from './content';
import { currentLanguages } from './request-language';

/*
 * The two things every record with translatable fields does with `localizeContent` and
 * `missingTranslations` (docs/i18n.md, "Content in several languages"): answer a read, and take
 * a write. Built on those primitives, not beside them.
 */

/** What a staff read adds: the stored translations and what each listed language lacks. */
export interface EditableContent<F extends string> {
  translations?: ContentTranslations<F>;
  missingTranslations?: MissingTranslations;
}

/**
 * A record's fields for the current reader (`localizeContent`), and, for staff requests reading
 * the record's own words (Bearer token, no `?lang=`), its `translations` and
 * `missingTranslations` over `languages` (default: the six), so that editors see them on their
 * language tabs.
 */
export function contentView<
  R extends { [K in F]?: string | null } & { translations?: ContentTranslations<F> | null },
  F extends string,
>(
  record: R,
  fields: readonly F[],
  sourceLang: ReaderLanguage = 'en',
  languages: readonly ReaderLanguage[] = READER_LANGUAGES,
): { [K in F]: R[K] } & Omit<Localized<F>, F> & EditableContent<F> {
  const localized = localizeContent(record, fields, sourceLang) as unknown as { [K in F]: R[K] } & Omit<
    Localized<F>,
    F
  >;
  if (!currentLanguages().sourceContent) return localized;
  return {
    ...localized,
    translations: cleanTranslations(record.translations),
    missingTranslations: missingTranslations(record, fields, languages, sourceLang),
  };
}

/** OpenAPI of a `translations` property of a write (`fields`: `title, summary`…; `source`: the words of the source language). */
export const translationsProperty = (fields: string, example: object, source = 'English') => ({
  type: 'object' as const,
  additionalProperties: { type: 'object' as const, additionalProperties: { type: 'string' as const } },
  example,
  description:
    `Other languages than the source (${source}): \`{ "<lang>": { ${fields} } }\`, <lang> one of ar, en, es, fr, ru, zh; ` +
    'each field plain text within the length of the field itself. A language sent replaces the fields it names; ' +
    '`""` or null removes one; languages not sent are kept. Staff reads (Bearer token, no `?lang=`) answer it with ' +
    "`missingTranslations`; public reads answer each field in the reader's language with `<field>Lang` (docs/i18n.md).",
});
