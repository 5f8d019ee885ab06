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

/** The languages a record holds translations in that its dialogue does not list (accepted, marked). */
export function unlistedTranslations(
  translations: ContentTranslations<string> | null | undefined,
  languages: readonly ReaderLanguage[],
): ReaderLanguage[] {
  return Object.keys(translations ?? {}).filter(
    (l): l is ReaderLanguage => isLanguage(l) && !languages.includes(l),
  );
}

/** One thing wrong in a `translations` object: where (`translations.fr.title`) and which rule. */
export interface TranslationIssue {
  path: string;
  code: 'isObject' | 'isIn' | 'isString' | 'maxLength' | 'isPlainText';
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
      const limit = limits[field];
      if (!limit) issues.push({ path: `${at}.${field}`, code: 'isIn' });
      else if (text === null) continue;
      else if (typeof text !== 'string') issues.push({ path: `${at}.${field}`, code: 'isString' });
      else if ([...text].length > limit.max) issues.push({ path: `${at}.${field}`, code: 'maxLength' });
      else if (hasControlChars(text, limit.multiline ?? false)) issues.push({ path: `${at}.${field}`, code: 'isPlainText' });
    }
  }
  return issues;
}

/** A checked `translations` object as stored: trimmed, empty fields and empty languages dropped. */
export function cleanTranslations<F extends string>(value: ContentTranslations<F> | null | undefined): ContentTranslations<F> {
  const out: ContentTranslations<F> = {};
  for (const [language, fields] of Object.entries(value ?? {}) as [ReaderLanguage, Partial<Record<F, string | null>>][]) {
    const kept: Partial<Record<F, string>> = {};
    for (const [field, text] of Object.entries(fields ?? {}) as [F, string | null][]) {
      if (present(text)) kept[field] = text.trim();
    }
    if (Object.keys(kept).length) out[language] = kept;
  }
  return out;
}

/**
 * class-validator decorator for a `translations` property of a DTO (see `checkTranslations`).
 * The message names the first wrong path, e.g. `translations.fr.title must be at most 200 characters`.
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
          if (!first) return `${String(key)} is not valid`;
          const field = first.path.split('.').pop() ?? '';
          switch (first.code) {
            case 'isObject':
              return `${first.path} must be an object`;
            case 'isIn':
              return first.path.split('.').length === 2
                ? `${first.path}: the language must be one of ${READER_LANGUAGES.join(', ')}`
                : `${first.path}: unknown field`;
            case 'isString':
              return `${first.path} must be a string`;
            case 'maxLength':
              return `${first.path} must be at most ${limits[field]?.max} characters`;
            default:
              return `${first.path} must not contain control characters or bidi overrides`;
          }
        },
        ...options,
      },
      validator: { validate: (v: unknown) => checkTranslations(v, limits, String(key)).length === 0 },
    });
}
