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
import { problemCatalogueEn } from './problem-catalogue.en';
import { problemCatalogueEs } from './problem-catalogue.es';
import { problemCatalogueFr } from './problem-catalogue.fr';

export const PROBLEM_CATALOGUES: Record<ProblemLanguage, ProblemCatalogue> = {
  en: problemCatalogueEn,
  fr: problemCatalogueFr,
  es: problemCatalogueEs,
};

const isOneOf = <T extends string | number>(list: readonly T[], value: unknown): value is T =>
  (list as readonly unknown[]).includes(value);

export const isProblemSlug = (value: unknown): value is ProblemSlug => isOneOf(PROBLEM_SLUGS, value);
export const isConstraintCode = (value: unknown): value is ConstraintCode => isOneOf(CONSTRAINT_CODES, value);
export const isProblemStatus = (value: unknown): value is ProblemStatus => isOneOf(PROBLEM_STATUSES, value);

/**
 * The language of the answer from an `Accept-Language` header: the supported language with the
 * highest weight (`fr-CH;q=0.9` counts as `fr`), else English.
 */
export function negotiateProblemLanguage(header: string | string[] | undefined): ProblemLanguage {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'en';
  let best: { language: ProblemLanguage; q: number } | undefined;
  for (const part of value.slice(0, 500).split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const primary = tag.trim().slice(0, 2).toLowerCase();
    if (!isOneOf(PROBLEM_LANGUAGES, primary) || (tag.length > 2 && tag[2] !== '-')) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { language: primary, q };
  }
  return best?.language ?? 'en';
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
