import {
  labelIn,
  type Answer,
  type AttendanceMode,
  type Language,
  type Question,
  type ReaderLanguage,
  type RegistrationStatus,
  type StakeholderGroup,
} from '@gfmd/contracts';
import { csvCell } from '@gfmd/api-platform';
import type { RegistrationView } from './registration.mapper';

/**
 * What a row of the export needs of a registration: a RegistrationView has it all; the export
 * itself reads just these from the database (RegistrationReadsRepository.csvPage), no view made.
 */
export type CsvRow = Pick<
  RegistrationView,
  | 'id'
  | 'status'
  | 'email'
  | 'title'
  | 'firstName'
  | 'lastName'
  | 'organization'
  | 'jobTitle'
  | 'stakeholderGroup'
  | 'country'
  | 'preferredLanguage'
  | 'accessibilityNeeds'
  | 'invited'
  | 'checkedInAt'
  | 'createdAt'
  | 'attendance'
> & {
  /** null: none (the export's own rows say so without an empty object or array each). */
  answers?: RegistrationView['answers'] | null;
  spaces: Pick<RegistrationView['spaces'][number], 'name' | 'status'>[] | null;
  delegation?: { name: string } | null;
};

export const CSV_COLUMNS = [
  'id',
  'status',
  'email',
  'title',
  'firstName',
  'lastName',
  'organization',
  'jobTitle',
  'stakeholderGroup',
  'country',
  'preferredLanguage',
  'accessibilityNeeds',
  'spaces',
  'invited',
  'checkedInAt',
  'createdAt',
  'attendance',
  'delegation',
  'answers',
] as const;

type CsvColumn = (typeof CSV_COLUMNS)[number];

interface CsvWords {
  /** The file name's first word. */
  file: string;
  columns: Record<CsvColumn, string>;
  statuses: Record<RegistrationStatus, string>;
  groups: Record<StakeholderGroup, string>;
  languages: Record<Language, string>;
  attendance: Record<AttendanceMode, string>;
  yes: string;
  no: string;
}

