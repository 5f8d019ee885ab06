import type { Language, ReaderLanguage, StakeholderGroup } from './enums';
import type { CreateRegistrationRequest } from './requests';
import type { RegistrationStatus } from './enums';

/** A delegate's place in their delegation. */
export const DELEGATE_ROLES = ['head_of_delegation', 'delegate', 'adviser'] as const;
export type DelegateRole = (typeof DELEGATE_ROLES)[number];

/** "Delegation in": POST /dialogues/:id/delegations (organizer). */
export interface CreateDelegationRequest {
  name: string;
  stakeholderGroup: StakeholderGroup;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
  seats: number;
  focalPointEmail: string;
  /**
   * The language of the focal point's emails and private link. Default: the dialogue's first
   * language that emails are written in (`languages`, in order), else en.
   */
  focalPointLanguage?: Language;
}

/** PATCH /delegations/:id (organizer): a new focal point gets a new link, the old links stop working. */
export interface UpdateDelegationRequest {
  name?: string;
  country?: string | null;
  seats?: number;
  focalPointEmail?: string;
  focalPointLanguage?: Language;
}

/** A delegation as organizers see it: its seats held, and how many are named (confirmed delegates). */
export interface Delegation {
  id: string;
  dialogueId: string;
  name: string;
  stakeholderGroup: StakeholderGroup;
  country: string | null;
  seats: number;
  used: number;
  focalPointEmail: string;
  focalPointLanguage: Language;
  createdAt: string;
  updatedAt: string;
}

/** "delegate in": a registration (§3 registration in, without the group: the delegation's) and a role. */
export interface DelegateRequest extends Omit<CreateRegistrationRequest, 'stakeholderGroup' | 'invitationToken'> {
  role: DelegateRole;
}

/** One delegate as the focal point sees them. */
export interface Delegate {
  registrationId: string;
  role: DelegateRole;
  email: string;
  title: string | null;
  firstName: string;
  lastName: string;
  organization: string;
  jobTitle: string | null;
  country: string;
  preferredLanguage: Language;
  status: RegistrationStatus;
  createdAt: string;
}

/** GET /delegations/manage/:token: the focal point's page. */
export interface FocalPointView {
  delegation: Pick<Delegation, 'id' | 'name' | 'stakeholderGroup' | 'country' | 'seats' | 'used'>;
  dialogue: {
    id: string;
    /** In the reader's language where written, else the dialogue's first language (`titleLang` says which). */
    title: string;
    titleLang: ReaderLanguage;
    /** The dialogue's content languages, the first the source: where question labels fall back. */
    languages: ReaderLanguage[];
    startsAt: string;
    endsAt: string;
    timeZone: string;
    venue: string;
    status: string;
  };
  /** Current delegates first (confirmed), then those withdrawn or replaced. */
  delegates: Delegate[];
}

/** POST /dialogues/:id/delegations/import: a CSV of delegations, all written or none. */
export interface ImportDelegationsRequest {
  /** Header: name,stakeholderGroup,country,seats,focalPointEmail[,focalPointLanguage] (default as in CreateDelegationRequest). */
  csv: string;
  /** Check only: answers what would be created, writes nothing. */
  dryRun?: boolean;
}

export interface ImportDelegationsResult {
  dryRun: boolean;
  created: number;
  seats: number;
  items: Pick<Delegation, 'name' | 'stakeholderGroup' | 'country' | 'seats'>[];
}

/** The kinds of an organizer's registration question. */
export const QUESTION_TYPES = ['text', 'long_text', 'single_choice', 'multi_choice', 'checkbox', 'date'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Text per language: any of the six (ar, en, es, fr, ru, zh), at least one. */
export type LocalizedText = Partial<Record<ReaderLanguage, string>>;

/** One option of a choice: the value stored as the answer, and its label per language. */
export interface QuestionOption {
  value: string;
  label: LocalizedText;
}

/** An organizer's own registration question (PUT /dialogues/:id/questions, in the order given). */
export interface Question {
  /** Stable name of the answer: lower-case letters, digits and _, starting with a letter. */
  key: string;
  label: LocalizedText;
  type: QuestionType;
  /** single_choice and multi_choice only. */
  options?: QuestionOption[];
  required: boolean;
  /** Asked only of these stakeholder groups (absent or empty: everyone). */
  groups?: StakeholderGroup[];
}

/** A label read in one language: the reader's where it is written, else the dialogue's languages in order. */
export interface LabelInLanguage {
  /** The label in `labelLang`. */
  labelText: string;
  labelLang: ReaderLanguage;
}

/**
 * A question as GET /dialogues/:id/questions answers it (docs/i18n.md, "Registration questions"):
 * the labels as stored, and each label in the reader's language (`labelText`, `labelLang`, options
 * likewise). Staff reads (Bearer token, no `?lang=`) add what the dialogue's listed languages lack.
 */
export interface QuestionView extends Omit<Question, 'options'>, LabelInLanguage {
  options?: (QuestionOption & LabelInLanguage)[];
  /** Staff reads: per listed language, `label` and `options.<value>` not written in it. */
  missingTranslations?: Partial<Record<ReaderLanguage, string[]>>;
  /** Staff reads: languages written that the dialogue does not list (accepted, kept, marked). */
  unlistedLanguages?: ReaderLanguage[];
}

/**
 * A question as the public reads it (GET /dialogues/:id/questions without a staff token: the
 * registration form, the manage page): each label only in the reader's language (else the
 * dialogue's languages in order), with the language it is in; no label maps, no editor fields.
 */
export interface PublicQuestion extends Omit<Question, 'label' | 'options'>, LabelInLanguage {
  options?: ({ value: string } & LabelInLanguage)[];
}

/** An answer: text and date (YYYY-MM-DD) a string, single_choice an option's value, multi_choice values, checkbox a boolean. */
export type Answer = string | string[] | boolean;
export type Answers = Record<string, Answer>;

const written = (text: string | undefined): text is string => typeof text === 'string' && text.trim() !== '';

/**
 * A label in `language` where it is written, else in the first of `fallbacks` written (a
 * dialogue's languages, in order), else in any language it has; `undefined` when it has none.
 */
export function labelIn(
  label: LocalizedText | undefined,
  language: ReaderLanguage,
  fallbacks: readonly ReaderLanguage[] = [],
): { text: string; lang: ReaderLanguage } | undefined {
  for (const lang of [language, ...fallbacks, ...(Object.keys(label ?? {}) as ReaderLanguage[])]) {
    const text = label?.[lang];
    if (written(text)) return { text, lang };
  }
  return undefined;
}
