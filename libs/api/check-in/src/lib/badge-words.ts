import type { DelegateRole, Language, StakeholderGroup } from '@gfmd/contracts';

/**
 * The stakeholder group's band on a badge: a colour from the Okabe–Ito palette (told apart by
 * most colour-blind readers) AND the group's name printed on it, so the colour never carries the
 * meaning alone. `ink` is the text colour with enough contrast on the band.
 */
export const GROUP_BANDS: Record<StakeholderGroup, { fill: string; ink: string }> = {
  government: { fill: '#0072B2', ink: '#FFFFFF' },
  international_organization: { fill: '#56B4E9', ink: '#000000' },
  civil_society: { fill: '#009E73', ink: '#FFFFFF' },
  private_sector: { fill: '#E69F00', ink: '#000000' },
  academia: { fill: '#CC79A7', ink: '#000000' },
  local_authority: { fill: '#D55E00', ink: '#FFFFFF' },
  migrant_diaspora: { fill: '#F0E442', ink: '#000000' },
  media: { fill: '#000000', ink: '#FFFFFF' },
  other: { fill: '#999999', ink: '#000000' },
};

export const GROUP_NAMES: Record<Language, Record<StakeholderGroup, string>> = {
  en: {
    government: 'Government',
    international_organization: 'International organization',
    civil_society: 'Civil society',
    private_sector: 'Private sector',
    academia: 'Academia',
    local_authority: 'Local authority',
    migrant_diaspora: 'Migrant and diaspora',
    media: 'Media',
    other: 'Other',
  },
  fr: {
    government: 'Gouvernement',
    international_organization: 'Organisation internationale',
    civil_society: 'Société civile',
    private_sector: 'Secteur privé',
    academia: 'Milieu universitaire',
    local_authority: 'Autorité locale',
    migrant_diaspora: 'Migrants et diaspora',
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
    migrant_diaspora: 'Migrantes y diáspora',
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
    migrant_diaspora: 'المهاجرون والمغتربون',
    media: 'وسائل الإعلام',
    other: 'أخرى',
  },
};

/** A delegation member's role as a badge prints it. */
export const DELEGATE_ROLE_NAMES: Record<Language, Record<DelegateRole, string>> = {
  en: { head_of_delegation: 'Head of delegation', delegate: 'Delegate', adviser: 'Adviser' },
  fr: { head_of_delegation: 'Chef de délégation', delegate: 'Délégué·e', adviser: 'Conseiller·ère' },
  es: { head_of_delegation: 'Jefe/a de delegación', delegate: 'Delegado/a', adviser: 'Asesor/a' },
  ar: { head_of_delegation: 'رئيس الوفد', delegate: 'مندوب', adviser: 'مستشار' },
};

/** The role line of a delegation member's badge: "Head of delegation · Republic of Ghana". */
export function delegateLine(
  membership: { role: DelegateRole; delegation: string } | undefined,
  language: Language,
): string | null {
  if (!membership) return null;
  return `${(DELEGATE_ROLE_NAMES[language] ?? DELEGATE_ROLE_NAMES.en)[membership.role]} · ${membership.delegation}`;
}

/** The words of a certificate of attendance. */
export const CERTIFICATE_WORDS: Record<Language, { title: string; attended: string; verify: string; on: string }> = {
  en: {
    title: 'Certificate of attendance',
    attended: 'took part in the GFMD thematic dialogue',
    on: 'held on',
    verify: 'Verify this certificate at',
  },
  fr: {
    title: 'Attestation de participation',
    attended: 'a participé au dialogue thématique du FMMD',
    on: 'tenu le',
    verify: 'Vérifier cette attestation sur',
  },
  es: {
    title: 'Certificado de asistencia',
    attended: 'participó en el diálogo temático del FMMD',
    on: 'celebrado el',
    verify: 'Verifique este certificado en',
  },
  ar: {
    title: 'شهادة حضور',
    attended: 'شارك في الحوار المواضيعي للمنتدى العالمي للهجرة والتنمية',
    on: 'المنعقد في',
    verify: 'تحقق من هذه الشهادة على',
  },
};

/** A day (or span of days) in the dialogue's time zone, in the reader's language. */
export function dialogueDates(startsAt: Date, endsAt: Date, timeZone: string, language: Language): string {
  const fmt = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone });
  const a = fmt.format(startsAt);
  const b = fmt.format(endsAt);
  return a === b ? a : `${a} – ${b}`;
}
