import {
  QUESTION_TYPES,
  READER_LANGUAGES,
  STAKEHOLDER_GROUPS,
  type Answer,
  type Answers,
  type Question,
  type StakeholderGroup,
} from '@gfmd/contracts';
import { msg, type Message } from '@gfmd/api-platform';

/** A refused field, as problem+json lists it. */
export interface FieldProblem {
  field: string;
  message: Message;
}

export const MAX_QUESTIONS = 50;
export const MAX_OPTIONS = 50;
export const LABEL_MAX_LENGTH = 300;
export const TEXT_MAX_LENGTH = 500;
export const LONG_TEXT_MAX_LENGTH = 5000;

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const VALUE = /^[A-Za-z0-9_-]{1,60}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Controls (but tab and newlines) and bidirectional overrides: never in stored text. */
// eslint-disable-next-line no-control-regex -- these characters are what the pattern refuses
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isChoice = (q: Pick<Question, 'type'>) => q.type === 'single_choice' || q.type === 'multi_choice';

function label(v: unknown, field: string, problems: FieldProblem[]): Question['label'] {
  if (!isObject(v)) {
    problems.push({ field, message: msg('questions.rule.label.field') });
    return {};
  }
  const out: Question['label'] = {};
  for (const [lang, text] of Object.entries(v)) {
    if (!(READER_LANGUAGES as readonly string[]).includes(lang))
      problems.push({
        field: `${field}.${lang}`,
        message: msg('questions.rule.labelLanguage.field', { languages: READER_LANGUAGES.join(', ') }),
      });
    else if (
      typeof text !== 'string' ||
      !text.trim() ||
      [...text.trim()].length > LABEL_MAX_LENGTH ||
      UNSAFE.test(text)
    )
      problems.push({
        field: `${field}.${lang}`,
        message: msg('questions.rule.labelText.field', { max: LABEL_MAX_LENGTH }),
      });
    else out[lang as keyof Question['label']] = text.trim();
  }
  if (!Object.keys(v).length) problems.push({ field, message: msg('questions.rule.labelEmpty.field') });
  return out;
}

/**
 * The questions of a PUT body, checked and normalised (trimmed labels, no stray fields), or
 * the problems found, each naming its field (`questions[2].options[0].value`).
 */
export function parseQuestions(body: unknown): { questions: Question[] } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!Array.isArray(body))
    return { problems: [{ field: 'questions', message: msg('questions.rule.notArray.field') }] };
  if (body.length > MAX_QUESTIONS)
    return { problems: [{ field: 'questions', message: msg('questions.rule.tooMany.field', { max: MAX_QUESTIONS }) }] };
  const keys = new Set<string>();
  const questions = body.map((raw, i): Question => {
    const at = `questions[${i}]`;
    if (!isObject(raw)) {
      problems.push({ field: at, message: msg('questions.rule.notObject.field') });
      return { key: '', label: {}, type: 'text', required: false };
    }
    for (const k of Object.keys(raw))
      if (!['key', 'label', 'type', 'options', 'required', 'groups'].includes(k))
        problems.push({ field: `${at}.${k}`, message: msg('questions.rule.unknownField.field') });
    const key = typeof raw['key'] === 'string' ? raw['key'] : '';
    if (!KEY.test(key))
      problems.push({
        field: `${at}.key`,
        message: msg('questions.rule.key.field'),
      });
    else if (keys.has(key)) problems.push({ field: `${at}.key`, message: msg('questions.rule.usedTwice.field') });
    keys.add(key);
    const type = raw['type'] as Question['type'];
    if (!(QUESTION_TYPES as readonly unknown[]).includes(type))
      problems.push({
        field: `${at}.type`,
        message: msg('questions.rule.type.field', { types: QUESTION_TYPES.join(', ') }),
      });
    if (typeof raw['required'] !== 'boolean')
      problems.push({ field: `${at}.required`, message: msg('questions.rule.boolean.field') });
    const q: Question = {
      key,
      label: label(raw['label'], `${at}.label`, problems),
      type,
      required: raw['required'] === true,
    };
    if (isChoice(q)) {
      const options = raw['options'];
      if (!Array.isArray(options) || !options.length || options.length > MAX_OPTIONS) {
        problems.push({ field: `${at}.options`, message: msg('questions.rule.options.field', { max: MAX_OPTIONS }) });
      } else {
        const values = new Set<string>();
        q.options = options.map((o, j) => {
          const of = `${at}.options[${j}]`;
          if (!isObject(o) || Object.keys(o).some((k) => k !== 'value' && k !== 'label')) {
            problems.push({ field: of, message: msg('questions.rule.option.field', { shape: '{value, label}' }) });
            return { value: '', label: {} };
          }
          const value = typeof o['value'] === 'string' ? o['value'] : '';
          if (!VALUE.test(value))
            problems.push({ field: `${of}.value`, message: msg('questions.rule.optionValue.field') });
          else if (values.has(value))
            problems.push({ field: `${of}.value`, message: msg('questions.rule.usedTwice.field') });
          values.add(value);
          return { value, label: label(o['label'], `${of}.label`, problems) };
        });
      }
    } else if (raw['options'] !== undefined)
      problems.push({ field: `${at}.options`, message: msg('questions.rule.optionsOnlyChoices.field') });
    const groups = raw['groups'];
    if (groups !== undefined && groups !== null) {
      if (!Array.isArray(groups) || groups.some((g) => !(STAKEHOLDER_GROUPS as readonly unknown[]).includes(g)))
        problems.push({
          field: `${at}.groups`,
          message: msg('questions.rule.groups.field', { groups: STAKEHOLDER_GROUPS.join(', ') }),
        });
      else if (groups.length) q.groups = [...new Set(groups as StakeholderGroup[])];
    }
    return q;
  });
  return problems.length ? { problems } : { questions };
}

