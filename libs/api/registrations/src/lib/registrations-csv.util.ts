import type { Language, RegistrationStatus, StakeholderGroup } from '@gfmd/contracts';
import { csvCell } from '@gfmd/api-platform';
import type { RegistrationView } from './registration.mapper';

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
    languages: { en: 'English', fr: 'French', es: 'Spanish' },
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
    languages: { en: 'anglais', fr: 'français', es: 'espagnol' },
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
    languages: { en: 'inglés', fr: 'francés', es: 'español' },
    yes: 'sí',
    no: 'no',
  },
};

/**
 * Registrations as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark for spreadsheets), with
 * column headers, statuses, groups and languages in the reader's language. Cells that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR) are neutralised.
 */
export function registrationsCsv(items: RegistrationView[], language: Language = 'en'): string {
  return csvHead(language) + items.map((r) => csvLine(r, language)).join('');
}

/** The start of the export: the byte-order mark (for spreadsheet programs) and the header row. */
export function csvHead(language: Language = 'en'): string {
  const w = CSV_WORDS[language];
  return `\uFEFF${CSV_COLUMNS.map((c) => csvCell(w.columns[c])).join(',')}\r\n`;
}

/** One registration's row of the export, with its line end (the export is streamed row by row). */
export function csvLine(r: RegistrationView, language: Language = 'en'): string {
  const w = CSV_WORDS[language];
  const cells: Record<CsvColumn, unknown> = {
    id: r.id,
    status: w.statuses[r.status] ?? r.status,
    email: r.email,
    title: r.title,
    firstName: r.firstName,
    lastName: r.lastName,
    organization: r.organization,
    jobTitle: r.jobTitle,
    stakeholderGroup: w.groups[r.stakeholderGroup] ?? r.stakeholderGroup,
    country: r.country,
    preferredLanguage: w.languages[r.preferredLanguage] ?? r.preferredLanguage,
    accessibilityNeeds: r.accessibilityNeeds,
    spaces: r.spaces.map((s) => `${s.name}: ${w.statuses[s.status] ?? s.status}`).join('; '),
    invited: r.invited ? w.yes : w.no,
    checkedInAt: r.checkedInAt,
    createdAt: r.createdAt,
    delegation: r.delegation?.name ?? '',
    answers: Object.entries(r.answers ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(' | ') : typeof v === 'boolean' ? (v ? w.yes : w.no) : v}`)
      .join('; '),
  };
  return `${CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',')}\r\n`;
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
  const ascii = `${word}-${
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