/** The words of the export, in the reader's language (Accept-Language, as problems). */
export const CSV_WORDS: Record<Language, CsvWords> = {
  en: {
    file: 'registrations',
    columns: {
      id: 'ID',
      status: 'Status',
      email: 'Email',
      title: 'Title',
      firstName: 'First name',
      lastName: 'Last name',
      organization: 'Organization',
      jobTitle: 'Job title',
      stakeholderGroup: 'Stakeholder group',
      country: 'Country',
      preferredLanguage: 'Preferred language',
      accessibilityNeeds: 'Accessibility needs',
      spaces: 'Spaces',
      invited: 'Invited',
      checkedInAt: 'Checked in at',
      createdAt: 'Registered at',
      attendance: 'Attendance',
      delegation: 'Delegation',
      answers: 'Answers',
    },
    statuses: {
      pending: 'Pending approval',
      confirmed: 'Confirmed',
      waitlisted: 'Waiting list',
      declined: 'Declined',
      cancelled: 'Cancelled',
    },
    groups: {
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
    languages: { en: 'English', fr: 'French', es: 'Spanish', ar: 'Arabic' },
    attendance: { in_person: 'In person', online: 'Online' },
    yes: 'yes',
    no: 'no',
  },
  fr: {
    file: 'inscriptions',
    columns: {
      id: 'Identifiant',
      status: 'Statut',
      email: 'E-mail',
      title: 'Civilité',
      firstName: 'Prénom',
      lastName: 'Nom',
      organization: 'Organisation',
      jobTitle: 'Fonction',
      stakeholderGroup: 'Groupe de parties prenantes',
      country: 'Pays',
      preferredLanguage: 'Langue préférée',
      accessibilityNeeds: "Besoins d'accessibilité",
      spaces: 'Espaces',
      invited: 'Invité',
      checkedInAt: 'Présence enregistrée le',
      createdAt: 'Inscrit le',
      attendance: 'Mode de participation',
      delegation: 'Délégation',
      answers: 'Réponses',
    },
    statuses: {
      pending: "En attente d'approbation",
      confirmed: 'Confirmée',
      waitlisted: "Liste d'attente",
      declined: 'Refusée',
      cancelled: 'Annulée',
    },
    groups: {
      government: 'Gouvernement',
      international_organization: 'Organisation internationale',
      civil_society: 'Société civile',
      private_sector: 'Secteur privé',
      academia: 'Monde universitaire',
      local_authority: 'Autorité locale',
      migrant_diaspora: 'Migrants et diaspora',
      media: 'Médias',
      other: 'Autre',
    },
    languages: { en: 'anglais', fr: 'français', es: 'espagnol', ar: 'arabe' },
    attendance: { in_person: 'En présentiel', online: 'En ligne' },
    yes: 'oui',
    no: 'non',
  },
  es: {
    file: 'inscripciones',
    columns: {
      id: 'Identificador',
      status: 'Estado',
      email: 'Correo electrónico',
      title: 'Tratamiento',
      firstName: 'Nombre',
      lastName: 'Apellidos',
      organization: 'Organización',
      jobTitle: 'Cargo',
      stakeholderGroup: 'Grupo de partes interesadas',
      country: 'País',
      preferredLanguage: 'Idioma preferido',
      accessibilityNeeds: 'Necesidades de accesibilidad',
      spaces: 'Espacios',
      invited: 'Invitado',
      checkedInAt: 'Registro de asistencia',
      createdAt: 'Inscrito el',
      attendance: 'Modalidad',
      delegation: 'Delegación',
      answers: 'Respuestas',
    },
    statuses: {
      pending: 'Pendiente de aprobación',
      confirmed: 'Confirmada',
      waitlisted: 'Lista de espera',
      declined: 'Rechazada',
      cancelled: 'Cancelada',
    },
    groups: {
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
    languages: { en: 'inglés', fr: 'francés', es: 'español', ar: 'árabe' },
    attendance: { in_person: 'Presencial', online: 'En línea' },
    yes: 'sí',
    no: 'no',
  },
  ar: {
    file: 'التسجيلات',
    columns: {
      id: 'المعرّف',
      status: 'الحالة',
      email: 'البريد الإلكتروني',
      title: 'اللقب',
      firstName: 'الاسم الأول',
      lastName: 'اسم العائلة',
      organization: 'المنظمة',
      jobTitle: 'المسمى الوظيفي',
      stakeholderGroup: 'فئة أصحاب المصلحة',
      country: 'البلد',
      preferredLanguage: 'اللغة المفضلة',
      accessibilityNeeds: 'احتياجات إمكانية الوصول',
      spaces: 'المساحات',
      invited: 'مدعو',
      checkedInAt: 'تاريخ تسجيل الحضور',
      createdAt: 'تاريخ التسجيل',
      attendance: 'طريقة المشاركة',
      delegation: 'الوفد',
      answers: 'الإجابات',
    },
    statuses: {
      pending: 'بانتظار الموافقة',
      confirmed: 'مؤكد',
      waitlisted: 'قائمة الانتظار',
      declined: 'مرفوض',
      cancelled: 'ملغى',
    },
    groups: {
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
    languages: { en: 'الإنكليزية', fr: 'الفرنسية', es: 'الإسبانية', ar: 'العربية' },
    attendance: { in_person: 'حضوريًا', online: 'عبر الإنترنت' },
    yes: 'نعم',
    no: 'لا',
  },
};

/**
 * Registrations as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark for spreadsheets), with
 * column headers, statuses, groups and languages in the reader's language. Cells that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR) are neutralised.
 */
export function registrationsCsv(
  items: RegistrationView[],
  language: Language = 'en',
  questions: Question[] = [],
  labels?: QuestionLabels,
): string {
  const line = csvLiner(language, questions, labels);
  return csvHead(language, questions, labels) + items.map(line).join('');
}

/**
 * The language of the questions' labels (any of the six: the reader's content language, which may
 * differ from the words of the export, e.g. Russian) and the dialogue's languages, in order, to
 * fall back on (docs/i18n.md, "Registration questions").
 */
export interface QuestionLabels {
  language: ReaderLanguage;
  languages: readonly ReaderLanguage[];
}

const NO_ANSWERS: Readonly<Record<string, Answer>> = Object.freeze({});

const textIn = (label: Question['label'], labels: QuestionLabels) =>
  labelIn(label, labels.language, labels.languages)?.text ?? '';

/**
 * The start of the export: the byte-order mark (for spreadsheet programs) and the header row,
 * with one column per current question (its label in the reader's language).
 */
export function csvHead(
  language: Language = 'en',
  questions: Question[] = [],
  labels: QuestionLabels = { language, languages: ['en'] },
): string {
  const w = CSV_WORDS[language];
  return `\uFEFF${[...CSV_COLUMNS.map((c) => w.columns[c]), ...questions.map((q) => textIn(q.label, labels) || q.key)]
    .map((h) => csvCell(h))
    .join(',')}\r\n`;
}

/**
 * One registration's row of the export, with its line end (the export is streamed row by row):
 * an answer per current question (option labels for choices); answers to questions since
 * removed stay readable in the Answers column.
 */
export function csvLine(
  r: CsvRow,
  language: Language = 'en',
  questions: Question[] = [],
  labels: QuestionLabels = { language, languages: ['en'] },
): string {
  return csvLiner(language, questions, labels)(r);
}

/**
 * The row maker of one export (`csvLine` for many rows): the words, the current questions'
 * keys and each cell's escaping worked out once, then per row only the row's own strings are
 * made — an export of 100,000 rows makes little garbage (docs/performance.md, "Session 10").
 */
export function csvLiner(
  language: Language = 'en',
  questions: Question[] = [],
  labels: QuestionLabels = { language, languages: ['en'] },
): (r: CsvRow) => string {
  const w = CSV_WORDS[language];
  const keys = new Set(questions.map((q) => q.key));
  const options = new Map(
    questions.map((q) => [q.key, new Map((q.options ?? []).map((o) => [o.value, textIn(o.label, labels) || o.value]))]),
  );
  const answer = (q: Question | undefined, v: Answer): string => {
    const option = (value: string) => (q && options.get(q.key)?.get(value)) || value;
    if (Array.isArray(v)) return v.map(option).join(' | ');
    if (typeof v === 'boolean') return v ? w.yes : w.no;
    return q?.type === 'single_choice' ? option(v) : v;
  };
  return (r) => {
    const given = r.answers ?? NO_ANSWERS;
    // In the order of CSV_COLUMNS, then one cell per current question.
    const cells: unknown[] = [
      r.id,
      w.statuses[r.status] ?? r.status,
      r.email,
      r.title,
      r.firstName,
      r.lastName,
      r.organization,
      r.jobTitle,
      w.groups[r.stakeholderGroup] ?? r.stakeholderGroup,
      r.country,
      w.languages[r.preferredLanguage] ?? r.preferredLanguage,
      r.accessibilityNeeds,
      r.spaces?.length ? r.spaces.map((s) => `${s.name}: ${w.statuses[s.status] ?? s.status}`).join('; ') : '',
      r.invited ? w.yes : w.no,
      r.checkedInAt,
      r.createdAt,
      r.attendance ? w.attendance[r.attendance] : '',
      r.delegation?.name ?? '',
      given === NO_ANSWERS
        ? ''
        : Object.entries(given)
            .filter(([k]) => !keys.has(k))
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => `${k}: ${answer(undefined, v)}`)
            .join('; '),
    ];
    for (const q of questions) cells.push(given[q.key] === undefined ? '' : answer(q, given[q.key]));
    return `${cells.map(csvCell).join(',')}\r\n`;
  };
}

/**
 * The Content-Disposition of the export: `<registrations> - <title> - <date>.csv` in UTF-8
 * (`filename*`, RFC 6266 / 5987) and an ASCII fallback (`filename`) without accents, quotes or
 * separators, for clients that do not read `filename*`. `date` is the dialogue's first day (YYYY-MM-DD).
 */
export function csvContentDisposition(title: string, date: string, language: Language = 'en'): string {
  const word = CSV_WORDS[language].file;
  // Nothing a file system or a header would choke on: controls, path separators, reserved characters.
  const clean = title
    .replace(/[\p{Cc}\p{Cf}\\/:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  const utf8 = `${word} - ${clean || 'dialogue'} - ${date}.csv`;
  // The ASCII fallback's word: the reader's when it is ASCII, else English (Arabic would be all dashes).
  const asciiWord = /^[A-Za-z0-9._-]+$/.test(word) ? word : CSV_WORDS.en.file;
  const ascii = `${asciiWord}-${
    clean
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'dialogue'
  }-${date}.csv`.replace(/[^A-Za-z0-9._-]/g, '-');
  const encoded = encodeURIComponent(utf8).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      instant,
    );
  } catch {
    return instant.toISOString().slice(0, 10);
  }
}
