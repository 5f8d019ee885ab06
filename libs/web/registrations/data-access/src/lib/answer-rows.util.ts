import {
  labelIn,
  type Answer,
  type Answers,
  type LocalizedText,
  type Question,
  type ReaderLanguage,
} from '@gfmd/contracts';

/** One answer of a person under its question's label, with the language each text is in (null: not content). */
export interface AnswerRow {
  key: string;
  label: string;
  labelLang: ReaderLanguage | null;
  value: string;
  /** The language of a chosen option's label (a single choice), else null. */
  valueLang: ReaderLanguage | null;
}

/**
 * A person's answers for the staff list, each under its question's label, in the order of the
 * questions (answers to removed questions last, by key). Labels and options read in the page's
 * `language` where written, else in the dialogue's `languages` in order (docs/i18n.md,
 * "Registration questions"), as the public register form shows them; `yesNo` words a checkbox.
 */
export function answerRows(
  answers: Answers | undefined,
  questions: readonly Question[],
  language: ReaderLanguage,
  languages: readonly ReaderLanguage[],
  yesNo: (value: boolean) => string,
): AnswerRow[] {
  const fallbacks: ReaderLanguage[] = languages.length ? [...languages] : ['en'];
  const text = (label: LocalizedText | undefined) => labelIn(label, language, fallbacks);
  const order = (key: string) => {
    const i = questions.findIndex((q) => q.key === key);
    return i < 0 ? questions.length : i;
  };
  return Object.entries(answers ?? {})
    .sort(([a], [b]) => order(a) - order(b))
    .map(([key, v]: [string, Answer]): AnswerRow => {
      const q = questions.find((x) => x.key === key);
      const option = (value: string) => text(q?.options?.find((o) => o.value === value)?.label);
      const label = text(q?.label);
      const base = { key, label: label?.text ?? key, labelLang: label?.lang ?? null };
      if (typeof v === 'boolean') return { ...base, value: yesNo(v), valueLang: null };
      if (Array.isArray(v)) return { ...base, value: v.map((x) => option(x)?.text ?? x).join(', '), valueLang: null };
      const chosen = q?.type === 'single_choice' ? option(v) : undefined;
      return { ...base, value: chosen?.text ?? v, valueLang: chosen?.lang ?? null };
    });
}
