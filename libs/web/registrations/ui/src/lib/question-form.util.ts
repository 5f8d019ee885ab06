import { type AbstractControl, FormControl, FormRecord, type ValidationErrors, Validators } from '@angular/forms';
import {
  labelIn,
  type Answer,
  type Answers,
  type LocalizedText,
  type Question,
  type ReaderLanguage,
  type StakeholderGroup,
} from '@gfmd/contracts';
import type { UiLanguage } from '@gfmd/web-shared-util-i18n';

/*
 * The organizer's own questions in a form: which ones a group is asked, one control per question
 * with the server's rules (libs/api/questions, question-rules.util.ts) as validators, and the
 * answers to send. The server checks again; these only say it first.
 */

/** Longest answers the server takes (question-rules.util.ts). */
export const TEXT_MAX_LENGTH = 500;
export const LONG_TEXT_MAX_LENGTH = 5000;

/** Whether a question is asked of a group (none chosen yet: only the questions for everyone). */
export const askedOf = (q: Question, group: StakeholderGroup | '' | null | undefined) =>
  !q.groups?.length || (!!group && q.groups.includes(group));

/**
 * A question's or an option's label for the page (docs/i18n.md, "Registration questions"): in the
 * page's language where written, else the dialogue's `languages` in order (else the language the
 * server read it in, then English), else any; with the language it is in, so a fallback is marked.
 */
export function labelFor(
  item: { label?: LocalizedText; labelText?: string; labelLang?: ReaderLanguage },
  language: UiLanguage,
  languages: readonly ReaderLanguage[] = [],
): { text: string; lang: ReaderLanguage } | undefined {
  // The public reads (the register form, the manage page) carry only the label the server resolved.
  if (!item.label) return item.labelText && item.labelLang ? { text: item.labelText, lang: item.labelLang } : undefined;
  const fallbacks: ReaderLanguage[] = languages.length
    ? [...languages]
    : [...(item.labelLang ? [item.labelLang] : []), 'en'];
  return labelIn(item.label, language, fallbacks);
}

/** A required text must hold more than spaces; a required multiple choice at least one option. */
function notBlank(control: AbstractControl): ValidationErrors | null {
  const v: unknown = control.value;
  if (typeof v === 'string') return v.trim() ? null : { required: true };
  if (Array.isArray(v)) return v.length ? null : { required: true };
  return v === null || v === undefined ? { required: true } : null;
}

/** A real calendar day as YYYY-MM-DD (what a date input gives), or nothing. */
function isoDate(control: AbstractControl): ValidationErrors | null {
  const v: unknown = control.value;
  if (v === '' || v === null || v === undefined) return null;
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  if (!m) return { date: true };
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? null : { date: true };
}

/** The empty value of a question's control. */
function emptyOf(q: Question): Answer {
  if (q.type === 'multi_choice') return [];
  if (q.type === 'checkbox') return false;
  return '';
}

/** One control for a question, with the server's rules, holding `value` when given. */
export function answerControl(q: Question, value?: Answer): FormControl<Answer> {
  const validators = [];
  if (q.required) validators.push(q.type === 'checkbox' ? Validators.requiredTrue : notBlank);
  if (q.type === 'text') validators.push(Validators.maxLength(TEXT_MAX_LENGTH));
  if (q.type === 'long_text') validators.push(Validators.maxLength(LONG_TEXT_MAX_LENGTH));
  if (q.type === 'date') validators.push(isoDate);
  return new FormControl<Answer>(value ?? emptyOf(q), { nonNullable: true, validators });
}

/**
 * Keeps one control per question asked of `group` in `record` (added with the known answer, or
 * empty; removed when the group is no longer asked), in the questions' order. `rebuild`: every
 * control anew (the questions or the known answers changed).
 */
export function syncAnswerControls(
  record: FormRecord<FormControl<Answer>>,
  questions: Question[],
  group: StakeholderGroup | '' | null | undefined,
  known: Answers = {},
  rebuild = false,
): Question[] {
  const asked = questions.filter((q) => askedOf(q, group));
  for (const key of Object.keys(record.controls))
    if (rebuild || !asked.some((q) => q.key === key)) record.removeControl(key, { emitEvent: false });
  for (const q of asked)
    if (!record.contains(q.key)) record.addControl(q.key, answerControl(q, known[q.key]), { emitEvent: false });
  return asked;
}

/** The answers to send: trimmed texts, empty ones left out (an unticked checkbox is false). */
export function answersOf(record: FormRecord<FormControl<Answer>>, questions: Question[]): Answers {
  const out: Answers = {};
  for (const q of questions) {
    const control = record.controls[q.key];
    if (!control) continue;
    const v = control.value;
    if (typeof v === 'string') {
      if (v.trim()) out[q.key] = v.trim();
    } else if (Array.isArray(v)) {
      if (v.length) out[q.key] = v;
    } else out[q.key] = v;
  }
  return out;
}
