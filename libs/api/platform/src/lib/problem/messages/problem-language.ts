import {
  CONSTRAINT_CODES,
  type ConstraintCode,
  PROBLEM_LANGUAGES,
  PROBLEM_SLUGS,
  PROBLEM_STATUSES,
  type ProblemCatalogue,
  type ProblemLanguage,
  type ProblemSlug,
  type ProblemStatus,
} from './problem-catalogue';
import { negotiateLanguage } from '../../i18n/languages';
import { problemCatalogueAr } from './problem-catalogue.ar';
import { problemCatalogueEn } from './problem-catalogue.en';
import { problemCatalogueEs } from './problem-catalogue.es';
import { problemCatalogueFr } from './problem-catalogue.fr';

export const PROBLEM_CATALOGUES: Record<ProblemLanguage, ProblemCatalogue> = {
  en: problemCatalogueEn,
  fr: problemCatalogueFr,
  es: problemCatalogueEs,
  ar: problemCatalogueAr,
};

const isOneOf = <T extends string | number>(list: readonly T[], value: unknown): value is T =>
  (list as readonly unknown[]).includes(value);

export const isProblemSlug = (value: unknown): value is ProblemSlug => isOneOf(PROBLEM_SLUGS, value);
export const isConstraintCode = (value: unknown): value is ConstraintCode => isOneOf(CONSTRAINT_CODES, value);
export const isProblemStatus = (value: unknown): value is ProblemStatus => isOneOf(PROBLEM_STATUSES, value);

/**
 * The language of the answer from an `Accept-Language` header: the supported language with the
 * highest weight (`fr-CH;q=0.9` counts as `fr`), else English. Requests read theirs with
 * `currentLanguages()` (i18n), which also honours `?lang=`.
 */
export function negotiateProblemLanguage(header: string | string[] | undefined): ProblemLanguage {
  return negotiateLanguage(header, PROBLEM_LANGUAGES) ?? 'en';
}

/**
 * A catalogue message with its `{n}` and `{values}` taken from the English message of the
 * constraint ("…equal to 200 characters", "…one of the following values: a, b").
 */
export function fillConstraintMessage(template: string, english: string): string {
  const n = /\d+/.exec(english)?.[0];
  const values = /values?: (.+)$/.exec(english)?.[1];
  return template
    .replace('{n}', n ?? '')
    .replace('{values}', values ?? '')
    .replace(/ \./, '.')
    .replace(/: \./, '.');
}

/** The words of a constraint in a language (`invalid` for one the catalogue does not know). */
export function constraintMessage(language: ProblemLanguage, code: string | undefined, english: string): string {
  const template = PROBLEM_CATALOGUES[language].constraints[isConstraintCode(code) ? code : 'invalid'];
  return fillConstraintMessage(template, english);
}
