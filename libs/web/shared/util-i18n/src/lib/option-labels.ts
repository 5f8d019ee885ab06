import type { Language, StakeholderGroup } from '@gfmd/contracts';
import type { UiLanguage } from './i18n.service';

/**
 * The labels of the stakeholder groups and languages in every UI language, for what must read
 * them whatever the page's language (the invitation list accepts any of them). They are the
 * dictionaries' `group.*` and `language.*` entries (a spec keeps them equal); kept here so the
 * French, Spanish and Arabic dictionaries still load on demand.
 */
export const GROUP_LABELS: Record<UiLanguage, Record<StakeholderGroup, string>> = {
  en: {
    government: 'Government',
    international_organization: 'International organization',
    civil_society: 'Civil society',
    private_sector: 'Private sector',
    academia: 'Academia',
    local_authority: 'Local authority',
    migrant_diaspora: 'Migrant and diaspora organization',
    media: 'Media',
    other: 'Other',
  },
  fr: {
    government: 'Gouvernement',
    international_organization: 'Organisation internationale',
    civil_society: 'Société civile',
    private_sector: 'Secteur privé',
    academia: 'Monde universitaire',
    local_authority: 'Autorité locale',
    migrant_diaspora: 'Organisation de migrants et de la diaspora',
    media: 'Médias',
    other: 'Autre',
  },
  es: {
    government: 'Gobierno',
    international_organization: 'Organización internacional',
    civil_society: 'Sociedad civil',
    private_sector: 'Sector privado',
    academia: 'Academia',
    local_authority: 'Autoridad local',
    migrant_diaspora: 'Organización de migrantes y diáspora',
    media: 'Medios de comunicación',
    other: 'Otro',
  },
  ar: {
    government: 'حكومة',
    international_organization: 'منظمة دولية',
    civil_society: 'المجتمع المدني',
    private_sector: 'القطاع الخاص',
    academia: 'الأوساط الأكاديمية',
    local_authority: 'سلطة محلية',
    migrant_diaspora: 'منظمة مهاجرين ومغتربين',
    media: 'وسائط الإعلام',
    other: 'أخرى',
  },
};

export const LANGUAGE_LABELS: Record<UiLanguage, Record<Language, string>> = {
  en: { en: 'English', fr: 'French', es: 'Spanish', ar: 'Arabic' },
  fr: { en: 'Anglais', fr: 'Français', es: 'Espagnol', ar: 'Arabe' },
  es: { en: 'Inglés', fr: 'Francés', es: 'Español', ar: 'Árabe' },
  ar: { en: 'الإنكليزية', fr: 'الفرنسية', es: 'الإسبانية', ar: 'العربية' },
};

/** Text folded for matching what people type: no case, no accents, any run of spaces, `_` or `-` as one space. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_\-‐-―]+/g, ' ')
    .trim();
}
