import type { Question } from '@gfmd/contracts';
import { english } from '@gfmd/api-platform';
import { checkAnswers, parseQuestions } from './question-rules.util';

/** The problems with their messages in English. */
const inEnglish = (r: ReturnType<typeof checkAnswers>) =>
  'problems' in r ? { problems: r.problems.map((p) => ({ ...p, message: english(p.message) })) } : r;

const QUESTIONS: Question[] = [
  { key: 'visa', label: { en: 'Visa letter?' }, type: 'checkbox', required: false },
  {
    key: 'interpretation',
    label: { en: 'Interpretation', fr: 'Interprétation' },
    type: 'single_choice',
    options: [
      { value: 'en', label: { en: 'English' } },
      { value: 'fr', label: { en: 'French' } },
    ],
    required: true,
  },
  {
    key: 'side_events',
    label: { en: 'Side events' },
    type: 'multi_choice',
    options: [
      { value: 'a', label: { en: 'A' } },
      { value: 'b', label: { en: 'B' } },
    ],
    required: false,
  },
  { key: 'arrival', label: { en: 'Arrival' }, type: 'date', required: false },
  { key: 'mission', label: { en: 'Permanent mission' }, type: 'text', required: true, groups: ['government'] },
  { key: 'consent_photo', label: { en: 'Photos' }, type: 'checkbox', required: true },
];

describe('parseQuestions', () => {
  it('accepts a valid list and keeps its order', () => {
    const sut = parseQuestions(QUESTIONS);
    expect('questions' in sut && sut.questions.map((q) => q.key)).toEqual(QUESTIONS.map((q) => q.key));
  });

  it.each([
    ['not an array', {}, 'questions'],
    ['a bad key', [{ ...QUESTIONS[0], key: 'Visa Letter' }], 'questions[0].key'],
    ['a key used twice', [QUESTIONS[0], QUESTIONS[0]], 'questions[1].key'],
    ['an unknown type', [{ ...QUESTIONS[0], type: 'rating' }], 'questions[0].type'],
    ['a choice without options', [{ ...QUESTIONS[1], options: [] }], 'questions[0].options'],
    ['options on a text question', [{ ...QUESTIONS[4], options: QUESTIONS[1].options }], 'questions[0].options'],
    ['a label in an unknown language', [{ ...QUESTIONS[0], label: { de: 'Visum' } }], 'questions[0].label.de'],
    ['an empty label', [{ ...QUESTIONS[0], label: {} }], 'questions[0].label'],
    ['an unknown group', [{ ...QUESTIONS[0], groups: ['royalty'] }], 'questions[0].groups'],
    ['an unknown field', [{ ...QUESTIONS[0], hint: 'x' }], 'questions[0].hint'],
    ['a bidi override in a label', [{ ...QUESTIONS[0], label: { en: 'a\u202eb' } }], 'questions[0].label.en'],
  ])('refuses %s, naming the field', (_why, body, field) => {
    const sut = parseQuestions(body);
    expect('problems' in sut && sut.problems.map((p) => p.field)).toContain(field);
  });
});

describe('checkAnswers', () => {
  const ok = { interpretation: 'fr', consent_photo: true, mission: 'Geneva' };

  it('stores normalised answers of the questions asked of the group', () => {
    const sut = checkAnswers(QUESTIONS, 'government', { ...ok, side_events: ['a', 'a', 'b'], arrival: '2026-02-28' });
    expect(sut).toEqual({
      answers: {
        interpretation: 'fr',
        consent_photo: true,
        mission: 'Geneva',
        side_events: ['a', 'b'],
        arrival: '2026-02-28',
      },
    });
  });

  it('does not ask a question of other groups', () => {
    const { mission: _m, ...rest } = ok;
    expect(checkAnswers(QUESTIONS, 'academia', rest)).toEqual({
      answers: { interpretation: 'fr', consent_photo: true },
    });
    expect(inEnglish(checkAnswers(QUESTIONS, 'academia', ok))).toEqual({
      problems: [{ field: 'answers.mission', message: 'not asked of this stakeholder group' }],
    });
  });

  it.each([
    ['a required answer missing', { ...ok, interpretation: undefined }, 'answers.interpretation'],
    ['a required text blank', { ...ok, mission: '   ' }, 'answers.mission'],
    ['a required checkbox not ticked', { ...ok, consent_photo: false }, 'answers.consent_photo'],
    ['a value outside the options', { ...ok, interpretation: 'de' }, 'answers.interpretation'],
    ['a wrong type', { ...ok, side_events: 'a' }, 'answers.side_events'],
    ['an impossible date', { ...ok, arrival: '2026-02-30' }, 'answers.arrival'],
    ['an unknown question', { ...ok, shoe_size: '42' }, 'answers.shoe_size'],
    ['text too long', { ...ok, mission: 'x'.repeat(501) }, 'answers.mission'],
  ])('refuses %s', (_why, answers, field) => {
    const sut = checkAnswers(QUESTIONS, 'government', answers);
    expect('problems' in sut && sut.problems.map((p) => p.field)).toEqual([field]);
  });

  it('refuses answers that are not an object', () => {
    expect(inEnglish(checkAnswers(QUESTIONS, 'government', ['fr']))).toEqual({
      problems: [{ field: 'answers', message: 'must be an object of answers by question key' }],
    });
  });
});
