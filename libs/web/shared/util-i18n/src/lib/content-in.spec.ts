import type { Space } from '@gfmd/contracts';
import { contentIn } from './content-in';

describe('contentIn', () => {
  const staffRead: Pick<Space, 'name' | 'nameLang' | 'translations'> = {
    name: 'Espace entreprises',
    nameLang: 'fr',
    translations: { es: { name: 'Espacio empresarial' }, ar: { name: '  ' } },
  };

  it("reads a staff read's translation in the page's language", () => {
    expect(contentIn(staffRead, 'name', 'es', ['fr', 'es'])).toEqual({ text: 'Espacio empresarial', lang: 'es' });
  });

  it("falls back to the dialogue's languages in order, not to the server's or English", () => {
    expect(contentIn(staffRead, 'name', 'ar', ['fr', 'es'])).toEqual({ text: 'Espace entreprises', lang: 'fr' });
    // Without `nameLang`, the own words are in the dialogue's first language.
    expect(
      contentIn({ name: 'Empresas', translations: { en: { name: 'Business' } } }, 'name', 'fr', ['es', 'en']),
    ).toEqual({ text: 'Empresas', lang: 'es' });
    expect(
      contentIn({ name: 'Empresas', translations: { en: { name: 'Business' } } }, 'name', 'en', ['es', 'en']),
    ).toEqual({ text: 'Business', lang: 'en' });
  });

  it('takes a read already in the reader’s language as it is', () => {
    expect(contentIn({ name: 'Espace', nameLang: 'fr' }, 'name', 'fr', ['en', 'fr'])).toEqual({
      text: 'Espace',
      lang: 'fr',
    });
    expect(contentIn({ name: 'Business' }, 'name', 'fr', [])).toEqual({ text: 'Business', lang: null });
  });
});
