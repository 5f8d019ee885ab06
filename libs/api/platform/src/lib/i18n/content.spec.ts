import {
  checkTranslations,
  translationIssueMessage,
  cleanTranslations,
  localizeContent,
  missingTranslations,
  unlistedTranslations,
} from './content';
import { inLanguage } from './request-language';
import { requestLanguages, type RequestLanguages } from './languages';

const reader = (lang: string) => requestLanguages(lang, undefined) as RequestLanguages;

describe('content in several languages', () => {
  const dialogue = {
    title: 'Labour mobility',
    summary: 'Skills partnerships',
    translations: { fr: { title: 'Mobilité de main-d’œuvre' }, ar: { title: 'تنقل اليد العاملة', summary: ' ' } },
  };

  it('reads each field in the reader’s language, else in the source’s, and says which', () => {
    expect(inLanguage(reader('fr'), () => localizeContent(dialogue, ['title', 'summary']))).toEqual({
      title: 'Mobilité de main-d’œuvre',
      titleLang: 'fr',
      summary: 'Skills partnerships',
      summaryLang: 'en',
    });
    expect(localizeContent(dialogue, ['title', 'summary'], 'en', 'ar')).toMatchObject({
      title: 'تنقل اليد العاملة',
      titleLang: 'ar',
      summaryLang: 'en',
    });
    expect(localizeContent(dialogue, ['title'], 'en', 'zh')).toEqual({ title: 'Labour mobility', titleLang: 'en' });
  });

  it('falls back to the source language, whichever it is', () => {
    const french = { title: 'Dialogue', translations: { en: { title: 'Dialogue (EN)' } } };
    expect(localizeContent(french, ['title'], 'fr', 'es')).toEqual({ title: 'Dialogue', titleLang: 'fr' });
    expect(localizeContent(french, ['title'], 'fr', 'en')).toEqual({ title: 'Dialogue (EN)', titleLang: 'en' });
  });

  it('marks what each listed language lacks, and the languages not listed', () => {
    expect(missingTranslations(dialogue, ['title', 'summary'], ['en', 'fr', 'es'])).toEqual({
      fr: ['summary'],
      es: ['title', 'summary'],
    });
    expect(unlistedTranslations(dialogue.translations, ['en', 'fr'])).toEqual(['ar']);
  });

  it('refuses a language outside the six, unknown fields, long or bidi-overridden text', () => {
    const limits = { title: { max: 10 }, summary: { max: 100, multiline: true } };
    expect(checkTranslations({ fr: { title: 'Bien' } }, limits)).toEqual([]);
    expect(checkTranslations({ xx: { title: 'a' } }, limits)).toEqual([{ path: 'translations.xx', code: 'isIn' }]);
    expect(checkTranslations({ fr: { colour: 'a' } }, limits)).toEqual([
      { path: 'translations.fr.colour', code: 'isIn', field: 'colour' },
    ]);
    // A field named with a dot (an outcome's `keyMessages.0`) keeps its whole name in the message.
    const keyed = { 'keyMessages.0': { max: 5 } };
    const [long] = checkTranslations({ es: { 'keyMessages.0': 'demasiado' } }, keyed);
    expect(long).toEqual({ path: 'translations.es.keyMessages.0', code: 'maxLength', field: 'keyMessages.0' });
    expect(translationIssueMessage(long, keyed)).toBe(
      'translations.es.keyMessages.0 must be shorter than or equal to 5 characters',
    );
    expect(checkTranslations({ fr: { title: 'x'.repeat(11) } }, limits)[0].code).toBe('maxLength');
    expect(checkTranslations({ ar: { title: 'a\u202Eb' } }, limits)[0].code).toBe('isPlainText');
    expect(checkTranslations({ fr: { title: 'a\nb' } }, limits)[0].code).toBe('isPlainText');
    expect(checkTranslations({ fr: { summary: 'a\nb' } }, limits)).toEqual([]);
    expect(checkTranslations([], limits)).toEqual([{ path: 'translations', code: 'isObject' }]);
    expect(checkTranslations({ fr: 'Bien' }, limits)).toEqual([{ path: 'translations.fr', code: 'isObject' }]);
  });

  it('stores trimmed text and drops empty fields and languages', () => {
    expect(
      cleanTranslations({ fr: { title: ' Bien ', summary: '' }, es: { title: null as unknown as string } }),
    ).toEqual({
      fr: { title: 'Bien' },
    });
  });
});
