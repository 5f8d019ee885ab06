import { contentLangAttrs } from './content-lang.directive';

describe('contentLangAttrs', () => {
  it('marks only words in another language than the page, with the direction where it changes', () => {
    expect(contentLangAttrs('fr', 'fr')).toEqual({ lang: null, dir: null });
    expect(contentLangAttrs(undefined, 'fr')).toEqual({ lang: null, dir: null });
    expect(contentLangAttrs('en', 'fr')).toEqual({ lang: 'en', dir: null });
    expect(contentLangAttrs('ar', 'fr')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(contentLangAttrs('en', 'ar')).toEqual({ lang: 'en', dir: 'ltr' });
  });
});
