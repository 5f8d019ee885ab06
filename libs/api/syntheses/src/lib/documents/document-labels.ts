import type { Language, RecommendationKind, StakeholderGroup } from '@gfmd/contracts';

/** The words of the documents' frame (headings, labels) in each language the product speaks. */
export interface DocumentLabels {
  documentTitle: string;
  forum: string;
  contents: string;
  introduction: string;
  recommendations: string;
  sources: string;
  languages: string;
  languagesText: (document: string, available: string) => string;
  dialogueLanguages: string;
  published: string;
  draft: string;
  version: string;
  due: string;
  venue: string;
  date: string;
  reference: string;
  kind: string;
  addressedTo: string;
  fromDialogue: string;
  page: (n: number, total: number) => string;
  noRecommendations: string;
  kinds: Record<RecommendationKind, string>;
  groups: Record<StakeholderGroup, string>;
  languageNames: Record<string, string>;
}

const en: DocumentLabels = {
  documentTitle: 'Synthesis of GFMD recommendations',
  forum: 'Global Forum on Migration and Development (GFMD)',
  contents: 'Contents',
  introduction: 'Introduction',
  recommendations: 'Recommendations',
  sources: 'The dialogues the recommendations came from',
  languages: 'Languages',
  languagesText: (d, a) =>
    `This document is in ${d}. It can be downloaded in ${a}. The recommendations are given in the language of this document where they were translated, otherwise in the language in which they were written and published, as is the introduction.`,
  dialogueLanguages: 'languages of the dialogue',
  published: 'Published',
  draft: 'Draft — not published',
  version: 'Version',
  due: 'Due',
  venue: 'Venue',
  date: 'Date',
  reference: 'Reference',
  kind: 'Kind',
  addressedTo: 'Addressed to',
  fromDialogue: 'From the dialogue',
  page: (n, t) => `Page ${n} of ${t}`,
  noRecommendations: 'No recommendation has been included yet.',
  kinds: {
    policy_recommendation: 'Policy recommendation',
    good_practice: 'Good practice',
    means_of_implementation: 'Means of implementation',
    actionable_commitment: 'Actionable commitment',
  },
  groups: {
    government: 'Governments',
    international_organization: 'International organizations',
    civil_society: 'Civil society',
    private_sector: 'Private sector',
    academia: 'Academia',
    local_authority: 'Local authorities',
    migrant_diaspora: 'Migrant and diaspora organizations',
    media: 'Media',
    other: 'Others',
  },
  languageNames: { en: 'English', fr: 'French', es: 'Spanish', ar: 'Arabic', ru: 'Russian', zh: 'Chinese' },
};

const fr: DocumentLabels = {
  documentTitle: 'Synthèse des recommandations du FMMD',
  forum: 'Forum mondial sur la migration et le développement (FMMD)',
  contents: 'Table des matières',
  introduction: 'Introduction',
  recommendations: 'Recommandations',
  sources: 'Les dialogues dont sont issues les recommandations',
  languages: 'Langues',
  languagesText: (d, a) =>
    `Ce document est en ${d}. Il peut être téléchargé en ${a}. Les recommandations sont données dans la langue de ce document lorsqu’elles ont été traduites, sinon dans la langue dans laquelle elles ont été rédigées et publiées, comme l’introduction.`,
  dialogueLanguages: 'langues du dialogue',
  published: 'Publié le',
  draft: 'Projet — non publié',
  version: 'Version',
  due: 'Échéance',
  venue: 'Lieu',
  date: 'Date',
  reference: 'Référence',
  kind: 'Type',
  addressedTo: 'Destinataires',
  fromDialogue: 'Issue du dialogue',
  page: (n, t) => `Page ${n} sur ${t}`,
  noRecommendations: 'Aucune recommandation n’a encore été retenue.',
  kinds: {
    policy_recommendation: 'Recommandation politique',
    good_practice: 'Bonne pratique',
    means_of_implementation: 'Moyens de mise en œuvre',
    actionable_commitment: 'Engagement concret',
  },
  groups: {
    government: 'Gouvernements',
    international_organization: 'Organisations internationales',
    civil_society: 'Société civile',
    private_sector: 'Secteur privé',
    academia: 'Milieu universitaire',
    local_authority: 'Autorités locales',
    migrant_diaspora: 'Organisations de migrants et de la diaspora',
    media: 'Médias',
    other: 'Autres',
  },
  languageNames: { en: 'anglais', fr: 'français', es: 'espagnol', ar: 'arabe', ru: 'russe', zh: 'chinois' },
};

