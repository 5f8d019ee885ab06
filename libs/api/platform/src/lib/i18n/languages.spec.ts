import { CATALOGUE_LANGUAGES, SERVER_LANGUAGES, negotiateLanguage, requestLanguages } from './languages';

describe('negotiateLanguage (Accept-Language)', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['fr', 'fr'],
    ['FR-ca', 'fr'],
    ['fr-CH, fr;q=0.9, en;q=0.8', 'fr'],
    ['de-DE, es;q=0.5', 'es'],
    ['en;q=0.4, es;q=0.9', 'es'],
    ['en;q=0.9, es;q=0.9', 'en'],
    ['es;q=0.5, fr;Q=0.8', 'fr'],
    ['fr;q=0', undefined],
    ['fr;q=0, es;q=0.1', 'es'],
    ['fr;q=1.5', undefined],
    ['fr;q=abc', undefined],
    ['frx, it', undefined],
    ['*', undefined],
    [['de', 'es;q=0.2'], 'es'],
  ])('reads %p among en, fr, es, ar as %p', (header, expected) => {
    expect(negotiateLanguage(header, CATALOGUE_LANGUAGES)).toBe(expected);
  });

  it('knows the six UN languages for content', () => {
    expect(negotiateLanguage('zh-Hans-CN, en;q=0.5', SERVER_LANGUAGES)).toBe('zh');
    expect(negotiateLanguage('ar, fr;q=0.5', SERVER_LANGUAGES)).toBe('ar');
  });

  it('reads no more than the first 500 characters of a huge header', () => {
    expect(negotiateLanguage(`${'x-y;q=0.1,'.repeat(200)}fr`, CATALOGUE_LANGUAGES)).toBeUndefined();
  });
});

describe('requestLanguages', () => {
  it('prefers ?lang= over Accept-Language, in any case', () => {
    expect(requestLanguages('ES', 'fr')).toEqual({ language: 'es', text: 'es', explicit: true });
  });

  it('reads Arabic server words for Arabic; Russian and Chinese for content, with the server words in English', () => {
    expect(requestLanguages('ar', undefined)).toEqual({ language: 'ar', text: 'ar', explicit: true });
    expect(requestLanguages('zh', 'ar')).toEqual({ language: 'zh', text: 'en', explicit: true });
    expect(requestLanguages(undefined, 'ar, fr;q=0.8')).toEqual({ language: 'ar', text: 'ar' });
    expect(requestLanguages(undefined, 'ru, ar;q=0.5')).toEqual({ language: 'ru', text: 'ar' });
  });

  it('negotiates content and server words separately from the header', () => {
    expect(requestLanguages(undefined, 'ru, es;q=0.5')).toEqual({ language: 'ru', text: 'es' });
    expect(requestLanguages(undefined, undefined)).toEqual({ language: 'en', text: 'en' });
  });

  it.each([['xx'], ['de'], [''], [['fr', 'es']], ['fr-CA']])('refuses lang=%p', (lang) => {
    expect(requestLanguages(lang, 'fr')).toHaveProperty('invalid');
  });
});
