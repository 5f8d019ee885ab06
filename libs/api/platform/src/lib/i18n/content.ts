import { registerDecorator, type ValidationOptions } from 'class-validator';
import { READER_LANGUAGES, type ContentTranslations, type ReaderLanguage } from '@gfmd/contracts';
import { hasControlChars } from '../validation/plain-text.decorators';
import { currentLanguages } from './request-language';

/*
 * Content written by people (titles, summaries, descriptions…) in several languages
 * (docs/i18n.md, "Content in several languages"). A record keeps its own words in its columns,
 * written in its source language (a dialogue's first language; English for processes, themes
 * and sessions), and its other languages in a `translations` jsonb beside them:
 * `{ "fr": { "title": "…", "summary": "…" }, "ar": { "title": "…" } }`.
 * Reads pick each field in the reader's language where it is written, else the source's, and
 * say which (`titleLang`, `summaryLang`…), so the web can mark a fallback with `lang=`.
 */

/** What a field reads as, and the language it is in. */
export type Localized<F extends string> = { [K in F]: string | null } & { [K in F as `${K}Lang`]: ReaderLanguage };

const isLanguage = (v: string): v is ReaderLanguage => (READER_LANGUAGES as readonly string[]).includes(v);

const present = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * The fields of `record` in the reader's language (`currentLanguages().language`), each falling
 * back to the record's own words (in `sourceLang`) where no translation is written. Staff
 * requests without `?lang=` read the record's own words (`sourceContent`).
 */
export function localizeContent<F extends string>(
  record: { [K in F]?: string | null } & { translations?: ContentTranslations<F> | null },
  fields: readonly F[],
  sourceLang: ReaderLanguage = 'en',
  language: ReaderLanguage = currentLanguages().sourceContent ? sourceLang : currentLanguages().language,
): Localized<F> {
  const out: Record<string, unknown> = {};
  const translated = language === sourceLang ? undefined : record.translations?.[language];
  for (const field of fields) {
    const value = translated?.[field];
    if (present(value)) {
      out[field] = value;
      out[`${field}Lang`] = language;
    } else {
      out[field] = record[field] ?? null;
      out[`${field}Lang`] = sourceLang;
    }
  }
  return out as Localized<F>;
}

/**
 * What is missing for each listed language other than the source: the fields written in the
 * source's words but not in that language. Editors mark these; publishing warns about them.
 */
export function missingTranslations<F extends string>(
  record: { [K in F]?: string | null } & { translations?: ContentTranslations<F> | null },
  fields: readonly F[],
  languages: readonly ReaderLanguage[],
  sourceLang: ReaderLanguage = languages[0] ?? 'en',
): Partial<Record<ReaderLanguage, F[]>> {
  const out: Partial<Record<ReaderLanguage, F[]>> = {};
  for (const language of languages) {
    if (language === sourceLang) continue;
    const missing = fields.filter((f) => present(record[f]) && !present(record.translations?.[language]?.[f]));
    if (missing.length) out[language] = missing;
  }
  return out;
}

/**
 * The languages a record holds translations in that its dialogue does not list (accepted, marked),
 * in the order ar, en, es, fr, ru, zh: a write's answer and a later read (jsonb keeps its keys in
 * its own order) name them alike.
 */
export function unlistedTranslations(
  translations: ContentTranslations<string> | null | undefined,
  languages: readonly ReaderLanguage[],
): ReaderLanguage[] {
  const held = Object.keys(translations ?? {});
  return READER_LANGUAGES.filter((l) => held.includes(l) && !languages.includes(l));
}

/** One thing wrong in a `translations` object: where (`translations.fr.title`) and which rule. */
export interface TranslationIssue {
  path: string;
  code: 'isObject' | 'isIn' | 'isString' | 'maxLength' | 'isPlainText';
  /** The field's name where the issue is about one (`title`, `keyMessages.0`). */
  field?: string;
}

/**
 * Checks a `translations` object sent by a client: keys among the six languages, each an object
 * of known fields, each a string of plain text (no control characters or bidi overrides; line
 * breaks only in fields allowed several lines) within the field's length. `null` or `""` for a
 * field means "not translated" (it is dropped by `cleanTranslations`).
 */