const es: DocumentLabels = {
  documentTitle: 'Síntesis de las recomendaciones del FMMD',
  forum: 'Foro Mundial sobre Migración y Desarrollo (FMMD)',
  contents: 'Índice',
  introduction: 'Introducción',
  recommendations: 'Recomendaciones',
  sources: 'Los diálogos de los que proceden las recomendaciones',
  languages: 'Idiomas',
  languagesText: (d, a) =>
    `Este documento está en ${d}. Puede descargarse en ${a}. Las recomendaciones se dan en el idioma de este documento cuando se han traducido y, si no, en el idioma en que se redactaron y publicaron, al igual que la introducción.`,
  dialogueLanguages: 'idiomas del diálogo',
  published: 'Publicado el',
  draft: 'Borrador — no publicado',
  version: 'Versión',
  due: 'Fecha límite',
  venue: 'Lugar',
  date: 'Fecha',
  reference: 'Referencia',
  kind: 'Tipo',
  addressedTo: 'Dirigida a',
  fromDialogue: 'Del diálogo',
  page: (n, t) => `Página ${n} de ${t}`,
  noRecommendations: 'Todavía no se ha incluido ninguna recomendación.',
  kinds: {
    policy_recommendation: 'Recomendación de política',
    good_practice: 'Buena práctica',
    means_of_implementation: 'Medios de implementación',
    actionable_commitment: 'Compromiso concreto',
  },
  groups: {
    government: 'Gobiernos',
    international_organization: 'Organizaciones internacionales',
    civil_society: 'Sociedad civil',
    private_sector: 'Sector privado',
    academia: 'Academia',
    local_authority: 'Autoridades locales',
    migrant_diaspora: 'Organizaciones de migrantes y de la diáspora',
    media: 'Medios de comunicación',
    other: 'Otros',
  },
  languageNames: { en: 'inglés', fr: 'francés', es: 'español', ar: 'árabe', ru: 'ruso', zh: 'chino' },
};

const ar: DocumentLabels = {
  documentTitle: 'توليفة توصيات المنتدى العالمي للهجرة والتنمية',
  forum: 'المنتدى العالمي للهجرة والتنمية',
  contents: 'المحتويات',
  introduction: 'مقدمة',
  recommendations: 'التوصيات',
  sources: 'الحوارات التي صدرت عنها التوصيات',
  languages: 'اللغات',
  languagesText: (d, a) =>
    `هذه الوثيقة باللغة ${d}. ويمكن تنزيلها باللغات التالية: ${a}. وترد المقدمة والتوصيات باللغة التي كُتبت ونُشرت بها.`,
  dialogueLanguages: 'لغات الحوار',
  published: 'تاريخ النشر',
  draft: 'مسودة — غير منشورة',
  version: 'النسخة',
  due: 'الموعد المقرر',
  venue: 'المكان',
  date: 'التاريخ',
  reference: 'المرجع',
  kind: 'النوع',
  addressedTo: 'موجهة إلى',
  fromDialogue: 'من الحوار',
  page: (n, t) => `الصفحة ${n} من ${t}`,
  noRecommendations: 'لم تُدرج أي توصية بعد.',
  kinds: {
    policy_recommendation: 'توصية في مجال السياسات',
    good_practice: 'ممارسة جيدة',
    means_of_implementation: 'وسائل التنفيذ',
    actionable_commitment: 'التزام قابل للتنفيذ',
  },
  groups: {
    government: 'الحكومات',
    international_organization: 'المنظمات الدولية',
    civil_society: 'المجتمع المدني',
    private_sector: 'القطاع الخاص',
    academia: 'الأوساط الأكاديمية',
    local_authority: 'السلطات المحلية',
    migrant_diaspora: 'منظمات المهاجرين والمغتربين',
    media: 'وسائل الإعلام',
    other: 'جهات أخرى',
  },
  languageNames: { en: 'الإنكليزية', fr: 'الفرنسية', es: 'الإسبانية', ar: 'العربية', ru: 'الروسية', zh: 'الصينية' },
};

export const DOCUMENT_LABELS: Record<Language, DocumentLabels> = { en, fr, es, ar };
