import {
  applyLabelTranslations,
  labelTranslations,
  questionGroup,
  questionsOf,
  unlistedOf,
} from './questions-editor.util';
import { FormArray } from '@angular/forms';
import type { Question } from '@gfmd/contracts';

const QUESTION: Question = {
  key: 'interpretation',
  label: { en: 'Interpretation', ru: 'Перевод' },
  type: 'single_choice',
  options: [
    { value: 'fr', label: { en: 'French', fr: 'Français' } },
    { value: 'es', label: { en: 'Spanish' } },
  ],
  required: true,
};

describe('question editor labels', () => {
  it('gives the translation tabs the source’s words and the other languages’, and takes their edits back', () => {
    const group = questionGroup(QUESTION);
    const { sourceValues, value } = labelTranslations(group.getRawValue(), 'en');
    expect(sourceValues).toEqual({ label: 'Interpretation', option0: 'French', option1: 'Spanish' });
    expect(value).toEqual({ fr: { option0: 'Français' }, ru: { label: 'Перевод' } });

    applyLabelTranslations(group, { fr: { label: 'Interprétation', option0: 'Français', option1: '' } }, 'en');
    const [sent] = questionsOf(new FormArray([group]));
    expect(sent.label).toEqual({ en: 'Interpretation', fr: 'Interprétation', ru: 'Перевод' });
    expect(sent.options?.map((o) => o.label)).toEqual([{ en: 'French', fr: 'Français' }, { en: 'Spanish' }]);
    expect(group.dirty).toBe(true);
  });

  it('names the languages written that the dialogue does not list', () => {
    expect(unlistedOf(questionGroup(QUESTION).getRawValue(), ['en', 'fr'])).toEqual(['ru']);
    expect(unlistedOf(questionGroup(QUESTION).getRawValue(), ['en', 'fr', 'ru'])).toEqual([]);
  });
});
