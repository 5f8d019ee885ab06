import { PROBLEM_CATALOGUES, constraintMessage, negotiateProblemLanguage } from './problem-language';

describe('negotiateProblemLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['fr', 'fr'],
    ['fr-CH, fr;q=0.9, en;q=0.8', 'fr'],
    ['de-DE, es;q=0.5', 'es'],
    ['en;q=0.4, es;q=0.9', 'es'],
    ['fr;q=0', 'en'],
    ['frx, it', 'en'],
    ['*', 'en'],
    ['ar-EG, fr;q=0.5', 'ar'],
  ])('reads %p as %p', (header, expected) => {
    expect(negotiateProblemLanguage(header)).toBe(expected);
  });
});

describe('constraintMessage', () => {
  it('fills the number and the values from the English message', () => {
    expect(constraintMessage('fr', 'maxLength', 'name must be shorter than or equal to 200 characters')).toBe(
      'Saisissez au plus 200 caractères.',
    );
    expect(constraintMessage('es', 'isIn', 'role must be one of the following values: admin, organizer')).toBe(
      'Elija uno de: admin, organizer.',
    );
    expect(constraintMessage('ar', 'maxLength', 'name must be shorter than or equal to 200 characters')).toBe(
      'أدخل 200 حرفًا على الأكثر.',
    );
  });

  it('falls back to the generic words for a constraint it does not know', () => {
    expect(constraintMessage('fr', 'somethingNew', 'x')).toBe(PROBLEM_CATALOGUES.fr.constraints.invalid);
    expect(constraintMessage('es', undefined, 'x')).toBe(PROBLEM_CATALOGUES.es.constraints.invalid);
  });
});

describe('the Arabic problem catalogue', () => {
  it('has words in Arabic script for every status, type and constraint, with the same {n} and {values}', () => {
    const arabic = /[\u0600-\u06FF]/;
    const { ar, en } = PROBLEM_CATALOGUES;
    for (const part of ['titles', 'details', 'constraints'] as const) {
      const entries = Object.entries(ar[part]) as [string, string][];
      expect(entries.filter(([, text]) => !arabic.test(text)).map(([k]) => k)).toEqual([]);
      const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
      const enPart = en[part] as Record<string, string>;
      expect(entries.filter(([k, text]) => params(text) !== params(enPart[k])).map(([k]) => k)).toEqual([]);
    }
  });
});
