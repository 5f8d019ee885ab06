import {
  labelIn,
  READER_LANGUAGES,
  type LocalizedText,
  type PublicQuestion,
  type Question,
  type QuestionView,
  type ReaderLanguage,
} from '@gfmd/contracts';

/*
 * The registration questions in several languages (docs/i18n.md, "Registration questions"): each
 * label is a map of the six languages; a read gives it in the reader's language, else in the
 * dialogue's languages in order, and says which; staff reads add what the listed languages lack.
 */

const written = (text: string | undefined) => typeof text === 'string' && text.trim() !== '';

/** A label for a reader: in `language`, else the dialogue's languages in order, else any; else `fallback`. */
function read(label: LocalizedText, language: ReaderLanguage, languages: readonly ReaderLanguage[], fallback: string) {
  const found = labelIn(label, language, languages);
  return found
    ? { labelText: found.text, labelLang: found.lang }
    : { labelText: fallback, labelLang: languages[0] ?? ('en' as const) };
}

/** Per listed language, what a question lacks in it: `label`, `options.<value>`. */
export function missingLabels(
  q: Question,
  languages: readonly ReaderLanguage[],
): Partial<Record<ReaderLanguage, string[]>> {
  const out: Partial<Record<ReaderLanguage, string[]>> = {};
  for (const l of languages) {
    const missing = [
      ...(written(q.label[l]) ? [] : ['label']),
      ...(q.options ?? []).filter((o) => !written(o.label[l])).map((o) => `options.${o.value}`),
    ];
    if (missing.length) out[l] = missing;
  }
  return out;
}

/** The languages a question is written in that the dialogue does not list (accepted, kept, marked), in a fixed order. */
export function unlistedLabelLanguages(q: Question, languages: readonly ReaderLanguage[]): ReaderLanguage[] {
  const all = new Set<ReaderLanguage>();
  for (const label of [q.label, ...(q.options ?? []).map((o) => o.label)])
    for (const l of Object.keys(label) as ReaderLanguage[]) if (written(label[l])) all.add(l);
  return READER_LANGUAGES.filter((l) => all.has(l) && !languages.includes(l));
}

/**
 * A question as a read answers it: the labels as stored, each also in `language` (`labelText`,
 * `labelLang`, options likewise); `staff` adds `missingTranslations` and `unlistedLanguages`.
 */
export function questionView(
  q: Question,
  language: ReaderLanguage,
  languages: readonly ReaderLanguage[],
  staff = false,
): QuestionView {
  const view: QuestionView = { ...q, ...read(q.label, language, languages, q.key), options: undefined };
  if (q.options) view.options = q.options.map((o) => ({ ...o, ...read(o.label, language, languages, o.value) }));
  else delete view.options;
  if (staff) {
    view.missingTranslations = missingLabels(q, languages);
    view.unlistedLanguages = unlistedLabelLanguages(q, languages);
  }
  return view;
}

/**
 * A question as the public reads it (the registration form, the manage page): each label only in
 * the reader's language, else the dialogue's languages in order, with its language; no maps.
 */
export function publicQuestionView(
  q: Question,
  language: ReaderLanguage,
  languages: readonly ReaderLanguage[],
): PublicQuestion {
  return {
    key: q.key,
    ...read(q.label, language, languages, q.key),
    type: q.type,
    ...(q.options
      ? { options: q.options.map((o) => ({ value: o.value, ...read(o.label, language, languages, o.value) })) }
      : {}),
    required: q.required,
    ...(q.groups ? { groups: q.groups } : {}),
  };
}

/** The listed languages some question lacks a label in (publishing warns about them). */
export function languagesMissingLabels(questions: Question[], languages: readonly ReaderLanguage[]): ReaderLanguage[] {
  const out = new Set<ReaderLanguage>();
  for (const q of questions) for (const l of Object.keys(missingLabels(q, languages))) out.add(l as ReaderLanguage);
  return languages.filter((l) => out.has(l));
}
