import type { Question } from '@gfmd/contracts';
import { answerRows } from './answer-rows.util';

describe('answerRows', () => {
  const questions: Question[] = [
    {
      key: 'diet',
      type: 'single_choice',
      required: false,
      label: { es: 'Régimen', en: 'Diet' },
      options: [
        { value: 'veg', label: { es: 'Vegetariano', fr: 'Végétarien', en: 'Vegetarian' } },
        { value: 'none', label: { es: 'Ninguno', en: 'None' } },
      ],
    },
    { key: 'photo', type: 'checkbox', required: false, label: { es: 'Fotos', fr: 'Photos', en: 'Photos' } },
  ];
  const yesNo = (v: boolean) => (v ? 'oui' : 'non');

  it("reads labels in the page's language, else in the dialogue's languages in order (not English first)", () => {
    const sut = answerRows({ photo: true, diet: 'none' }, questions, 'fr', ['es', 'en'], yesNo);

    expect(sut).toEqual([
      { key: 'diet', label: 'Régimen', labelLang: 'es', value: 'Ninguno', valueLang: 'es' },
      { key: 'photo', label: 'Photos', labelLang: 'fr', value: 'oui', valueLang: null },
    ]);
  });

  it("writes an option in the page's language where it has one, and keeps unknown answers by key", () => {
    const sut = answerRows({ gone: 'x', diet: 'veg' }, questions, 'fr', ['es', 'en'], yesNo);

    expect(sut).toEqual([
      { key: 'diet', label: 'Régimen', labelLang: 'es', value: 'Végétarien', valueLang: 'fr' },
      { key: 'gone', label: 'gone', labelLang: null, value: 'x', valueLang: null },
    ]);
  });
});