export function checkTranslations(
  value: unknown,
  limits: Record<string, { max: number; multiline?: boolean }>,
  path = 'translations',
): TranslationIssue[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return [{ path, code: 'isObject' }];
  const issues: TranslationIssue[] = [];
  for (const [language, fields] of Object.entries(value as Record<string, unknown>)) {
    const at = `${path}.${language}`;
    if (!isLanguage(language)) {
      issues.push({ path: at, code: 'isIn' });
      continue;
    }
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
      issues.push({ path: at, code: 'isObject' });
      continue;
    }
    for (const [field, text] of Object.entries(fields as Record<string, unknown>)) {
      const limit = Object.prototype.hasOwnProperty.call(limits, field) ? limits[field] : undefined;
      const issue = (code: TranslationIssue['code']) => issues.push({ path: `${at}.${field}`, code, field });
      if (!limit) issue('isIn');
      else if (text === null) continue;
      else if (typeof text !== 'string') issue('isString');
      else if ([...text].length > limit.max) issue('maxLength');
      else if (hasControlChars(text, limit.multiline ?? false)) issue('isPlainText');
    }
  }
  return issues;
}

/** A checked `translations` object as stored: trimmed, empty fields and empty languages dropped. */
export function cleanTranslations<F extends string>(
  value: ContentTranslations<F> | null | undefined,
): ContentTranslations<F> {
  const out: ContentTranslations<F> = {};
  for (const [language, fields] of Object.entries(value ?? {}) as [
    ReaderLanguage,
    Partial<Record<F, string | null>>,
  ][]) {
    const kept: Partial<Record<F, string>> = {};
    for (const [field, text] of Object.entries(fields ?? {}) as [F, string | null][]) {
      if (present(text)) kept[field] = text.trim();
    }
    if (Object.keys(kept).length) out[language] = kept;
  }
  return out;
}

/** The English words of one issue (the problem filter gives other readers the words of its `code`). */
export function translationIssueMessage(
  issue: TranslationIssue,
  limits: Record<string, { max: number; multiline?: boolean }>,
): string {
  const field = issue.field ?? issue.path.split('.').pop() ?? '';
  switch (issue.code) {
    case 'isObject':
      return `${issue.path} must be an object`;
    case 'isIn':
      return issue.field === undefined
        ? `${issue.path}: the language must be one of the following values: ${READER_LANGUAGES.join(', ')}`
        : `${issue.path}: unknown field, it must be one of the following values: ${Object.keys(limits).join(', ')}`;
    case 'isString':
      return `${issue.path} must be a string`;
    case 'maxLength':
      return `${issue.path} must be shorter than or equal to ${limits[field]?.max} characters`;
    default:
      return `${issue.path} must not contain control characters or bidi overrides`;
  }
}

/**
 * class-validator decorator for a `translations` property of a DTO (see `checkTranslations`).
 * The validation pipe reports each wrong path as a field error of its own
 * (`errors: [{ field: 'translations.fr.title', code: 'maxLength' }]`), through the `context`.
 */
export function IsContentTranslations(
  limits: Record<string, { max: number; multiline?: boolean }>,
  options?: ValidationOptions,
) {
  return (object: object, key: string | symbol) =>
    registerDecorator({
      name: 'isContentTranslations',
      target: object.constructor,
      propertyName: String(key),
      options: {
        message: (args) => {
          const [first] = checkTranslations(args.value, limits, String(key));
          return first ? translationIssueMessage(first, limits) : `${String(key)} is not valid`;
        },
        context: { translationLimits: limits },
        ...options,
      },
      validator: { validate: (v: unknown) => checkTranslations(v, limits, String(key)).length === 0 },
    });
}

/**
 * A patch of translations over the stored ones: each field sent replaces the stored one, `""` or
 * `null` removes it, fields and languages not sent are kept; `translations: null` removes them all,
 * `undefined` (not sent) keeps them. The result is clean (as stored).
 */
export function mergeTranslations<F extends string>(
  current: ContentTranslations<F> | null | undefined,
  patch: ContentTranslations<F> | null | undefined,
): ContentTranslations<F> {
  if (patch === undefined) return cleanTranslations(current);
  if (patch === null) return {};
  const out: Record<string, Record<string, string | null>> = {};
  for (const [language, fields] of Object.entries(current ?? {})) out[language] = { ...(fields as object) };
  for (const [language, fields] of Object.entries(patch)) {
    out[language] = { ...(out[language] ?? {}), ...(fields as Record<string, string | null>) };
  }
  return cleanTranslations(out as ContentTranslations<F>);
}

/**
 * What a staff response carries for the editors of a record with content in several languages:
 * the stored translations, what each listed language lacks and the languages that are not listed.
 */
export function editableTranslations<F extends string>(
  record: { [K in F]?: string | null } & { translations?: ContentTranslations<F> | null },
  fields: readonly F[],
  languages: readonly ReaderLanguage[],
): {
  translations: ContentTranslations<F>;
  missingTranslations: Partial<Record<ReaderLanguage, F[]>>;
  unlistedLanguages: ReaderLanguage[];
} {
  return {
    translations: record.translations ?? {},
    missingTranslations: missingTranslations(record, fields, languages),
    unlistedLanguages: unlistedTranslations(record.translations, languages),
  };
}
