import { documentTitle } from './documents.service';

describe('documentTitle', () => {
  const title = { en: 'Concept note', fr: 'Note conceptuelle' };

  it("reads the reader's language, else the dialogue's languages in order, else the file's, saying which", () => {
    expect(documentTitle(title, 'en', ['en', 'fr'], 'fr')).toEqual({ titleText: 'Note conceptuelle', titleLang: 'fr' });
    expect(documentTitle(title, 'en', ['fr', 'en'], 'ar')).toEqual({ titleText: 'Note conceptuelle', titleLang: 'fr' });
    expect(documentTitle({ es: 'Nota' }, 'es', ['en'], 'zh')).toEqual({ titleText: 'Nota', titleLang: 'es' });
    expect(documentTitle({}, 'en', ['en'], 'en')).toEqual({ titleText: null });
  });
});
