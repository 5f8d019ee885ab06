import { isIndexableWebPath, languagePath, localizeWebUrl, splitLanguagePath } from './web-urls';

describe('web URLs per language', () => {
  it('splits a language prefix off a path, and only a known one', () => {
    expect(splitLanguagePath('/fr/dialogues/1?x=2')).toEqual({ language: 'fr', path: '/dialogues/1?x=2' });
    expect(splitLanguagePath('/es')).toEqual({ language: 'es', path: '/' });
    expect(splitLanguagePath('/AR/timeline')).toEqual({ language: 'ar', path: '/timeline' });
    expect(splitLanguagePath('/dialogues/1')).toEqual({ path: '/dialogues/1' });
    expect(splitLanguagePath('/de/dialogues')).toEqual({ path: '/de/dialogues' });
    expect(splitLanguagePath('/frx/dialogues')).toEqual({ path: '/frx/dialogues' });
  });

  it('prefixes public pages only', () => {
    expect(languagePath('fr', '/dialogues/1')).toBe('/fr/dialogues/1');
    expect(languagePath('es', '/fr/dialogues/1')).toBe('/es/dialogues/1');
    expect(languagePath('fr', '/')).toBe('/fr/');
    expect(languagePath('fr', '/console/dialogues')).toBe('/console/dialogues');
    expect(languagePath('fr', '/login')).toBe('/login');
    expect(languagePath('de', '/dialogues')).toBe('/dialogues');
  });

  it('gives no canonical or hreflang to the pages of private links', () => {
    expect(isIndexableWebPath('/dialogues/1')).toBe(true);
    expect(isIndexableWebPath('/contributions/1')).toBe(true);
    expect(isIndexableWebPath('/contributions/confirm/t')).toBe(false);
    expect(isIndexableWebPath('/manage/t')).toBe(false);
    expect(isIndexableWebPath('/console')).toBe(false);
  });

  it('puts an email’s page links in its reader’s language, and leaves API and staff links alone', () => {
    const base = 'https://d.example.org';
    expect(localizeWebUrl(`${base}/manage/tok`, base, 'fr')).toBe(`${base}/fr/manage/tok`);
    expect(localizeWebUrl(`${base}/dialogues/1/register?invitation=t`, base, 'es')).toBe(
      `${base}/es/dialogues/1/register?invitation=t`,
    );
    expect(localizeWebUrl(`${base}/api/v1/documents/1/file`, base, 'fr')).toBe(`${base}/api/v1/documents/1/file`);
    expect(localizeWebUrl(`${base}/set-password?token=t`, base, 'fr')).toBe(`${base}/set-password?token=t`);
    expect(localizeWebUrl(`${base}/fr/manage/tok`, base, 'es')).toBe(`${base}/fr/manage/tok`);
    expect(localizeWebUrl('https://elsewhere.org/manage/tok', base, 'fr')).toBe('https://elsewhere.org/manage/tok');
    expect(localizeWebUrl(`${base}/manage/tok`, `${base}/`, 'fr')).toBe(`${base}/fr/manage/tok`);
  });
});
