import { LANGUAGES, STAKEHOLDER_GROUPS } from '@gfmd/contracts';
import { ar } from './dictionaries/ar';
import { en } from './dictionaries/en';
import { es } from './dictionaries/es';
import { fr } from './dictionaries/fr';
import { UI_LANGUAGES } from './i18n.service';
import { GROUP_LABELS, LANGUAGE_LABELS, foldForSearch } from './option-labels';

describe('option labels', () => {
  const dictionaries = { en, fr, es, ar };

  it('are the dictionaries group and language labels', () => {
    for (const lang of UI_LANGUAGES) {
      for (const group of STAKEHOLDER_GROUPS) {
        expect(GROUP_LABELS[lang][group]).toBe(dictionaries[lang][`group.${group}`]);
      }
      for (const language of LANGUAGES) {
        expect(LANGUAGE_LABELS[lang][language]).toBe(dictionaries[lang][`language.${language}`]);
      }
    }
  });

  it('folds case, accents, underscores and dashes', () => {
    expect(foldForSearch('  Société_civile ')).toBe('societe civile');
    expect(foldForSearch('America/New_York')).toBe('america/new york');
    expect(foldForSearch('Migrant-and  Diaspora')).toBe('migrant and diaspora');
  });
});
