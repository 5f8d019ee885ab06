import { FormControl, FormRecord } from '@angular/forms';
import type { Answer, Question } from '@gfmd/contracts';
import { answerControl, answersOf, askedOf, labelFor, syncAnswerControls } from './question-form.util';

const QUESTIONS: Question[] = [
  { key: 'diet', label: { en: 'Diet', fr: 'Régime' }, type: 'text', required: true },
  {
    key: 'events',
    label: { en: 'Events' },
    type: 'multi_choice',
    options: [{ value: 'a', label: { en: 'A' } }],
    required: true,
  },
  { key: 'visa', label: { es: 'Visado' }, type: 'checkbox', required: true },
  { key: 'arrival', label: { en: 'Arrival' }, type: 'date', required: false },
  { key: 'mission', label: { en: 'Mission' }, type: 'text', required: true, groups: ['government'] },
];

describe('question form', () => {
  it('asks a group-restricted question of that group only (and of nobody while no group is chosen)', () => {
    expect(askedOf(QUESTIONS[4], 'government')).toBe(true);
    expect(askedOf(QUESTIONS[4], 'civil_society')).toBe(false);
    expect(askedOf(QUESTIONS[4], '')).toBe(false);
    expect(askedOf(QUESTIONS[0], '')).toBe(true);
  });

  it('reads a label in the page’s language, else the dialogue’s languages in order, and says which', () => {
    const label = { fr: 'Interprétation', ar: 'الترجمة', ru: 'Перевод' };
    expect(labelFor({ label }, 'ar', ['fr', 'ar'])).toEqual({ text: 'الترجمة', lang: 'ar' });
    expect(labelFor({ label }, 'es', ['en', 'ru', 'fr'])).toEqual({ text: 'Перевод', lang: 'ru' });
    // Without the dialogue's languages: the language the server read it in, then English, then any.
    expect(labelFor({ label, labelLang: 'fr' }, 'en')).toEqual({ text: 'Interprétation', lang: 'fr' });
    expect(labelFor({ label: { zh: '口译' } }, 'en')).toEqual({ text: '口译', lang: 'zh' });
    expect(labelFor({ label: {} }, 'en')).toBeUndefined();
  });

  it('applies the server’s rules: blank text, no option, unticked required box, impossible date', () => {
    expect(answerControl(QUESTIONS[0], '   ').errors).toEqual({ required: true });
    expect(answerControl(QUESTIONS[0], 'x'.repeat(501)).errors).toMatchObject({ maxlength: expect.anything() });
    expect(answerControl(QUESTIONS[1]).errors).toEqual({ required: true });
    expect(answerControl(QUESTIONS[1], ['a']).errors).toBeNull();
    expect(answerControl(QUESTIONS[2]).errors).toEqual({ required: true });
    expect(answerControl(QUESTIONS[2], true).errors).toBeNull();
    expect(answerControl(QUESTIONS[3], '2026-02-30').errors).toEqual({ date: true });
    expect(answerControl(QUESTIONS[3], '2026-02-28').errors).toBeNull();
    expect(answerControl(QUESTIONS[3]).errors).toBeNull();
  });

  it('keeps controls for the asked questions only and sends trimmed, non-empty answers', () => {
    const record = new FormRecord<FormControl<Answer>>({});
    expect(syncAnswerControls(record, QUESTIONS, 'government').map((q) => q.key)).toEqual([
      'diet',
      'events',
      'visa',
      'arrival',
      'mission',
    ]);
    const asked = syncAnswerControls(record, QUESTIONS, 'academia', { diet: 'kept?' });
    expect(Object.keys(record.controls)).toEqual(['diet', 'events', 'visa', 'arrival']);
    record.patchValue({ diet: '  Vegan ', events: [], visa: true, arrival: '' });
    expect(answersOf(record, asked)).toEqual({ diet: 'Vegan', visa: true });
    syncAnswerControls(record, QUESTIONS, 'academia', { diet: 'Halal' }, true);
    expect(record.controls['diet'].value).toBe('Halal');
  });
});