/** Whether a question is asked of a group. */
export const askedOf = (q: Question, group: StakeholderGroup) => !q.groups?.length || q.groups.includes(group);

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length) || v === false;

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** One answer checked against its question: the value to store, or why not. */
function answerOf(q: Question, v: unknown): { value: Answer } | { message: Message } {
  switch (q.type) {
    case 'text':
    case 'long_text': {
      const max = q.type === 'text' ? TEXT_MAX_LENGTH : LONG_TEXT_MAX_LENGTH;
      if (typeof v !== 'string' || v.length > max || UNSAFE.test(v))
        return { message: msg('questions.answer.text.field', { max }) };
      return { value: v.trim() };
    }
    case 'single_choice':
      if (typeof v !== 'string' || !q.options?.some((o) => o.value === v))
        return { message: msg('questions.answer.option.field') };
      return { value: v };
    case 'multi_choice':
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !q.options?.some((o) => o.value === x)))
        return { message: msg('questions.answer.options.field') };
      return { value: [...new Set(v as string[])] };
    case 'checkbox':
      if (typeof v !== 'boolean') return { message: msg('questions.answer.checkbox.field') };
      return { value: v };
    case 'date':
      if (typeof v !== 'string' || !validDate(v)) return { message: msg('questions.answer.date.field') };
      return { value: v };
  }
}

/**
 * A registrant's answers checked against the dialogue's questions for their group: the answers
 * to store (only known keys, normalised), or the problems (`answers.<key>`): an unknown key, a
 * question not asked of the group, a wrong type or a value outside the options, a required
 * answer missing (a required checkbox must be ticked).
 */
export function checkAnswers(
  questions: Question[],
  group: StakeholderGroup,
  answers: unknown,
): { answers: Answers } | { problems: FieldProblem[] } {
  if (answers !== undefined && answers !== null && !isObject(answers))
    return { problems: [{ field: 'answers', message: msg('questions.answer.notObject.field') }] };
  const given = (answers ?? {}) as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const out: Answers = {};
  for (const key of Object.keys(given)) {
    const q = questions.find((x) => x.key === key);
    if (!q) problems.push({ field: `answers.${key.slice(0, 40)}`, message: msg('questions.answer.unknown.field') });
    else if (!askedOf(q, group) && !isEmpty(given[key]))
      problems.push({ field: `answers.${key}`, message: msg('questions.answer.notAsked.field') });
  }
  for (const q of questions) {
    if (!askedOf(q, group)) continue;
    const v = given[q.key];
    if (isEmpty(v) && !(q.type === 'checkbox' && v === false && !q.required)) {
      if (q.required) problems.push({ field: `answers.${q.key}`, message: msg('questions.answer.required.field') });
      continue;
    }
    const checked = answerOf(q, v);
    if ('message' in checked) problems.push({ field: `answers.${q.key}`, message: checked.message });
    else if (isEmpty(checked.value) && checked.value !== false) {
      if (q.required) problems.push({ field: `answers.${q.key}`, message: msg('questions.answer.required.field') });
    } else out[q.key] = checked.value;
  }
  return problems.length ? { problems } : { answers: out };
}
