import type {
  Answers,
  AttendanceMode,
  AwaitingFilter,
  ContentTranslations,
  DialogueFormat,
  DialogueStatus,
  Language,
  ReaderLanguage,
  RegistrationStatus,
  SpaceAccess,
  StakeholderGroup,
  StakeholderQuotas,
} from '@gfmd/contracts';
import { currentManager } from '@gfmd/api-platform';
import type { DataSource } from 'typeorm';

/*
 * The row shapes and column lists shared by the registrations repositories (seat ledger, reads,
 * writes, manage tokens, reminder rounds, space messages), and the one way they run SQL: in the
 * transaction of the async context (currentManager), else autocommit.
 */

/** The dialogue columns the seat rules and the emails need, read (and locked) by this domain. */
export interface DialogueRow {
  id: string;
  title: string;
  status: DialogueStatus;
  capacity: number;
  confirmedCount: number;
  approvalRequired: boolean;
  stakeholderQuotas: StakeholderQuotas | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue: string;
  format: DialogueFormat;
  onlineUrl: string | null;
  /** Hybrid dialogues: the online seats (null: unlimited) and how many are confirmed. */
  onlineCapacity: number | null;
  onlineConfirmedCount: number;
  /** Content languages (the first: the one `title` is written in) and the title's translations. */
  languages: ReaderLanguage[];
  translations: ContentTranslations<'title' | 'summary'>;
}

export interface SpaceRow {
  id: string;
  dialogueId: string;
  name: string;
  capacity: number | null;
  confirmedCount: number;
  access: SpaceAccess;
  allowedGroups: StakeholderGroup[] | null;
  coordinatingGroup: StakeholderGroup | null;
  coordinatorUserIds: string[];
  translations?: SpaceTranslations | null;
}

/** A space's translated name and description, by language (the spaces table's `translations`). */
export type SpaceTranslations = ContentTranslations<'name' | 'description'>;

export interface RegistrationRow {
  id: string;
  dialogueId: string;
  arrival: string;
  email: string;
  emailNormalized: string;
  title: string | null;
  firstName: string;
  lastName: string;
  organization: string;
  jobTitle: string | null;
  stakeholderGroup: StakeholderGroup;
  country: string;
  preferredLanguage: Language;
  accessibilityNeeds: string | null;
  consentAt: Date | null;
  status: RegistrationStatus;
  invitationId: string | null;
  /** Hybrid dialogues: in person or online (null elsewhere). */
  attendance?: AttendanceMode | null;
  /** Answers to the dialogue's own questions, by key (null: none). */
  answers?: Answers | null;
  /** The seat hold (delegation) the registration sits in; its seat is the hold's, not the dialogue's. */
  holdId?: string | null;
  /** When the address was shown to be the registrant's (manage link used, or a valid invitation); null: not yet. */
  emailConfirmedAt: Date | null;
  checkedInAt: Date | null;
  cancelledAt: Date | null;
  erasedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RegistrationSpaceRow {
  registrationId: string;
  spaceId: string;
  status: RegistrationStatus;
  arrival: string;
  name: string;
  /** The space's name and description in its dialogue's other languages (emails print the reader's). */
  translations?: SpaceTranslations | null;
}

/** Who an email about a registration goes to, and in which language. */
export interface ParticipantContact {
  id: string;
  email: string;
  title: string | null;
  firstName: string;
  lastName: string;
  preferredLanguage: Language;
  /** Hybrid dialogues: the online link goes to online participants only. */
  attendance?: AttendanceMode | null;
}

/** What an admission inserts; the database fills in the rest (arrival, consent and times). */
export type NewRegistration = Pick<
  RegistrationRow,
  | 'id'
  | 'dialogueId'
  | 'email'
  | 'emailNormalized'
  | 'title'
  | 'firstName'
  | 'lastName'
  | 'organization'
  | 'jobTitle'
  | 'stakeholderGroup'
  | 'country'
  | 'preferredLanguage'
  | 'accessibilityNeeds'
  | 'status'
  | 'invitationId'
> & {
  attendance?: AttendanceMode | null;
  /** Registered by a staff member: the participant gave no consent through the form (consent_at stays null). */
  byStaff?: boolean;
  /** Checked answers to the dialogue's questions, written with the row (no second statement). */
  answers?: Answers | null;
};

export interface RegistrationFilter {
  dialogueId: string;
  status?: RegistrationStatus;
  stakeholderGroup?: StakeholderGroup;
  spaceId?: string;
  /** Only what waits for a staff decision (see `AwaitingFilter`). */
  awaiting?: AwaitingFilter;
  q?: string;
  /** Only registrations whose answer to `key` is `value` (or includes it, for a multiple choice). */
  answer?: { key: string; value: string };
  /** Coordinators: only registrations with a seat request in one of these spaces. */
  onlySpaceIds?: string[];
  skip: number;
  take: number;
}

export const REG_COLUMNS = `r.id, r.dialogue_id AS "dialogueId", r.arrival, r.email, r.email_normalized AS "emailNormalized",
  r.title, r.first_name AS "firstName", r.last_name AS "lastName", r.organization, r.job_title AS "jobTitle",
  r.stakeholder_group AS "stakeholderGroup", r.country, r.preferred_language AS "preferredLanguage",
  r.accessibility_needs AS "accessibilityNeeds", r.consent_at AS "consentAt", r.status, r.invitation_id AS "invitationId", r.hold_id AS "holdId", r.answers, r.attendance,
  r.email_confirmed_at AS "emailConfirmedAt", r.checked_in_at AS "checkedInAt", r.cancelled_at AS "cancelledAt", r.erased_at AS "erasedAt",
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

export const SPACE_COLUMNS = `s.id, s.dialogue_id AS "dialogueId", s.name, s.capacity, s.confirmed_count AS "confirmedCount", s.access,
  s.allowed_groups::text[] AS "allowedGroups", s.coordinating_group AS "coordinatingGroup",
  s.coordinator_user_ids::text[] AS "coordinatorUserIds", s.translations`;

/** TypeORM's postgres driver answers UPDATE/DELETE with [rows, count]; everything else with rows. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/** Contact columns of a registration `r` (ParticipantContact). */
export const CONTACT_COLUMNS = `r.id, r.email, r.title, r.first_name AS "firstName", r.last_name AS "lastName",
  r.preferred_language AS "preferredLanguage", r.attendance`;

/** Runs SQL in the current transaction (or autocommit) and answers its rows. */
export async function sql<T>(dataSource: DataSource, text: string, params: unknown[] = []): Promise<T[]> {
  return rowsOf<T>(await currentManager(dataSource).query(text, params));
}
